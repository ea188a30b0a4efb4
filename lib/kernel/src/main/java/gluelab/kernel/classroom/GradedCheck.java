package gluelab.kernel.classroom;

import gluelab.kernel.notebook.CheckSpec;

import java.util.Optional;

/** One check of one learner as the gradebook scores it: the points earned, why, and how it was tampered with, if it was. */
public record GradedCheck(CheckSpec check, double points, boolean passed, String reason, Optional<Tampering> tampering) {

    static GradedCheck zero(CheckSpec check, String reason) {
        return new GradedCheck(check, 0, false, reason, Optional.empty());
    }

    static GradedCheck tampered(CheckSpec check, Tampering tampering) {
        String reason = switch (tampering) {
            case EDITED -> "this locked check cell was edited, so it scores 0 (its nbgrader checksum differs from the instructor's)";
            case DELETED -> "this locked check cell was deleted, so it scores 0";
            case DUPLICATED -> "this check cell appears more than once, so it scores 0";
        };
        return new GradedCheck(check, 0, false, reason, Optional.of(tampering));
    }
}
