package gluelab.glue.dataquality;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import gluelab.glue.spi.RunEnvironments;

/**
 * A Data Quality result as Glue's {@code DataQualityResult} shape writes it (its JSON field names; timestamps
 * in epoch seconds), without the ids and run context the keeper adds: Lab Cloud gives it a ResultId, and the
 * JobName and JobRunId, or the evaluation run's id, of the run that published it.
 *
 * @param rulesetName       the ruleset's name; null for a ruleset written in a job
 * @param evaluationContext {@code dataQualityEvaluationContext}
 * @param glueTable         {@code [database, table]} the data came from, or null
 */
public record DataQualityPublication(String rulesetName, String evaluationContext, RulesetOutcome outcome,
                                     Instant startedOn, Instant completedOn, List<String> glueTable) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Hands the result to the process running the job (Lab Cloud's worker); a local run keeps none. */
    public void publish() {
        RunEnvironments.current().ifPresent(environment -> environment.publishDataQualityResult(toJson(environment.jobName())));
    }

    /** @param jobName the job that published it; Lab Cloud keeps it only for a job run's result */
    public String toJson(String jobName) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (jobName != null) {
            result.put("JobName", jobName);
        }
        result.put("Score", outcome.score());
        if (glueTable != null) {
            result.put("DataSource", Map.of("GlueTable", Map.of("DatabaseName", glueTable.get(0), "TableName", glueTable.get(1))));
        }
        if (rulesetName != null) {
            result.put("RulesetName", rulesetName);
        }
        if (evaluationContext != null) {
            result.put("EvaluationContext", evaluationContext);
        }
        result.put("StartedOn", startedOn.toEpochMilli() / 1000.0);
        result.put("CompletedOn", completedOn.toEpochMilli() / 1000.0);
        result.put("RuleResults", outcome.ruleResults().stream().map(DataQualityPublication::ruleResult).toList());
        try {
            return JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> ruleResult(RuleResult rule) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("Name", rule.name());
        shape.put("Description", rule.description());
        if (rule.evaluationMessage() != null) {
            shape.put("EvaluationMessage", rule.evaluationMessage());
        }
        shape.put("Result", rule.result());
        shape.put("EvaluatedMetrics", rule.evaluatedMetrics());
        return shape;
    }
}
