package gluelab.glue.source;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import gluelab.glue.types.Choices;

/**
 * Types values the way Glue's DynamicFrame readers do: each record describes itself, so every value gets the
 * type it looks like on its own, and a field whose values disagree becomes a {@link Choices choice}.
 * <ul>
 * <li>CSV: a whole number is a {@code long}, a number with a fraction or an exponent a {@code double}, anything
 * else (ISO dates and {@code true} included) a {@code string}; an empty field is no value;</li>
 * <li>JSON: a JSON number is a {@code long} or a {@code double}, a JSON string a {@code string} (a date stays
 * one), {@code true}/{@code false} a {@code boolean}; objects and arrays are structs and arrays.</li>
 * </ul>
 * Spark's own readers differ: {@code inferSchema} widens a column to its most general type (a column of numbers
 * with one {@code n/a} becomes all text) and recognises dates.
 */
public final class RecordTyping {

    private static final String LONG = "^[+-]?[0-9]{1,18}$";
    private static final String DOUBLE = "^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordTyping() {
    }

    /** The CSV type of a text value: {@code long}, {@code double} or {@code string} (null for no value). */
    static Column csvKind(Column value) {
        return when(value.isNull(), lit(null).cast(DataTypes.StringType))
                .when(value.rlike(LONG), lit("long"))
                .when(value.rlike(DOUBLE), lit("double"))
                .otherwise(lit("string"));
    }

    /**
     * Types the text columns of a CSV read, except {@code keepAsText}. One pass over the data finds which types each
     * column's values have; a column the read already typed (a catalog table's declared schema) is kept as it is,
     * and when every column is, there is no pass at all.
     */
    public static Dataset<Row> typeCsv(Dataset<Row> untyped, Set<String> keepAsText) {
        List<String> names = new ArrayList<>();
        for (StructField field : untyped.schema().fields()) {
            String name = field.name();
            if (!keepAsText.contains(name) && field.dataType() == DataTypes.StringType) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            return untyped;
        }
        List<Column> kinds = new ArrayList<>();
        names.forEach(name -> kinds.add(collect_set(csvKind(col(quote(name))))));
        Row found = untyped.agg(kinds.get(0), kinds.subList(1, kinds.size()).toArray(Column[]::new)).first();
        Map<String, Set<String>> kindsByColumn = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            kindsByColumn.put(names.get(i), new TreeSet<>(found.<String>getList(i)));
        }
        List<Column> typed = new ArrayList<>();
        for (String name : untyped.columns()) {
            Set<String> columnKinds = kindsByColumn.get(name);
            Column text = col(quote(name));
            if (columnKinds == null || columnKinds.isEmpty() || columnKinds.equals(Set.of("string"))) {
                typed.add(text);
            } else if (columnKinds.size() == 1) {
                typed.add(text.cast(columnKinds.iterator().next().equals("long") ? DataTypes.LongType : DataTypes.DoubleType).as(name));
            } else {
                Map<String, Column> members = new TreeMap<>();
                columnKinds.forEach(kind -> members.put(kind, when(csvKind(text).equalTo(kind), text)));
                typed.add(Choices.of(name, members));
            }
        }
        return untyped.select(typed.toArray(Column[]::new));
    }

    /**
     * Reads JSON lines ({@code lines}: Spark's text read, a string column {@code value}, and {@code carried}
     * columns kept as they are) typed record by record: Spark infers nested structure and the type of fields whose
     * values agree, and a top-level field whose values are of different scalar types (a number here, a string
     * there) becomes a choice.
     */
    public static Dataset<Row> typeJsonLines(SparkSession session, Dataset<Row> lines, List<String> carried) {
        Dataset<Row> records = lines.filter(length(trim(col("value"))).gt(0));
        StructType inferred = session.read().json(records.select("value").as(Encoders.STRING())).schema();
        Map<String, Set<String>> kinds = scalarKinds(records);
        StructType readAs = new StructType();
        List<String> choices = new ArrayList<>();
        for (StructField field : inferred.fields()) {
            Set<String> fieldKinds = kinds.getOrDefault(field.name(), Set.of());
            boolean choice = fieldKinds.size() > 1 && fieldKinds.stream().noneMatch(k -> k.equals("struct") || k.equals("array"));
            if (choice) {
                choices.add(field.name());
            }
            readAs = readAs.add(field.name(), choice ? DataTypes.StringType : field.dataType(), true);
        }
        List<Column> read = new ArrayList<>(List.of(from_json(col("value"), readAs, Map.<String, String>of()).as("record"), col("value")));
        carried.forEach(name -> read.add(col(quote(name))));
        Dataset<Row> parsed = records.select(read.toArray(Column[]::new));
        UserDefinedFunction kindOf = functions.udf((UDF2<String, String, String>) RecordTyping::jsonKind, DataTypes.StringType);
        List<Column> typed = new ArrayList<>();
        for (StructField field : inferred.fields()) {
            Column value = col("record." + quote(field.name()));
            if (!choices.contains(field.name())) {
                typed.add(value.as(field.name()));
                continue;
            }
            Column kind = kindOf.apply(col("value"), lit(field.name()));
            Map<String, Column> members = new TreeMap<>();
            kinds.get(field.name()).forEach(k -> members.put(k, when(kind.equalTo(k), value)));
            typed.add(Choices.of(field.name(), members));
        }
        carried.forEach(name -> typed.add(col(quote(name))));
        return parsed.select(typed.toArray(Column[]::new));
    }

    /** For each top-level field, the kinds of value it has in any record: long, double, string, boolean, struct, array. */
    private static Map<String, Set<String>> scalarKinds(Dataset<Row> records) {
        List<String> pairs = records.select("value").as(Encoders.STRING())
                .mapPartitions((MapPartitionsFunction<String, String>) RecordTyping::fieldKinds, Encoders.STRING())
                .distinct().collectAsList();
        Map<String, Set<String>> kinds = new LinkedHashMap<>();
        for (String pair : pairs) {
            int tab = pair.lastIndexOf('\t');
            kinds.computeIfAbsent(pair.substring(0, tab), k -> new TreeSet<>()).add(pair.substring(tab + 1));
        }
        return kinds;
    }

    private static Iterator<String> fieldKinds(Iterator<String> lines) throws IOException {
        Set<String> pairs = new TreeSet<>();
        while (lines.hasNext()) {
            JsonNode record = JSON.readTree(lines.next());
            if (record == null || !record.isObject()) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = record.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String kind = kind(field.getValue());
                if (kind != null) {
                    pairs.add(field.getKey() + "\t" + kind);
                }
            }
        }
        return pairs.iterator();
    }

    /** The kind of the top-level field {@code field} in one JSON record, or null when it has no value there. */
    static String jsonKind(String line, String field) throws IOException {
        JsonNode record = JSON.readTree(line);
        return record == null ? null : kind(record.get(field));
    }

    private static String kind(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? "long" : "double";
        }
        if (value.isNumber()) {
            return "double";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isObject()) {
            return "struct";
        }
        if (value.isArray()) {
            return "array";
        }
        return "string";
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
