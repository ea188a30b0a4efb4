package gluelab.labs.lab04;

/**
 * The refined payments table's schema, for both jobs of lab 04: {source field, source type, target field, target
 * type}, the source types as Glue's CSV reader finds them (whole numbers long, amounts double, dates text).
 */
final class Payments {

    static final String[][] SCHEMA = {
            {"payment_id", "long", "payment_id", "int"},
            {"order_id", "long", "order_id", "int"},
            {"payer", "string", "payer", "string"},
            {"payment_date", "string", "payment_date", "date"},
            {"amount", "double", "amount", "decimal(12,2)"},
            {"currency", "string", "currency", "string"},
            {"method", "string", "method", "string"},
            {"reference", "string", "reference", "string"},
    };

    private Payments() {
    }
}
