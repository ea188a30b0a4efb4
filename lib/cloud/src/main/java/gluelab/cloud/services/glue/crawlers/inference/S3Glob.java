package gluelab.cloud.services.glue.crawlers.inference;

import java.util.regex.Pattern;

/**
 * A crawler exclusion pattern, with Glue's glob semantics (those of Java's {@code glob:} path matcher):
 * {@code *} matches within one path segment, {@code **} across segments, {@code ?} one character but
 * {@code /}, {@code [abc]}/{@code [a-z]}/{@code [!a]} one character of a set, {@code {a,b}} either
 * alternative, and {@code \} escapes the next character. Matched against keys relative to the include path.
 */
public final class S3Glob {

    private final String glob;
    private final Pattern regex;

    private S3Glob(String glob, Pattern regex) {
        this.glob = glob;
        this.regex = regex;
    }

    public static S3Glob compile(String glob) {
        return new S3Glob(glob, Pattern.compile(toRegex(glob), Pattern.DOTALL));
    }

    public boolean matches(String relativeKey) {
        return regex.matcher(relativeKey).matches();
    }

    @Override
    public String toString() {
        return glob;
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        boolean inGroup = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    } else {
                        regex.append("\\\\");
                    }
                }
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        regex.append(".*");
                        i++;
                    } else {
                        regex.append("[^/]*");
                    }
                }
                case '?' -> regex.append("[^/]");
                case '[' -> i = appendBracket(glob, i, regex);
                case '{' -> {
                    regex.append("(?:");
                    inGroup = true;
                }
                case '}' -> {
                    if (inGroup) {
                        regex.append(')');
                        inGroup = false;
                    } else {
                        regex.append("\\}");
                    }
                }
                case ',' -> regex.append(inGroup ? "|" : ",");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (inGroup) {
            throw new IllegalArgumentException("Unclosed group in exclusion pattern: " + glob);
        }
        return regex.toString();
    }

    /** Appends a bracket expression starting at {@code start}; returns the index of its closing {@code ]}. */
    private static int appendBracket(String glob, int start, StringBuilder regex) {
        int i = start + 1;
        boolean negated = i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^');
        if (negated) {
            i++;
        }
        StringBuilder members = new StringBuilder();
        for (boolean first = true; i < glob.length(); i++, first = false) {
            char c = glob.charAt(i);
            if (c == ']' && !first) {
                // A bracket never matches the path separator, as in Java's glob.
                regex.append(negated ? "[^/" + members + "]" : "[" + members + "&&[^/]]");
                return i;
            }
            boolean range = c == '-' && members.length() > 0 && i + 1 < glob.length() && glob.charAt(i + 1) != ']';
            members.append(range || Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
        }
        throw new IllegalArgumentException("Unclosed bracket in exclusion pattern: " + glob);
    }
}
