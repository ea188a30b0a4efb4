package gluelab.cloud.services.glue.crawlers.inference;

import java.util.Map;

/**
 * The input/output formats and SerDe Glue's crawler writes into a table's StorageDescriptor for each
 * classification, with the SerDe parameters of this file.
 */
record StorageFormat(String inputFormat, String outputFormat, String serializationLib, Map<String, String> serdeParameters) {

    static final String TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat";
    static final String TEXT_OUTPUT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";

    static StorageFormat parquet() {
        return new StorageFormat(
                "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
                "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
                "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
                Map.of("serialization.format", "1"));
    }

    static StorageFormat json(String paths) {
        return new StorageFormat(TEXT_INPUT, TEXT_OUTPUT, "org.openx.data.jsonserde.JsonSerDe", Map.of("paths", paths));
    }

    /** Glue writes LazySimpleSerDe for plain delimited text, OpenCSVSerde when fields are quoted. */
    static StorageFormat csv(char delimiter, boolean quoted) {
        String delim = String.valueOf(delimiter);
        return quoted
                ? new StorageFormat(TEXT_INPUT, TEXT_OUTPUT, "org.apache.hadoop.hive.serde2.OpenCSVSerde",
                        Map.of("separatorChar", delim, "quoteChar", "\""))
                : new StorageFormat(TEXT_INPUT, TEXT_OUTPUT, "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
                        Map.of("field.delim", delim));
    }

    /** Unrecognised files: Glue writes no formats at all. */
    static StorageFormat unknown() {
        return new StorageFormat(null, null, null, Map.of());
    }
}
