package gluelab.labs.lab29;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * One vendor's price feed into the marketplace's common layout ({@code sku}, {@code product}, {@code price}):
 * {@code --column_map} says which of the vendor's columns is which ({@code sku=sku,product=name,price=unit_price}).
 * Every vendor's job runs this class with its own map; a new vendor with a new layout is a new job, not new code.
 */
public final class VendorFeed {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "vendor", "column_map", "source_bucket", "input_key", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        String input = "s3://" + args.get("source_bucket") + "/" + args.get("input_key");
        Dataset<Row> feed = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(input)),
                "feed_source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame().toDF();
        List<Column> columns = new ArrayList<>();
        for (String pair : args.get("column_map").split(",")) {
            String[] targetAndSource = pair.split("=", 2);
            Column source = feed.col("`" + targetAndSource[1] + "`");
            columns.add((targetAndSource[0].equals("price") ? source.cast("decimal(10,2)") : source.cast("string"))
                    .as(targetAndSource[0]));
        }
        columns.add(functions.lit(args.get("vendor")).as("vendor"));
        columns.add(functions.lit(args.get("input_key")).as("source_key"));
        Dataset<Row> common = feed.select(columns.toArray(new Column[0]));
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")), "feed_sink", "parquet")
                .writeDynamicFrame(DynamicFrame.fromDF(common, glueContext, "common"));
        Job.commit();
    }
}
