package gluelab.e2e.glue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.e2e.LabCloudWithWorker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.DataQualityResultDescription;
import software.amazon.awssdk.services.glue.model.DataQualityRuleResult;
import software.amazon.awssdk.services.glue.model.DataQualityRuleResultStatus;
import software.amazon.awssdk.services.glue.model.GetDataQualityResultResponse;
import software.amazon.awssdk.services.glue.model.GetDataQualityRulesetEvaluationRunResponse;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TaskStatusType;

/**
 * Glue Data Quality on the real worker: a ruleset evaluation run reads a catalog table as its role and scores each
 * ruleset; a job's {@code EvaluateDataQuality} publishes its result with the job's run context and returns
 * row-level outcomes; every result is retrievable through the Data Quality APIs and announced as "Data Quality
 * Evaluation Results Available".
 */
class DataQualityEndToEndTest {

    static final String DATABASE = "dq_sales_db";
    static final String ORDERS_RULES = "Rules = [ RowCount > 0, IsComplete \"id\", IsUnique \"id\", ColumnValues \"amount\" >= 0 ]";
    static final String EVALUATES_ORDERS = """
            package dqtest;

            import gluelab.glue.DynamicFrame;
            import gluelab.glue.EvaluateDataQuality;
            import gluelab.glue.GlueContext;
            import gluelab.glue.util.GlueArgParser;
            import gluelab.glue.util.Job;
            import gluelab.glue.util.JsonOptions;
            import java.util.Map;

            public class EvaluatesOrders {
                public static void main(String[] sysArgs) {
                    Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                            new String[] {"JOB_NAME", "database", "table", "ruleset"});
                    GlueContext glue = GlueContext.getOrCreate();
                    Job.init(args.get("JOB_NAME"), glue, GlueArgParser.parse(sysArgs));
                    DynamicFrame orders = glue.getCatalogSource(args.get("database"), args.get("table")).getDynamicFrame();
                    Map<String, DynamicFrame> outcomes = EvaluateDataQuality.processRows(orders, args.get("ruleset"),
                            JsonOptions.of("dataQualityEvaluationContext", "orders_gate",
                                    "enableDataQualityResultsPublishing", true));
                    outcomes.get("ruleOutcomes").toDF().collectAsList()
                            .forEach(r -> System.out.println("outcome " + r.getString(1) + " " + r.getString(0)));
                    System.out.println("failed rows " + outcomes.get("rowLevelOutcomes").toDF()
                            .filter("DataQualityEvaluationResult = 'Failed'").count());
                    Job.commit();
                }
            }
            """;

    @RegisterExtension
    static RunningLabCloud cloud = LabCloudWithWorker.shared();
    static GlueJobRuns glue;

    @BeforeAll
    static void catalogTablesOfCleanAndBadOrdersAndAGatingRuleset() {
        glue = new GlueJobRuns(cloud);
        glue.createBuckets("dq-jobs", "dq-data");
        glue.glue.createDatabase(r -> r.databaseInput(d -> d.name(DATABASE)));
        // "0" looks like a whole number: the evaluation still compares it as the double the catalog declares.
        table("orders_clean", "id,amount\n1,10.5\n2,20.0\n3,0\n");
        table("orders_bad", "id,amount\n1,10.5\n2,-5.0\n2,3.0\n4,7.5\n");
        glue.glue.createDataQualityRuleset(r -> r.name("dq-orders-gate").ruleset(ORDERS_RULES)
                .targetTable(t -> t.databaseName(DATABASE).tableName("orders_bad")));
        glue.glue.createDataQualityRuleset(r -> r.name("dq-has-customer").ruleset("Rules = [ IsComplete \"customer\" ]"));
        String jar = glue.uploadJobJar("dq-jobs", JobJars.jar(Map.of("dqtest.EvaluatesOrders", EVALUATES_ORDERS)));
        glue.createJob("dq-evaluates-orders", jar, "dqtest.EvaluatesOrders",
                Map.of("--database", DATABASE, "--table", "orders_bad", "--ruleset", ORDERS_RULES));
    }

