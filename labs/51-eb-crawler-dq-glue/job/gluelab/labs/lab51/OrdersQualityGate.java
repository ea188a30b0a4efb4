package gluelab.labs.lab51;

import gluelab.glue.DynamicFrame;
import gluelab.glue.EvaluateDataQuality;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import gluelab.glue.util.RunClients;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * A Data Quality gate: evaluates the Data Quality ruleset {@code --ruleset_name} on the catalog table
 * {@code --database}.{@code --table}, publishes the result (so that the Data Quality APIs find it, with this run as
 * its context), and only when every rule passed writes the table to {@code --output_path} as Parquet. A rule that
 * failed fails the run, naming the rule: nothing downstream reads a day that broke its rules.
 */
public final class OrdersQualityGate {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "database", "table", "ruleset_name", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        String ruleset;
        try (GlueClient glue = RunClients.glue()) {
            ruleset = glue.getDataQualityRuleset(r -> r.name(args.get("ruleset_name"))).ruleset();
        }
        DynamicFrame orders = glueContext.getCatalogSource(args.get("database"), args.get("table"), "orders_source")
                .getDynamicFrame();
        List<Row> outcomes = evaluate(orders, ruleset).toDF().collectAsList();
        outcomes.forEach(rule -> System.out.println(rule.getAs("Outcome") + "  " + rule.getAs("Rule")
                + (rule.getAs("FailureReason") == null ? "" : "  (" + rule.getAs("FailureReason") + ")")));
        List<String> failed = outcomes.stream().filter(rule -> !"Passed".equals(rule.getAs("Outcome")))
                .map(rule -> String.valueOf(rule.<String>getAs("Rule"))).toList();
        if (!failed.isEmpty()) {
            throw new IllegalStateException(args.get("database") + "." + args.get("table") + " failed "
                    + failed.size() + " of " + outcomes.size() + " rules of " + args.get("ruleset_name") + ": "
                    + String.join("; ", failed));
        }
        orders.toDF().write().mode(SaveMode.Overwrite).parquet(args.get("output_path"));
        System.out.println("Passed every rule: wrote " + orders.count() + " orders to " + args.get("output_path"));
        Job.commit();
    }

    /**
     * The rules' outcomes (one row per rule: {@code Rule}, {@code Outcome}, {@code FailureReason},
     * {@code EvaluatedMetrics}), published as a Data Quality result of this run in the context {@code orders_gate}.
     */
    static DynamicFrame evaluate(DynamicFrame orders, String ruleset) {
        // BEGIN SOLUTION
        // EvaluateDataQuality.apply: the frame, the ruleset, and publishing options naming the context orders_gate
        return EvaluateDataQuality.apply(orders, ruleset, JsonOptions.of(
                EvaluateDataQuality.EVALUATION_CONTEXT, "orders_gate",
                EvaluateDataQuality.RESULTS_PUBLISHING, true));
        // END SOLUTION
    }
}
