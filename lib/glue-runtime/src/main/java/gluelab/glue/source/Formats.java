package gluelab.glue.source;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import gluelab.glue.util.JsonOptions;

/**
 * Reads files in one of Glue's formats, translating Glue's format options into Spark's:
 * <ul>
 * <li>{@code csv}: {@code withHeader} (default false), {@code separator} (","), {@code quoteChar}
 * ("\"", "-1" for none), {@code escaper} (default none: a quote inside a quoted field is doubled),
 * {@code multiLine}, {@code skipFirst}; types are inferred, as Glue does;</li>
 * <li>{@code json}: JSON lines ({@code multiLine} or {@code multiline} for one document per file);</li>
 * <li>{@code parquet} (also {@code glueparquet}), {@code orc};</li>
 * <li>{@code text}: one string column {@code value} per line.</li>
 * </ul>
 * Any other format option is passed to Spark's reader unchanged (e.g. {@code dateFormat}).
 */
public final class Formats {

    private static final Set<String> GLUE_CSV_OPTIONS = Set.of("withHeader", "separator", "quoteChar", "escaper",
            "multiLine", "skipFirst", "optimizePerformance", "strictCheckingOfNullValues", "writeHeader");

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

    public static Dataset<Row> read(SparkSession session, String format, JsonOptions formatOptions,
                                    List<String> files, String basePath, StructType schema) {
        String f = normalize(format);
        DataFrameReader reader = session.read();
        if (basePath != null) {
            reader = reader.option("basePath", basePath);
        }
        if (schema != null) {
            reader = reader.schema(schema);
        }
        Map<String, Object> options = formatOptions.asMap();
        switch (f) {
            case "csv" -> {
                reader = reader.option("header", formatOptions.getBoolean("withHeader", formatOptions.getBoolean("skipFirst", false)))
                        .option("sep", formatOptions.getString("separator", ","))
                        .option("multiLine", formatOptions.getBoolean("multiLine", false));
                if (schema == null) {
                    reader = reader.option("inferSchema", true);
                }
                String quoteChar = formatOptions.getString("quoteChar", "\"");
                String quote = "-1".equals(quoteChar) ? "\u0000" : quoteChar;
                reader = reader.option("quote", quote);
                // Glue has no escape character unless "escaper" names one: a quote inside a quoted field is
                // doubled (RFC 4180), where Spark's own default would be a backslash.
                reader = reader.option("escape", formatOptions.getString("escaper", quote));
                for (Map.Entry<String, Object> e : options.entrySet()) {
                    if (!GLUE_CSV_OPTIONS.contains(e.getKey())) {
                        reader = reader.option(e.getKey(), String.valueOf(e.getValue()));
                    }
                }
            }
            case "json" -> {
                for (Map.Entry<String, Object> e : options.entrySet()) {
                    String key = e.getKey().equalsIgnoreCase("multiline") ? "multiLine" : e.getKey();
                    if (!key.equals("jsonPath")) {
                        reader = reader.option(key, String.valueOf(e.getValue()));
                    }
                }
            }
            case "parquet", "orc", "text" -> {
                for (Map.Entry<String, Object> e : options.entrySet()) {
                    reader = reader.option(e.getKey(), String.valueOf(e.getValue()));
                }
            }
            default -> throw new IllegalArgumentException("Unsupported format '" + format
                    + "': use csv, json, parquet, orc or text");
        }
        return reader.format(f).load(files.toArray(String[]::new));
    }
}
