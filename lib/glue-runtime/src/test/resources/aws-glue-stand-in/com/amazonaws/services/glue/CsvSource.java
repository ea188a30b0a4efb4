package com.amazonaws.services.glue;

import com.amazonaws.services.glue.util.JsonOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** Not public in Glue (an implementation of DataSource): reads the paths as CSV, with attachFilename as Glue documents it. */
final class CsvSource implements DataSource {

    private final JsonOptions options;
    private final JsonOptions formatOptions;

    CsvSource(JsonOptions options, JsonOptions formatOptions) {
        this.options = options;
        this.formatOptions = formatOptions;
    }

    @Override
    public DynamicFrame getDynamicFrame() {
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode connection = json.readTree(options.json());
            JsonNode format = json.readTree(formatOptions.json());
            List<String> paths = new ArrayList<>();
            connection.path("paths").forEach(p -> paths.add(p.asText()));
            Dataset<Row> df = SparkSession.active().read().option("header", format.path("withHeader").asBoolean(false))
                    .csv(paths.toArray(String[]::new));
            if (format.has("attachFilename")) {
                df = df.withColumn(format.path("attachFilename").asText(), functions.input_file_name());
            }
            return new DynamicFrame(df);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
