package gluelab.glue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

import gluelab.glue.types.Choices;
import gluelab.glue.types.GlueTypes;

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

    /** Prints the schema as Glue does: its type names ({@code long}, not bigint), and choices with their members. */
    public void printSchema() {
        System.out.print(schemaString());
    }

    /** The schema as {@link #printSchema()} prints it. */
    public String schemaString() {
        return Choices.printSchema(df.schema());
    }

    public void show(int numRows) {
        df.show(numRows, false);
    }

    public void show() {
        show(20);
    }

    private Map<String, StructField> fieldsByName() {
        Map<String, StructField> fields = new LinkedHashMap<>();
        for (StructField field : df.schema().fields()) {
            fields.put(field.name(), field);
        }
        return fields;
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
        Map<String, StructField> present = fieldsByName();
        if (present.isEmpty()) {
            // An empty frame (nothing new under a bookmark) still has the mapped schema.
            List<StructField> fields = new ArrayList<>();
            mappings.forEach(m -> fields.add(DataTypes.createStructField(m.targetField(), GlueTypes.parse(m.targetType()), true)));
            return with(df.sparkSession().createDataFrame(new ArrayList<Row>(), DataTypes.createStructType(fields)));
        }
        List<Column> columns = new ArrayList<>();
        for (Mapping m : mappings) {
            String top = m.sourceField().split("\\.")[0];
            StructField field = present.get(top);
            if (field == null) {
                continue;
            }
            if (Choices.isChoice(field)) {
                throw new IllegalArgumentException("applyMapping cannot map " + top + ": its values have several types, "
                        + Choices.members(field) + ". Settle the choice first, e.g. resolveChoice(new String[][] {{\"" + top
                        + "\", \"cast:" + GlueTypes.nameOf(GlueTypes.parse(m.targetType())) + "\"}})");
            }
            columns.add(functions.col(quote(m.sourceField())).cast(GlueTypes.parse(m.targetType())).as(m.targetField()));
        }
        return with(df.select(columns.toArray(Column[]::new)));
    }

    /**
     * Resolves choice types, field by field: {@code {"amount", "cast:double"}}. The actions are Glue's:
     * <ul>
     * <li>{@code cast:TYPE}: every value cast to the type (one that does not convert becomes null);</li>
     * <li>{@code project:TYPE}: only the values that already have that type, the others null;</li>
     * <li>{@code make_cols}: one column per type, {@code amount_double}, {@code amount_string};</li>
     * <li>{@code make_struct}: one struct column with a member per type.</li>
     * </ul>
     * A field that is not a choice is cast by {@code cast:} and left alone by the others. Top-level fields only.
     */
    public DynamicFrame resolveChoice(String[][] specs) {
        Map<String, String> actions = new LinkedHashMap<>();
        for (String[] spec : specs) {
            if (spec.length != 2) {
                throw new IllegalArgumentException("resolveChoice takes {field, action}: " + Arrays.toString(spec));
            }
            String action = spec[1].trim();
            if (!action.startsWith("cast:") && !action.startsWith("project:") && !action.equals("make_cols")
                    && !action.equals("make_struct")) {
                throw new IllegalArgumentException("Unknown resolveChoice action '" + action
                        + "': use cast:TYPE, project:TYPE, make_cols or make_struct");
            }
            actions.put(spec[0], action);
        }
        List<Column> columns = new ArrayList<>();
        for (StructField field : df.schema().fields()) {
            String action = actions.get(field.name());
            Column same = functions.col(quote(field.name()));
            if (action == null) {
                columns.add(same);
            } else if (action.startsWith("cast:")) {
                DataType target = GlueTypes.parse(action.substring(5));
                columns.add((Choices.isChoice(field) ? Choices.cast(field, target) : same.cast(target)).as(field.name()));
            } else if (!Choices.isChoice(field)) {
                columns.add(same);
            } else if (action.startsWith("project:")) {
                columns.add(Choices.project(field, action.substring(8).trim()).as(field.name()));
            } else if (action.equals("make_cols")) {
                Choices.members(field).forEach(type -> columns.add(Choices.member(field, type).as(field.name() + "_" + type)));
            } else {
                columns.add(Choices.asStruct(field));
            }
        }
        return with(df.select(columns.toArray(Column[]::new)));
    }

    /** The choice fields of this frame, by name, with their member types: what {@code resolveChoice} has to settle. */
    public Map<String, List<String>> choices() {
        Map<String, List<String>> choices = new LinkedHashMap<>();
        for (StructField field : df.schema().fields()) {
            if (Choices.isChoice(field)) {
                choices.put(field.name(), Choices.members(field));
            }
        }
        return choices;
    }

    /**
     * Glue's Relationalize: this frame as flat frames a relational database can hold. The first is the root,
     * {@code rootTableName}, one row per record, structs flattened to columns named by their path
     * ({@code customer.city}), each array column holding an id; then one frame per array,
     * {@code rootTableName_<array>}, with that {@code id}, the element's {@code index} and its value(s)
     * ({@code <array>.val}, or {@code <array>.val.<field>}). Glue stages the work in {@code stagingPath}; the lab's
     * runtime keeps it in memory. Frame names are {@link #getName()}.
     */
    public List<DynamicFrame> relationalize(String rootTableName, String stagingPath) {
        return Relationalize.apply(this, rootTableName);
    }

    public List<DynamicFrame> relationalize(String rootTableName, String stagingPath, gluelab.glue.util.JsonOptions options) {
        return relationalize(rootTableName, stagingPath);
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
}
