package gluelab.lab;

/**
 * One column of a {@link DataTable}.
 *
 * @param name     the column name
 * @param type     its type
 * @param typeName the full type as Spark writes it, e.g. {@code decimal(10,2)} or {@code int}
 */
public record Column(String name, ColumnType type, String typeName) {

    public Column(String name, ColumnType type) {
        this(name, type, type.sqlName());
    }

    @Override
    public String toString() {
        return name + " " + typeName;
    }
}
