package gluelab.cloud.services.glue.dataquality;

import gluelab.cloud.services.glue.GlueErrors;
import software.amazon.glue.dqdl.exception.InvalidDataQualityRulesetException;
import software.amazon.glue.dqdl.parser.DQDLParser;

/** Rulesets checked with AWS's own DQDL parser, as Glue checks them when they are created or changed. */
final class DqdlRulesets {

    private DqdlRulesets() {
    }

    /**
     * The number of rules in a valid ruleset.
     *
     * @throws gluelab.cloud.provider.AwsServiceException InvalidInputException with the parser's words and position
     */
    static int ruleCount(String ruleset) {
        try {
            return new DQDLParser().parse(ruleset).getRules().size();
        } catch (InvalidDataQualityRulesetException | RuntimeException e) {
            throw GlueErrors.invalidInput("The ruleset is not valid DQDL: " + e.getMessage());
        }
    }
}
