package gluelab.cloud.services.logs.filter;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A CloudWatch Logs filter pattern, as FilterLogEvents, metric filters and subscription filters read it.
 * Its first character says its kind:
 * <ul>
 *   <li>{@code {…}} a JSON pattern ({@link JsonPattern});</li>
 *   <li>{@code […]} a space-delimited pattern ({@link SpaceDelimitedPattern});</li>
 *   <li>{@code %…%} a regular expression, found anywhere in the event;</li>
 *   <li>anything else terms and phrases ({@link TermPattern});</li>
 *   <li>an empty or blank pattern matches every event.</li>
 * </ul>
 * {@link #parse} throws {@link InvalidFilterPatternException} for a pattern AWS would refuse.
 */
public final class FilterPattern {

    private static final FilterPattern EVERYTHING = new FilterPattern("", message -> true);

    private final String text;
    private final Predicate<String> matcher;

    private FilterPattern(String text, Predicate<String> matcher) {
        this.text = text;
        this.matcher = matcher;
    }

    public static FilterPattern parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return EVERYTHING;
        }
        String trimmed = pattern.strip();
        char first = trimmed.charAt(0);
        char last = trimmed.charAt(trimmed.length() - 1);
        if (first == '{' || last == '}') {
            requireEnclosed(trimmed, '{', '}');
            return new FilterPattern(pattern, JsonPattern.parse(trimmed.substring(1, trimmed.length() - 1)));
        }
        if (first == '[') {
            requireEnclosed(trimmed, '[', ']');
            return new FilterPattern(pattern, SpaceDelimitedPattern.parse(trimmed.substring(1, trimmed.length() - 1)));
        }
        if (first == '%') {
            if (trimmed.length() < 3 || last != '%') {
                throw new InvalidFilterPatternException("a %regex% pattern must end with %: '" + pattern + "'");
            }
            try {
                Pattern regex = Pattern.compile(trimmed.substring(1, trimmed.length() - 1));
                return new FilterPattern(pattern, message -> regex.matcher(message).find());
            } catch (PatternSyntaxException e) {
                throw new InvalidFilterPatternException("invalid regular expression: " + e.getDescription());
            }
        }
        return new FilterPattern(pattern, TermPattern.parse(trimmed));
    }

    private static void requireEnclosed(String pattern, char open, char close) {
        if (pattern.length() < 2 || pattern.charAt(0) != open || pattern.charAt(pattern.length() - 1) != close) {
            throw new InvalidFilterPatternException(
                    "a pattern that starts with '" + open + "' must end with '" + close + "': '" + pattern + "'");
        }
    }

    public boolean matches(String message) {
        return message != null && matcher.test(message);
    }

    /** Whether this pattern matches every event (so a search can skip testing them). */
    public boolean matchesEverything() {
        return this == EVERYTHING;
    }

    @Override
    public String toString() {
        return text;
    }
}
