package gluelab.glue.dataquality;

import java.util.List;

import software.amazon.glue.dqdl.exception.InvalidDataQualityRulesetException;
import software.amazon.glue.dqdl.model.DQRule;
import software.amazon.glue.dqdl.parser.DQDLParser;

/** Reads DQDL with AWS's own parser. */
public final class Rulesets {

    private Rulesets() {
    }

    /**
     * The ruleset's rules in order.
     *
     * @throws IllegalArgumentException with the parser's message (and the line and column it stopped at)
     */
    public static List<DQRule> rules(String ruleset) {
        try {
            return new DQDLParser().parse(ruleset).getRules();
        } catch (InvalidDataQualityRulesetException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
