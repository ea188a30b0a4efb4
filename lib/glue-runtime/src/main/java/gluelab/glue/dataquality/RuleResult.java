package gluelab.glue.dataquality;

import java.util.Map;

/**
 * One rule's outcome, as Glue's {@code RuleResult} shape has it.
 *
 * @param name              {@code Rule_N}, N counting the ruleset's rules from 1
 * @param description       the rule as written in DQDL
 * @param result            PASS, FAIL or ERROR
 * @param evaluationMessage why the rule failed or could not be evaluated; null when it passed
 * @param evaluatedMetrics  the metrics the rule was judged on, e.g. {@code Column.id.Uniqueness}
 */
public record RuleResult(String name, String description, String result, String evaluationMessage,
                         Map<String, Double> evaluatedMetrics) {

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";
    public static final String ERROR = "ERROR";

    public RuleResult {
        evaluatedMetrics = evaluatedMetrics == null ? Map.of() : Map.copyOf(evaluatedMetrics);
    }
}
