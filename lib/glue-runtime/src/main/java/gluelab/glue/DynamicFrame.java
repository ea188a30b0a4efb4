package gluelab.glue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Glue's DynamicFrame, here a thin layer over a Spark {@code Dataset<Row>}: the transforms Glue
 * jobs use most, with Glue's leniency (a field that is not there is skipped, not an error), and
 * {@link #toDF()} / {@link #fromDF} to move to and from Spark.
 */
public final class DynamicFrame {

    /** One mapping of {@link #applyMapping}: source field and type, target field and type. */
    public record Mapping(String sourceField, String sourceType, String targetField, String targetType) {
        public static Mapping of(String sourceField, String sourceType, String targetField, String targetType) {
            return new Mapping(sourceField, sourceType, targetField, targetType);
        }
    }

    private final Dataset<Row> df;
    private final GlueContext glueContext;
    private final String name;

    public DynamicFrame(Dataset<Row> df, GlueContext glueContext) {
        this(df, glueContext, null);
    }

    DynamicFrame(Dataset<Row> df, GlueContext glueContext, String name) {
        this.df = df;
        this.glueContext = glueContext;
        this.name = name;
    }

    public static DynamicFrame apply(Dataset<Row> df, GlueContext glueContext) {
        return new DynamicFrame(df, glueContext);
    }

    public static DynamicFrame fromDF(Dataset<Row> df, GlueContext glueContext, String name) {
        return new DynamicFrame(df, glueContext, name);
    }

    public Dataset<Row> toDF() {
        return df;
    }

    public GlueContext glueContext() {
        return glueContext;
    }

    public String getName() {
        return name;
    }

    public long count() {
        return df.count();
    }

    public StructType schema() {
        return df.schema();
    }

    public void printSchema() {
        df.printSchema();
    }

    public void show(int numRows) {
        df.show(numRows, false);
    }

    public void show() {
        show(20);
    }

    private DynamicFrame with(Dataset<Row> next) {
        return new DynamicFrame(next, glueContext, name);
    }

    /**
     * Selects, renames and casts fields: {@code {"id", "string", "customer_id", "int"}} reads field
     * {@code id} and writes it as an int named {@code customer_id}. Fields not mapped are dropped;
     * mappings whose source field is missing are skipped, as in Glue.
     */
    public DynamicFrame applyMapping(String[][] mappings) {
        List<Mapping> list = new ArrayList<>();
        for (String[] m : mappings) {
            if (m.length != 4) {
                throw new IllegalArgumentException("applyMapping takes {sourceField, sourceType, targetField, targetType}: " + Arrays.toString(m));
            }
            list.add(new Mapping(m[0], m[1], m[2], m[3]));
        }
        return applyMapping(list);
    }

    public DynamicFrame applyMapping(String[][] mappings, String transformationContext) {
        return applyMapping(mappings);
    }

    public DynamicFrame applyMapping(List<Mapping> mappings) {
        Set<String> present = new LinkedHashSet<>(Arrays.asList(df.columns()));
        if (present.isEmpty()) {
            // An empty frame (nothing new under a bookmark) still has the mapped schema.
            List<StructField> fields = new ArrayList<>();
            mappings.forEach(m -> fields.add(DataTypes.createStructField(m.targetField(), glueType(m.targetType()), true)));
            return with(df.sparkSession().createDataFrame(new ArrayList<Row>(), DataTypes.createStructType(fields)));
        }
        List<Column> columns = new ArrayList<>();
        for (Mapping m : mappings) {
            String top = m.sourceField().split("\\.")[0];
            if (!present.contains(top)) {
                continue;
            }
            columns.add(functions.col(quote(m.sourceField())).cast(glueType(m.targetType())).as(m.targetField()));
        }
        return with(df.select(columns.toArray(Column[]::new)));
    }

    /**
     * Resolves choice types, lite: Spark's frames have one type per column, so the actions that
     * change data are {@code cast:TYPE} and {@code project:TYPE} (both cast the column);
     * {@code make_cols} and {@code make_struct} leave it as it is.
     */
    public DynamicFrame resolveChoice(String[][] specs) {
        Dataset<Row> next = df;
        Set<String> present = Set.of(df.columns());
        for (String[] spec : specs) {
            if (spec.length != 2) {
                throw new IllegalArgumentException("resolveChoice takes {field, action}: " + Arrays.toString(spec));
            }
            String field = spec[0];
            String action = spec[1];
            if (!present.contains(field)) {
                continue;
            }
            if (action.startsWith("cast:") || action.startsWith("project:")) {
                String type = action.substring(action.indexOf(':') + 1);
                next = next.withColumn(field, functions.col(quote(field)).cast(glueType(type)));
            } else if (!action.equals("make_cols") && !action.equals("make_struct")) {
                throw new IllegalArgumentException("Unknown resolveChoice action '" + action
                        + "': use cast:TYPE, project:TYPE, make_cols or make_struct");
            }
        }
        return with(next);
    }

    public DynamicFrame selectFields(String... fields) {
        Set<String> present = Set.of(df.columns());
        List<Column> columns = new ArrayList<>();
        for (String f : fields) {
            if (present.contains(f)) {
                columns.add(functions.col(quote(f)));
            }
        }
        return with(df.select(columns.toArray(Column[]::new)));
    }

    public DynamicFrame selectFields(List<String> fields) {
        return selectFields(fields.toArray(String[]::new));
    }

    public DynamicFrame dropFields(String... fields) {
        return with(df.drop(fields));
    }

    public DynamicFrame dropFields(List<String> fields) {
        return dropFields(fields.toArray(String[]::new));
    }

    public DynamicFrame renameField(String oldName, String newName) {
        return with(df.withColumnRenamed(oldName, newName));
    }

    /** Keeps the records for which the Spark SQL condition holds, e.g. {@code "amount > 100"}. */
    public DynamicFrame filter(String condition) {
        return with(df.filter(condition));
    }

    public DynamicFrame filter(FilterFunction<Row> predicate) {
        return with(df.filter(predicate));
    }

    public DynamicFrame repartition(int numPartitions) {
        return with(df.repartition(numPartitions));
    }

    public DynamicFrame coalesce(int numPartitions) {
        return with(df.coalesce(numPartitions));
    }

    /** An empty frame with no fields. */
    public static DynamicFrame emptyDynamicFrame(GlueContext glueContext) {
        return new DynamicFrame(glueContext.getSparkSession().emptyDataFrame(), glueContext);
    }

    private static String quote(String field) {
        if (field.contains(".")) {
            return field; // a nested path
        }
        return "`" + field.replace("`", "``") + "`";
    }

    /** Glue's type names (string, int, long, double, decimal(p,s), date, timestamp, …) as Spark types. */
    static DataType glueType(String type) {
        String t = type.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "long" -> DataTypes.LongType;
            case "integer" -> DataTypes.IntegerType;
            case "short" -> DataTypes.ShortType;
            case "byte" -> DataTypes.ByteType;
            case "decimal" -> DataTypes.createDecimalType(10, 2);
            default -> DataType.fromDDL(t);
        };
    }
}
