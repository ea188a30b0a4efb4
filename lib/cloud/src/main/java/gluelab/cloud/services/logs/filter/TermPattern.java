package gluelab.cloud.services.logs.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A pattern over unstructured text: terms that must all appear ({@code ERROR Exception}), quoted phrases
 * ({@code "Failed to process"}), exclusions ({@code ERROR -Exiting}) and {@code ?} alternatives
 * ({@code ?ERROR ?WARN}). Matching is by case-sensitive substring, as on AWS ({@code ERROR} matches
 * {@code ERRORCODE}).
 *
 * <p>A {@code ?} starts a new alternative, and the plain terms after it join that alternative:
 * {@code ?ERROR MainThread ?WARN Deadlock} means (ERROR and MainThread) or (WARN and Deadlock), which is
 * how the AWS CDK's {@code anyTermGroup} writes it. Unquoted terms may hold only letters, digits and
 * underscores; anything else must be quoted. A quoted blank ({@code " "}) matches every event.
 */
final class TermPattern implements Predicate<String> {

    private record Alternative(List<String> required, List<String> excluded) {
        boolean matches(String message) {
            for (String term : required) {
                if (!term.isBlank() && !message.contains(term)) {
                    return false;
                }
            }
            for (String term : excluded) {
                if (message.contains(term)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Alternative> alternatives;

    private TermPattern(List<Alternative> alternatives) {
        this.alternatives = alternatives;
    }

    static TermPattern parse(String pattern) {
        PatternScanner in = new PatternScanner(pattern);
        List<Alternative> alternatives = new ArrayList<>();
        Alternative current = null;
        while (!in.atEnd()) {
            boolean startsAlternative = in.consume("?");
            boolean excluded = !startsAlternative && in.consume("-");
            String term = readTerm(in);
            if (startsAlternative || current == null) {
                current = new Alternative(new ArrayList<>(), new ArrayList<>());
                alternatives.add(current);
            }
            (excluded ? current.excluded() : current.required()).add(term);
        }
        return new TermPattern(alternatives);
    }

    private static String readTerm(PatternScanner in) {
        if (in.peek() == '"') {
            String phrase = in.quoted();
            if (phrase.isEmpty()) {
                throw in.error("empty quoted term");
            }
            return phrase;
        }
        String word = in.run(PatternScanner::isWordCharacter);
        if (word.isEmpty()) {
            throw in.error("invalid character(s) in term (quote terms that hold anything but letters, digits or _)");
        }
        return word;
    }

    @Override
    public boolean test(String message) {
        for (Alternative alternative : alternatives) {
            if (alternative.matches(message)) {
                return true;
            }
        }
        return false;
    }
}
