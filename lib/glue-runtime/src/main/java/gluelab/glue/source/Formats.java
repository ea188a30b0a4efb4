package gluelab.glue.source;

import static org.apache.spark.sql.functions.input_file_name;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import gluelab.glue.util.JsonOptions;

/**
 * Reads files in one of Glue's formats, translating Glue's format options into Spark's, and types the values as
 * Glue's DynamicFrame readers do ({@link RecordTyping}):
 * <ul>
 * <li>{@code csv}: {@code withHeader} (default false: columns {@code col0}, {@code col1} …), {@code separator}
 * (","), {@code quoteChar} ("\"", "-1" for none), {@code escaper} (none by default: a doubled quote inside quotes is
 * one quote, as in RFC 4180), {@code multiLine}, {@code skipFirst};</li>
 * <li>{@code json}: JSON lines ({@code multiLine} or {@code multiline} for one document per file);</li>
 * <li>{@code parquet} (also {@code glueparquet}), {@code orc}: typed by the files themselves;</li>
 * <li>{@code text}: one string column {@code value} per line (a lab extra: Glue has no text format).</li>
 * </ul>
 * {@code attachFilename} (csv, json) adds a column of that name with each record's source object,
 * {@code s3://bucket/key}. An option Glue's reader of that format does not know is refused, so a job that
 * runs here does not fail on AWS for it.
 */
public final class Formats {

    /** The format options Glue's readers and writers know, per format (Glue's format options reference). */
    private static final Map<String, Set<String>> GLUE_OPTIONS = Map.of(
            "csv", Set.of("withHeader", "separator", "quoteChar", "escaper", "multiLine", "multiline", "skipFirst",
                    "optimizePerformance", "strictCheckingOfNullValues", "writeHeader", "attachFilename", "attachTimestamp"),
            "json", Set.of("jsonPath", "multiLine", "multiline", "optimizePerformance", "withSchema", "attachFilename",
                    "attachTimestamp"),
            "parquet", Set.of("useGlueParquetWriter", "compression", "blockSize", "pageSize"),
            "orc", Set.of(),
            "text", Set.of());

    private Formats() {
    }

    public static String normalize(String format) {
        String f = format == null ? "json" : format.toLowerCase(Locale.ROOT);
        return switch (f) {
            case "glueparquet" -> "parquet";
            case "txt" -> "text";
            default -> f;
        };
    }

    /** Refuses a format Glue has no reader or writer for here, and format options Glue does not know. */
    public static void checkOptions(String format, JsonOptions formatOptions) {
        String f = normalize(format);
        Set<String> known = GLUE_OPTIONS.get(f);
        if (known == null) {
            throw new IllegalArgumentException("Unsupported format '" + format + "': use csv, json, parquet (or glueparquet), orc or text");
        }
        List<String> unknown = formatOptions.asMap().keySet().stream().filter(k -> !known.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("AWS Glue's " + f + " format has no option " + String.join(", ", unknown)
                    + (known.isEmpty() ? ": it takes none" : "; its options are " + new TreeSet<>(known))
                    + ". Spark's reader options (inferSchema, dateFormat …) are not Glue's: type the columns with"
                    + " applyMapping or resolveChoice instead");
        }
    }

    /**
     * Reads {@code files} in {@code format}. {@code schema}, when given (a catalog table's columns), names the
     * columns of a CSV file that has no header of its own, and types parquet and orc; CSV and JSON values are
     * typed record by record, as Glue does whatever the catalog says.
     */
    public static Dataset<Row> read(SparkSession session, String format, JsonOptions formatOptions,
                                    List<String> files, String basePath, StructType schema) {
        return read(session, format, formatOptions, files, basePath, schema, false);
    }

    /**
     * @param declaredTypes read CSV and JSON with {@code schema}'s types as they are (a catalog table read as a
     *                      DataFrame), instead of typing each record as Glue's DynamicFrame reader does
     */
    public static Dataset<Row> read(SparkSession session, String format, JsonOptions formatOptions,
                                    List<String> files, String basePath, StructType schema, boolean declaredTypes) {
        String f = normalize(format);
        checkOptions(f, formatOptions);
        String[] paths = files.toArray(String[]::new);
        Optional<String> attachFilename = formatOptions.getString("attachFilename").filter(s -> !s.isBlank());
        switch (f) {
            case "csv" -> {
                DataFrameReader reader = reader(session, basePath);
                boolean header = formatOptions.getBoolean("withHeader", formatOptions.getBoolean("skipFirst", false));
                if (schema != null) {
                    reader = reader.schema(declaredTypes ? schema : asText(schema));
                }
                String quote = formatOptions.getString("quoteChar", "\"");
                // Glue reads CSV as RFC 4180 has it: with no escaper (its default) a doubled quote inside a
                // quoted field is one quote and a backslash is plain text. Spark's own default escape is a
                // backslash, so the quote character becomes the escape unless the job names an escaper.
                String escape = formatOptions.getString("escaper").filter(e -> !e.isEmpty() && !"none".equals(e))
                        .orElse("-1".equals(quote) ? "\\" : quote);
                Dataset<Row> text = reader.option("header", header)
                        .option("sep", formatOptions.getString("separator", ","))
                        .option("multiLine", formatOptions.getBoolean("multiLine", formatOptions.getBoolean("multiline", false)))
                        .option("quote", "-1".equals(quote) ? "\u0000" : quote)
                        .option("escape", escape)
                        .csv(paths);
                if (!header && schema == null) {
                    text = text.toDF(glueColumnNames(text.columns().length));
                }
                text = attach(text, attachFilename);
                return declaredTypes && schema != null ? text
                        : RecordTyping.typeCsv(text, attachFilename.map(Set::of).orElse(Set.of()));
            }
            case "json" -> {
                boolean multiLine = formatOptions.getBoolean("multiLine", formatOptions.getBoolean("multiline", false));
                if (multiLine) {
                    return attach(reader(session, basePath).option("multiLine", true).json(paths), attachFilename);
                }
                if (declaredTypes && schema != null) {
                    return attach(reader(session, basePath).schema(schema).json(paths), attachFilename);
                }
                Dataset<Row> lines = attach(reader(session, basePath).text(paths), attachFilename);
                return RecordTyping.typeJsonLines(session, lines, attachFilename.map(List::of).orElse(List.of()));
            }
            case "parquet", "orc" -> {
                DataFrameReader reader = reader(session, basePath);
                if (schema != null) {
                    reader = reader.schema(schema);
                }
                return attach(reader.format(f).load(paths), attachFilename);
            }
            case "text" -> {
                return reader(session, basePath).text(paths);
            }
            default -> throw new IllegalStateException(f);
        }
    }

    private static DataFrameReader reader(SparkSession session, String basePath) {
        DataFrameReader reader = session.read();
        return basePath == null ? reader : reader.option("basePath", basePath);
    }

    /** Glue's names for the columns of a CSV file without a header line: col0, col1 … */
    private static String[] glueColumnNames(int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = "col" + i;
        }
        return names;
    }

    private static StructType asText(StructType schema) {
        StructType text = new StructType();
        for (StructField field : schema.fields()) {
            text = text.add(field.name(), DataTypes.StringType, true);
        }
        return text;
    }

    private static Dataset<Row> attach(Dataset<Row> df, Optional<String> column) {
        return column.map(name -> df.withColumn(name, input_file_name())).orElse(df);
    }
}
