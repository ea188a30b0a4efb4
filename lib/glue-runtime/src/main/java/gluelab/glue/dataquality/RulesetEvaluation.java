package gluelab.glue.dataquality;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import com.amazon.deequ.dqdl.EvaluateDataQuality;
import software.amazon.glue.dqdl.model.DQRule;

/**
 * Evaluates a DQDL ruleset on a data set with Deequ's DQDL evaluator, the engine behind Glue Data Quality, and
 * reports each rule as Glue does. Deequ gives its outcomes in no particular order and as Passed or Failed only;
 * Glue names the rules {@code Rule_N} in the ruleset's order and reports a rule on a column the data lacks as
 * ERROR, not FAIL.
 */
public final class RulesetEvaluation {

    /** Deequ's words for a rule naming a column the data does not have. */
    private static final String MISSING_COLUMN = "Input data does not include column";

    private RulesetEvaluation() {
    }

    /** Every rule's result; the data is read by one Deequ analysis (plus one per rule type Deequ runs apart). */
    public static RulesetOutcome evaluate(Dataset<Row> data, String ruleset) {
        return outcome(ruleset, ruleOutcomes(data, ruleset));
    }

    /** Deequ's outcome rows, one per rule: Rule, Outcome (Passed or Failed), FailureReason, EvaluatedMetrics. */
    public static Dataset<Row> ruleOutcomes(Dataset<Row> data, String ruleset) {
        Rulesets.rules(ruleset);
        return EvaluateDataQuality.process(data, ruleset);
    }

    /**
     * Glue's {@code processRows}: the rule outcomes and the data with each row's outcome, keyed
     * {@code ruleOutcomes}, {@code rowLevelOutcomes} and {@code originalData}.
     */
    public static Map<String, Dataset<Row>> processRows(Dataset<Row> data, String ruleset) {
        Rulesets.rules(ruleset);
        Map<String, Dataset<Row>> frames = new LinkedHashMap<>();
        EvaluateDataQuality.processRows(data, ruleset).foreach(entry -> frames.put(entry._1(), entry._2()));
        return frames;
    }

    /** Glue's results from Deequ's rule-outcome rows (Rule, Outcome, FailureReason, EvaluatedMetrics). */
    public static RulesetOutcome outcome(String ruleset, Dataset<Row> deequOutcomes) {
        return outcome(Rulesets.rules(ruleset), deequOutcomes);
    }

    private static RulesetOutcome outcome(List<DQRule> rules, Dataset<Row> deequOutcomes) {
        Map<String, Deque<Row>> byRule = new HashMap<>();
        for (Row row : deequOutcomes.collectAsList()) {
            byRule.computeIfAbsent(row.getString(row.fieldIndex("Rule")), k -> new ArrayDeque<>()).add(row);
        }
        List<RuleResult> results = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String description = rules.get(i).toString();
            Deque<Row> rows = byRule.get(description);
            Row row = rows == null ? null : rows.poll();
            results.add(row == null
                    ? new RuleResult("Rule_" + (i + 1), description, RuleResult.ERROR,
                            "The rule could not be evaluated.", Map.of())
                    : result("Rule_" + (i + 1), description, row));
        }
        return new RulesetOutcome(results);
    }

    private static RuleResult result(String name, String description, Row row) {
        String reason = row.getString(row.fieldIndex("FailureReason"));
        Map<String, Double> metrics = new LinkedHashMap<>();
        int metricsAt = row.fieldIndex("EvaluatedMetrics");
        if (!row.isNullAt(metricsAt)) {
            row.<String, Object>getJavaMap(metricsAt).forEach((k, v) -> metrics.put(k, ((Number) v).doubleValue()));
        }
        String outcome = row.getString(row.fieldIndex("Outcome"));
        String result;
        if ("Passed".equalsIgnoreCase(outcome)) {
            result = RuleResult.PASS;
        } else if (reason != null && reason.startsWith(MISSING_COLUMN)) {
            result = RuleResult.ERROR;
        } else {
            result = RuleResult.FAIL;
        }
        return new RuleResult(name, description, result, reason, metrics);
    }
}
