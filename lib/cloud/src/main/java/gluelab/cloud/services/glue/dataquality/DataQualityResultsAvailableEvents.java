package gluelab.cloud.services.glue.dataquality;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.events.DefaultBusEntry;
import gluelab.cloud.events.EventBus;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Json;
import software.amazon.awssdk.services.glue.model.DataQualityResult;
import software.amazon.awssdk.services.glue.model.DataQualityRuleResultStatus;

/**
 * Glue Data Quality's "Data Quality Evaluation Results Available" events (source aws.glue-dataquality), one per
 * result, on the account's default bus with no resources. The detail is AWS's: {@code context} (contextType
 * GLUE_DATA_CATALOG with catalogId, databaseName, tableName and runId for an evaluation run; GLUE_JOB with jobId
 * and jobName for a job's transform), {@code resultID}, {@code rulesetNames}, {@code state} (FAILED when any rule
 * did not pass), {@code score}, {@code rulesSucceeded}, {@code rulesFailed} and {@code rulesSkipped}.
 */
final class DataQualityResultsAvailableEvents {

    static final String DETAIL_TYPE = "Data Quality Evaluation Results Available";
    private static final DefaultBusEntry ON_DEFAULT_BUS = DefaultBusEntry.of("aws.glue-dataquality");

    private final EventBus bus;

    DataQualityResultsAvailableEvents(EventBus bus) {
        this.bus = bus;
    }

    void publish(Scope scope, DataQualityResult result) {
        ObjectNode detail = Json.object();
        ObjectNode context = detail.putObject("context");
        if (result.rulesetEvaluationRunId() != null) {
            context.put("contextType", "GLUE_DATA_CATALOG");
            context.put("runId", result.rulesetEvaluationRunId());
            if (result.dataSource() != null && result.dataSource().glueTable() != null) {
                context.put("catalogId", scope.account());
                context.put("databaseName", result.dataSource().glueTable().databaseName());
                context.put("tableName", result.dataSource().glueTable().tableName());
            }
        } else {
            context.put("contextType", "GLUE_JOB");
            context.put("jobId", result.jobRunId());
            context.put("jobName", result.jobName());
            if (result.evaluationContext() != null) {
                context.put("evaluationContext", result.evaluationContext());
            }
        }
        detail.put("resultID", result.resultId());
        if (result.rulesetName() != null) {
            detail.putArray("rulesetNames").add(result.rulesetName());
        } else {
            detail.putArray("rulesetNames");
        }
        long passed = result.ruleResults().stream().filter(r -> r.result() == DataQualityRuleResultStatus.PASS).count();
        long failed = result.ruleResults().size() - passed;
        detail.put("state", failed == 0 ? "SUCCEEDED" : "FAILED");
        detail.put("score", result.score());
        detail.put("rulesSucceeded", passed);
        detail.put("rulesFailed", failed);
        detail.put("rulesSkipped", 0);
        bus.publish(scope.account(), scope.region(), "glue", DETAIL_TYPE, result.resultId(), detail, ON_DEFAULT_BUS);
    }
}