    private static void table(String name, String csv) {
        glue.put("dq-data", name + "/part-0.csv", csv);
        glue.glue.createTable(r -> r.databaseName(DATABASE).tableInput(t -> t.name(name).tableType("EXTERNAL_TABLE")
                .parameters(Map.of("classification", "csv", "skip.header.line.count", "1"))
                .storageDescriptor(StorageDescriptor.builder().location("s3://dq-data/" + name + "/")
                        .columns(Column.builder().name("id").type("int").build(),
                                Column.builder().name("amount").type("double").build())
                        .inputFormat("org.apache.hadoop.mapred.TextInputFormat")
                        .outputFormat("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat")
                        .serdeInfo(s -> s.serializationLibrary("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe")
                                .parameters(Map.of("field.delim", ",")))
                        .build())));
    }

    @AfterAll
    static void closeClients() {
        glue.close();
    }

    @Test
    void anEvaluationRunScoresEachRulesetOnTheCatalogTableAndItsResultsAreRetrievable() {
        String runId = startEvaluation("orders_bad", "dq-orders-gate", "dq-has-customer");
        GetDataQualityRulesetEvaluationRunResponse run = awaitEnd(runId);

        assertThat(run.status()).isEqualTo(TaskStatusType.SUCCEEDED);
        assertThat(run.resultIds()).hasSize(2);
        assertThat(run.rulesetNames()).containsExactly("dq-orders-gate", "dq-has-customer");
        assertThat(run.completedOn()).isAfterOrEqualTo(run.startedOn());
        assertThat(run.executionTime()).isNotNull();

        GetDataQualityResultResponse gate = glue.glue.getDataQualityResult(r -> r.resultId(run.resultIds().get(0)));
        assertThat(gate.rulesetName()).isEqualTo("dq-orders-gate");
        assertThat(gate.rulesetEvaluationRunId()).isEqualTo(runId);
        assertThat(gate.dataSource().glueTable().tableName()).isEqualTo("orders_bad");
        assertThat(gate.score()).isEqualTo(0.5);
        assertThat(gate.ruleResults()).extracting(DataQualityRuleResult::name, DataQualityRuleResult::description,
                DataQualityRuleResult::result).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Rule_1", "RowCount > 0", DataQualityRuleResultStatus.PASS),
                        org.assertj.core.groups.Tuple.tuple("Rule_2", "IsComplete \"id\"", DataQualityRuleResultStatus.PASS),
                        org.assertj.core.groups.Tuple.tuple("Rule_3", "IsUnique \"id\"", DataQualityRuleResultStatus.FAIL),
                        org.assertj.core.groups.Tuple.tuple("Rule_4", "ColumnValues \"amount\" >= 0", DataQualityRuleResultStatus.FAIL));
        assertThat(gate.ruleResults().get(0).evaluatedMetrics()).containsEntry("Dataset.*.RowCount", 4.0);
        assertThat(gate.ruleResults().get(3).evaluatedMetrics()).containsEntry("Column.amount.Minimum", -5.0);
        assertThat(gate.ruleResults().get(2).evaluationMessage()).contains("does not meet the constraint requirement");

        GetDataQualityResultResponse customer = glue.glue.getDataQualityResult(r -> r.resultId(run.resultIds().get(1)));
        assertThat(customer.ruleResults()).singleElement().satisfies(rule -> {
            assertThat(rule.result()).isEqualTo(DataQualityRuleResultStatus.ERROR);
            assertThat(rule.evaluationMessage()).contains("customer");
        });
        assertThat(customer.score()).isEqualTo(0.0);

