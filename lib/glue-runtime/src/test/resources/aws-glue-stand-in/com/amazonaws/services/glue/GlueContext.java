package com.amazonaws.services.glue;

import com.amazonaws.services.glue.util.JsonOptions;
import org.apache.spark.SparkContext;

/** Stand-in for {@code class GlueContext(sc: SparkContext)}: records the calls, reads CSV with Spark. */
public class GlueContext {

    private final SparkContext sc;

    public GlueContext(SparkContext sc) {
        this.sc = sc;
        StandIn.CALLS.add("new GlueContext");
    }

    public SparkContext sc() {
        return sc;
    }

    public DataSource getSourceWithFormat(String connectionType, JsonOptions options, String transformationContext,
                                          String format, JsonOptions formatOptions) {
        StandIn.CALLS.add("getSourceWithFormat " + connectionType + " " + options.json() + " " + transformationContext + " "
                + format + " " + formatOptions.json());
        return new CsvSource(options, formatOptions);
    }

    public String getSourceWithFormat$default$3() {
        return "";
    }

    public String getSourceWithFormat$default$4() {
        return null;
    }

    public JsonOptions getSourceWithFormat$default$5() {
        return JsonOptions.empty();
    }

    public DataSource getCatalogSource(String database, String tableName, String redshiftTmpDir, String transformationContext,
                                       String pushDownPredicate, JsonOptions additionalOptions, String catalogId) {
        StandIn.CALLS.add("getCatalogSource " + database + " " + tableName + " [" + redshiftTmpDir + "] " + transformationContext
                + " [" + pushDownPredicate + "] " + additionalOptions.json() + " " + catalogId);
        return new CsvSource(new JsonOptions("{\"paths\": [\"" + System.getProperty("stand-in.catalog.location") + "\"]}"),
                new JsonOptions("{\"withHeader\": true}"));
    }
}
