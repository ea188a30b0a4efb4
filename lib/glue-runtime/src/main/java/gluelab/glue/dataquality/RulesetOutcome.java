package gluelab.glue.dataquality;

import java.util.List;

/** A ruleset's outcome on one data set: a result per rule, in the ruleset's order. */
public record RulesetOutcome(List<RuleResult> ruleResults) {

    public RulesetOutcome {
        ruleResults = List.copyOf(ruleResults);
    }

    /** Glue's Score: the share of rules that passed (an ERROR counts as not passed). */
    public double score() {
        if (ruleResults.isEmpty()) {
            return 0.0;
        }
        long passed = ruleResults.stream().filter(r -> RuleResult.PASS.equals(r.result())).count();
        return (double) passed / ruleResults.size();
    }
}