        var batch = glue.glue.batchGetDataQualityResult(r -> r.resultIds(run.resultIds().get(0), "dqresult-missing"));
        assertThat(batch.results()).singleElement().satisfies(r -> assertThat(r.resultId()).isEqualTo(run.resultIds().get(0)));
        assertThat(batch.resultsNotFound()).containsExactly("dqresult-missing");
        assertThat(glue.glue.listDataQualityResults(r -> r.filter(f -> f.dataSource(d -> d.glueTable(t -> t
                .databaseName(DATABASE).tableName("orders_bad"))))).results())
                .extracting(DataQualityResultDescription::resultId).containsAll(run.resultIds());
    }

    @Test
    void cleanDataPassesEveryRuleAndTheResultIsAnnouncedOnTheDefaultBus() {
        String runId = startEvaluation("orders_clean", "dq-orders-gate");
        GetDataQualityRulesetEvaluationRunResponse run = awaitEnd(runId);

        assertThat(run.status()).isEqualTo(TaskStatusType.SUCCEEDED);
        String resultId = run.resultIds().get(0);
        GetDataQualityResultResponse result = glue.glue.getDataQualityResult(r -> r.resultId(resultId));
        assertThat(result.ruleResults()).allSatisfy(rule ->
                assertThat(rule.result()).as(rule.description() + ": " + rule.evaluationMessage() + " " + rule.evaluatedMetrics()).isEqualTo(DataQualityRuleResultStatus.PASS));
        assertThat(result.score()).isEqualTo(1.0);
        JsonNode event = LabAdmin.events(cloud, "glue", "Data Quality Evaluation Results Available").stream()
                .filter(e -> resultId.equals(e.path("detail").path("resultID").asText())).findFirst().orElseThrow();
        JsonNode detail = event.path("detail");
        assertThat(detail.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(detail.path("score").asDouble()).isEqualTo(1.0);
        assertThat(detail.path("rulesSucceeded").asInt()).isEqualTo(4);
        assertThat(detail.path("rulesetNames").get(0).asText()).isEqualTo("dq-orders-gate");
        assertThat(detail.path("context").path("contextType").asText()).isEqualTo("GLUE_DATA_CATALOG");
        assertThat(detail.path("context").path("runId").asText()).isEqualTo(runId);
        assertThat(detail.path("context").path("tableName").asText()).isEqualTo("orders_clean");
    }

    @Test
    void anEvaluationRunOnATableThatDoesNotExistFailsSayingWhy() {
        GetDataQualityRulesetEvaluationRunResponse run = awaitEnd(startEvaluation("no_such_table", "dq-orders-gate"));

        assertThat(run.status()).isEqualTo(TaskStatusType.FAILED);
        assertThat(run.errorString()).contains("no_such_table");
        assertThat(run.resultIds()).isEmpty();
    }

    @Test
    void aJobsEvaluateDataQualityPublishesWithItsRunContextAndReturnsRowLevelOutcomes() {
        JobRun jobRun = glue.succeed("dq-evaluates-orders", Map.of());

        assertThat(glue.output(jobRun.id())).contains("outcome Passed RowCount > 0", "outcome Failed IsUnique \"id\"",
                "failed rows 2");
        List<DataQualityResultDescription> published = glue.glue.listDataQualityResults(r -> r.filter(f -> f
                .jobName("dq-evaluates-orders"))).results();
        assertThat(published).singleElement().satisfies(d -> assertThat(d.jobRunId()).isEqualTo(jobRun.id()));
        GetDataQualityResultResponse result = glue.glue.getDataQualityResult(r -> r.resultId(published.get(0).resultId()));
        assertThat(result.jobName()).isEqualTo("dq-evaluates-orders");
        assertThat(result.jobRunId()).isEqualTo(jobRun.id());
        assertThat(result.evaluationContext()).isEqualTo("orders_gate");
        assertThat(result.score()).isEqualTo(0.5);
        assertThat(result.ruleResults()).extracting(DataQualityRuleResult::result).containsExactly(
                DataQualityRuleResultStatus.PASS, DataQualityRuleResultStatus.PASS, DataQualityRuleResultStatus.FAIL,
                DataQualityRuleResultStatus.FAIL);
        JsonNode event = LabAdmin.events(cloud, "glue", "Data Quality Evaluation Results Available").stream()
                .filter(e -> result.resultId().equals(e.path("detail").path("resultID").asText())).findFirst().orElseThrow();
        assertThat(event.path("detail").path("state").asText()).isEqualTo("FAILED");
        assertThat(event.path("detail").path("context").path("contextType").asText()).isEqualTo("GLUE_JOB");
        assertThat(event.path("detail").path("context").path("jobName").asText()).isEqualTo("dq-evaluates-orders");
    }

    private static String startEvaluation(String table, String... rulesets) {
        return glue.glue.startDataQualityRulesetEvaluationRun(r -> r.role(GlueJobRuns.ROLE).rulesetNames(rulesets)
                .dataSource(d -> d.glueTable(t -> t.databaseName(DATABASE).tableName(table)))).runId();
    }

    private static GetDataQualityRulesetEvaluationRunResponse awaitEnd(String runId) {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (true) {
            GetDataQualityRulesetEvaluationRunResponse run = glue.glue.getDataQualityRulesetEvaluationRun(r -> r.runId(runId));
            if (run.status() != TaskStatusType.RUNNING && run.status() != TaskStatusType.STARTING) {
                return run;
            }
            assertThat(System.nanoTime()).as("evaluation run " + runId + " ends in time").isLessThan(deadline);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
