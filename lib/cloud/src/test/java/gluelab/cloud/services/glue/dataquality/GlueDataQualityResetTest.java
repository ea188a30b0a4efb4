package gluelab.cloud.services.glue.dataquality;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.testing.RunningLabCloud;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.TaskStatusType;

/** A lab's reset removes its Data Quality evaluation runs through what they name, and leaves other labs' alone. */
class GlueDataQualityResetTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.with(LabCloudConfig.defaults()
            .withGlueWorker(LabCloudConfig.GlueWorkerMode.OFF)).withGlueRoles();

    @Test
    void aPrefixResetRemovesTheEvaluationRunsOfThatLabsRulesetsAndTablesOnly() throws Exception {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            String mine = evaluate(glue, "lab51-gate", "lab51-sales", "orders");
            String theirs = evaluate(glue, "lab52-gate", "lab52-sales", "orders");

            cloud.http(cloud.request("/_lab/reset?prefix=lab51-").POST(HttpRequest.BodyPublishers.noBody()));

            assertThat(exists(glue, mine)).as("the reset lab's run").isFalse();
            assertThat(exists(glue, theirs)).as("another lab's run").isTrue();
        }
    }

    private static String evaluate(GlueClient glue, String ruleset, String database, String table) throws Exception {
        glue.createDataQualityRuleset(r -> r.name(ruleset).ruleset(GlueDataQualityRulesetsTest.ORDERS_RULES));
        String runId = glue.startDataQualityRulesetEvaluationRun(r -> r.role("GlueLabJobRole").rulesetNames(ruleset)
                .dataSource(d -> d.glueTable(t -> t.databaseName(database).tableName(table)))).runId();
        for (int i = 0; i < 100 && glue.getDataQualityRulesetEvaluationRun(r -> r.runId(runId)).status()
                == TaskStatusType.RUNNING; i++) {
            Thread.sleep(50);
        }
        return runId;
    }

    private static boolean exists(GlueClient glue, String runId) {
        try {
            glue.getDataQualityRulesetEvaluationRun(r -> r.runId(runId));
            return true;
        } catch (EntityNotFoundException gone) {
            return false;
        }
    }
}
