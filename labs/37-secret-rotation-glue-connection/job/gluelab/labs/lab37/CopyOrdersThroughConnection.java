package gluelab.labs.lab37;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.util.Map;
import org.apache.spark.SparkContext;

/**
 * Copies the orders table of the shop's PostgreSQL database to S3 as Parquet, through the Glue connection named by
 * {@code --connection_name}: the job holds no credentials, the connection does (and the rotation function keeps its
 * password current). The connection must be one of the job's {@code Connections}.
 */
public final class CopyOrdersThroughConnection {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "connection_name", "table", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DynamicFrame orders = glueContext.getSource("postgresql", JsonOptions.of(
                "useConnectionProperties", "true",
                "connectionName", args.get("connection_name"),
                "dbtable", args.get("table")), "orders_source").getDynamicFrame();
        System.out.println("Read " + orders.count() + " rows of " + args.get("table") + " through connection "
                + args.get("connection_name"));
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")), "orders_sink", "parquet")
                .writeDynamicFrame(orders);
        Job.commit();
    }
}
