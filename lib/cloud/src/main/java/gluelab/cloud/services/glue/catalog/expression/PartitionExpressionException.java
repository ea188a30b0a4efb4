package gluelab.cloud.services.glue.catalog.expression;

/** A partition filter that cannot be parsed or does not fit the table's partition keys; Glue says InvalidInputException. */
public final class PartitionExpressionException extends IllegalArgumentException {

    public PartitionExpressionException(String message) {
        super(message);
    }
}
