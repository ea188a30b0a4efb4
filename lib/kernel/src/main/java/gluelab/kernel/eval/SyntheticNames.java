package gluelab.kernel.eval;

import java.util.regex.Pattern;

/**
 * Rewrites the names JShell gives the learner's declarations into the names the learner wrote. JShell wraps every
 * snippet in a class such as {@code REPL.$JShell$12} (with a letter after a redefinition: {@code $JShell$18B}), so
 * a top-level variable {@code s} is the field {@code REPL.$JShell$12.s} and a class {@code Order} is the member
 * class {@code REPL.$JShell$15$Order}. Java's own messages name those: {@code because "REPL.$JShell$12.s" is null},
 * {@code class REPL.$JShell$15$Order cannot be cast to ...}. JShell itself rewrites them only in stack frames.
 */
final class SyntheticNames {

    /** A wrapper class name followed by {@code $} (a member type) or {@code .} (a variable or method). */
    private static final Pattern WRAPPER_PREFIX = Pattern.compile("(?:REPL\\.)?\\$JShell\\$\\d+[A-Z]*[$.]");

    private SyntheticNames() {
    }

    static String readable(String text) {
        return text == null || text.indexOf("$JShell$") < 0 ? text : WRAPPER_PREFIX.matcher(text).replaceAll("");
    }
}
