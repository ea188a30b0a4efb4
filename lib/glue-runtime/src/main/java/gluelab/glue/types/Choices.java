package gluelab.glue.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Glue's <em>choice</em> type: a field whose values do not share one type ({@code choice<double,string>} when
 * {@code amount} is {@code 12.5} in one record and {@code "12,50"} in another). A Spark column has one type, so
 * the runtime keeps a choice as a struct with one member per type, named after it ({@code amount.double},
 * {@code amount.string}), of which each row fills one; the field's metadata marks it as a choice.
 */
public final class Choices {

    /** Marks a column as a choice in its field metadata. */
    public static final String METADATA_KEY = "glue_choice";

    private Choices() {
    }

    /** A choice column named {@code name} whose members are {@code members} (type name → that member's value). */
    public static Column of(String name, Map<String, Column> members) {
        List<Column> fields = new ArrayList<>();
        Column noValue = functions.lit(true);
        for (Map.Entry<String, Column> member : members.entrySet()) {
            Column value = member.getValue().cast(GlueTypes.parse(member.getKey()));
            fields.add(value.as(member.getKey()));
            noValue = noValue.and(value.isNull());
        }
        Metadata metadata = new MetadataBuilder().putBoolean(METADATA_KEY, true).build();
        // A record without a value has no member either: the field is null, not a struct of nulls.
        return functions.when(noValue, functions.lit(null)).otherwise(functions.struct(fields.toArray(Column[]::new)))
                .as(name, metadata);
    }

    public static boolean isChoice(StructField field) {
        return field.dataType() instanceof StructType && field.metadata().contains(METADATA_KEY);
    }

    /**
     * {@code df} with its choices marked, when it comes from AWS Glue's {@code DynamicFrame.toDF()}, which turns a
     * choice into a struct whose members are named after Glue's scalar types.
     */
    public static Dataset<Row> markedFromAwsGlue(Dataset<Row> df) {
        List<Column> columns = new ArrayList<>();
        Metadata choice = new MetadataBuilder().putBoolean(METADATA_KEY, true).build();
        for (StructField field : df.schema().fields()) {
            Column same = functions.col(quote(field.name()));
            boolean looksLikeChoice = field.dataType() instanceof StructType struct && struct.fields().length >= 2
                    && Arrays.stream(struct.fieldNames()).allMatch(GlueTypes::isScalarName);
            columns.add(looksLikeChoice ? same.as(field.name(), choice) : same);
        }
        return df.select(columns.toArray(Column[]::new));
    }

    /** The member type names of a choice field, in order. */
    public static List<String> members(StructField choice) {
        return List.of(((StructType) choice.dataType()).fieldNames());
    }

    /** {@code cast:TYPE}: every member's value cast to {@code target} (a value that does not convert is null). */
    public static Column cast(StructField choice, DataType target) {
        List<Column> casts = new ArrayList<>();
        for (String member : members(choice)) {
            casts.add(member(choice, member).cast(target));
        }
        return functions.coalesce(casts.toArray(Column[]::new));
    }

    /** {@code project:TYPE}: the values of that member only; the others become null. */
    public static Column project(StructField choice, String type) {
        return members(choice).contains(type) ? member(choice, type) : functions.lit(null).cast(GlueTypes.parse(type));
    }

    /** {@code make_struct}: the choice as a plain struct of its members. */
    public static Column asStruct(StructField choice) {
        Column[] members = members(choice).stream().map(type -> member(choice, type).as(type)).toArray(Column[]::new);
        return functions.struct(members).as(choice.name());
    }

    /** One member's value. */
    public static Column member(StructField choice, String type) {
        return functions.col(quote(choice.name()) + "." + quote(type));
    }

    /**
     * The schema as a DynamicFrame's {@code printSchema} prints it: Glue's type names, choices with their
     * members, no nullability.
     */
    public static String printSchema(StructType schema) {
        StringBuilder out = new StringBuilder("root\n");
        for (StructField field : schema.fields()) {
            describe(out, field.name(), field, "|-- ");
        }
        return out.toString();
    }

    private static void describe(StringBuilder out, String name, StructField field, String indent) {
        DataType type = field.dataType();
        String nested = "|    " + indent;
        if (isChoice(field)) {
            out.append(indent).append(name).append(": choice\n");
            members(field).forEach(member -> out.append(nested).append(member).append('\n'));
            return;
        }
        out.append(indent).append(name).append(": ").append(GlueTypes.nameOf(type)).append('\n');
        if (type instanceof StructType struct) {
            for (StructField child : struct.fields()) {
                describe(out, child.name(), child, nested);
            }
        } else if (type instanceof ArrayType array) {
            describe(out, "element", new StructField("element", array.elementType(), true, Metadata.empty()), nested);
        }
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
