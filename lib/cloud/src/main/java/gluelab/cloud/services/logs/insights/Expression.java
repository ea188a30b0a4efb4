package gluelab.cloud.services.logs.insights;

import java.util.Map;

/** A value computed from one row (an event's fields, or a row of {@code stats} output). */
@FunctionalInterface
interface Expression {

    Object eval(Map<String, Object> row);

    static Expression field(String name) {
        return row -> row.get(name);
    }

    static Expression constant(Object value) {
        return row -> value;
    }
}
