package gluelab.cloud.services.glue.dataquality;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.services.glue.jobs.GlueLabSupport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.GetDataQualityRulesetEvaluationRunResponse;
import software.amazon.awssdk.services.glue.model.TaskStatusType;

/** Rulesets and evaluation runs are durable: they are there, as they were, after a restart on the same state. */
class GlueDataQualityPersistenceTest {

    @TempDir
    Path stateDir;

    @Test
    void rulesetsAndEndedEvaluationRunsSurviveARestart() throws Exception {
        String runId;
        GetDataQualityRulesetEvaluationRunResponse before;
        try (LabCloud cloud = start(); GlueClient glue = GlueLabSupport.client(cloud)) {
            glue.createDataQualityRuleset(r -> r.name("durable-gate").ruleset(GlueDataQualityRulesetsTest.ORDERS_RULES)
                    .targetTable(t -> t.databaseName("sales").tableName("orders")));
            runId = glue.startDataQualityRulesetEvaluationRun(r -> r.role("GlueLabJobRole").rulesetNames("durable-gate")
                    .dataSource(d -> d.glueTable(t -> t.databaseName("sales").tableName("orders")))).runId();
            before = awaitEnd(glue, runId);
        }

        try (LabCloud cloud = start(); GlueClient glue = GlueLabSupport.client(cloud)) {
            assertThat(glue.getDataQualityRuleset(r -> r.name("durable-gate")).ruleset())
                    .isEqualTo(GlueDataQualityRulesetsTest.ORDERS_RULES);
            GetDataQualityRulesetEvaluationRunResponse after = glue.getDataQualityRulesetEvaluationRun(r -> r.runId(runId));
            assertThat(after.toString()).as("the run as it ended").isEqualTo(before.toString());
        }
    }

    private static GetDataQualityRulesetEvaluationRunResponse awaitEnd(GlueClient glue, String runId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            GetDataQualityRulesetEvaluationRunResponse run = glue.getDataQualityRulesetEvaluationRun(r -> r.runId(runId));
            if (run.status() != TaskStatusType.RUNNING) {
                assertThat(run.status()).isEqualTo(TaskStatusType.FAILED);
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not end");
    }

    private LabCloud start() {
        return GlueLabSupport.startPersistent(stateDir, LabCloudConfig.GlueWorkerMode.OFF);
    }
}
