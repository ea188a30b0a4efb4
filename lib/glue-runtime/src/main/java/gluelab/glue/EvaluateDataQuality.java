package gluelab.glue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import gluelab.glue.dataquality.DataQualityPublication;
import gluelab.glue.dataquality.RulesetEvaluation;
import gluelab.glue.util.JsonOptions;

/**
 * Glue's {@code EvaluateDataQuality} transform ({@code com.amazonaws.services.glue.dq.EvaluateDataQuality}):
 * evaluates a DQDL ruleset on a frame with Deequ's DQDL evaluator and, unless
 * {@code enableDataQualityResultsPublishing} is false, publishes the result with the run's context (JobName,
 * JobRunId and {@code dataQualityEvaluationContext}, default {@code default_context}), so that
 * {@code ListDataQualityResults} and {@code GetDataQualityResult} find it.
 */
public final class EvaluateDataQuality {

    public static final String EVALUATION_CONTEXT = "dataQualityEvaluationContext";
    public static final String RESULTS_PUBLISHING = "enableDataQualityResultsPublishing";
    public static final String DEFAULT_CONTEXT = "default_context";
    /** The keys of {@link #processRows}: the rules' outcomes, and the data with each row's outcome. */
    public static final String RULE_OUTCOMES = "ruleOutcomes";
    public static final String ROW_LEVEL_OUTCOMES = "rowLevelOutcomes";

    private EvaluateDataQuality() {
    }

    /** The rules' outcomes: one row per rule with {@code Rule}, {@code Outcome}, {@code FailureReason}, {@code EvaluatedMetrics}. */
    public static DynamicFrame apply(DynamicFrame frame, String ruleset) {
        return apply(frame, ruleset, JsonOptions.empty());
    }

    public static DynamicFrame apply(DynamicFrame frame, String ruleset, JsonOptions publishingOptions) {
        Instant startedOn = Instant.now();
        Dataset<Row> ruleOutcomes = RulesetEvaluation.ruleOutcomes(frame.toDF(), ruleset).cache();
        publish(ruleset, ruleOutcomes, publishingOptions, startedOn);
        return DynamicFrame.fromDF(ruleOutcomes, frame.glueContext(), RULE_OUTCOMES);
    }

    /**
     * {@code ruleOutcomes} as {@link #apply}, and {@code rowLevelOutcomes}: the frame's rows with
     * {@code DataQualityRulesPass}, {@code DataQualityRulesFail}, {@code DataQualityRulesSkip} and
     * {@code DataQualityEvaluationResult} (Passed or Failed).
     */
    public static Map<String, DynamicFrame> processRows(DynamicFrame frame, String ruleset, JsonOptions publishingOptions) {
        Instant startedOn = Instant.now();
        Map<String, Dataset<Row>> outcomes = RulesetEvaluation.processRows(frame.toDF(), ruleset);
        Dataset<Row> ruleOutcomes = outcomes.get(RULE_OUTCOMES).cache();
        publish(ruleset, ruleOutcomes, publishingOptions, startedOn);
        Map<String, DynamicFrame> frames = new LinkedHashMap<>();
        frames.put(RULE_OUTCOMES, DynamicFrame.fromDF(ruleOutcomes, frame.glueContext(), RULE_OUTCOMES));
        frames.put(ROW_LEVEL_OUTCOMES, DynamicFrame.fromDF(outcomes.get(ROW_LEVEL_OUTCOMES), frame.glueContext(),
                ROW_LEVEL_OUTCOMES));
        return frames;
    }

    private static void publish(String ruleset, Dataset<Row> ruleOutcomes, JsonOptions publishingOptions, Instant startedOn) {
        if (publishingOptions.getBoolean(RESULTS_PUBLISHING, true)) {
            new DataQualityPublication(null, publishingOptions.getString(EVALUATION_CONTEXT, DEFAULT_CONTEXT),
                    RulesetEvaluation.outcome(ruleset, ruleOutcomes), startedOn, Instant.now(), null).publish();
        }
    }
}
