package gluelab.cloud.services.logs.filter;

import java.util.function.IntPredicate;

/** A cursor over the text of a filter pattern, with the few lexical pieces every pattern kind shares. */
final class PatternScanner {

    private final String text;
    private int position;

    PatternScanner(String text) {
        this.text = text;
    }

    void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    boolean atEnd() {
        skipSpaces();
        return position >= text.length();
    }

    /** The next character after any spaces, or 0 at the end. */
    char peek() {
        skipSpaces();
        return position < text.length() ? text.charAt(position) : 0;
    }

    /** Consumes {@code symbol} (after spaces) if it comes next. */
    boolean consume(String symbol) {
        skipSpaces();
        if (text.startsWith(symbol, position)) {
            position += symbol.length();
            return true;
        }
        return false;
    }

    /** Consumes a keyword such as {@code IS} or {@code EXISTS}, in any case, if it comes next as a whole word. */
    boolean consumeKeyword(String keyword) {
        skipSpaces();
        int end = position + keyword.length();
        if (end <= text.length() && text.regionMatches(true, position, keyword, 0, keyword.length())
                && (end == text.length() || !isWordCharacter(text.charAt(end)))) {
            position = end;
            return true;
        }
        return false;
    }

    void expect(String symbol) {
        if (!consume(symbol)) {
            throw error("expected '" + symbol + "'");
        }
    }

    /** Reads {@code "…"}, with {@code \"} and {@code \\} escapes, and returns what is inside. */
    String quoted() {
        skipSpaces();
        if (position >= text.length() || text.charAt(position) != '"') {
            throw error("expected a quoted string");
        }
        StringBuilder out = new StringBuilder();
        position++;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '\\' && position < text.length()) {
                out.append(text.charAt(position++));
            } else if (c == '"') {
                return out.toString();
            } else {
                out.append(c);
            }
        }
        throw error("unterminated quoted string");
    }

    /** Reads {@code %…%} and returns the regular expression inside. */
    String regex() {
        skipSpaces();
        if (position >= text.length() || text.charAt(position) != '%') {
            throw error("expected a %regex%");
        }
        int close = text.indexOf('%', position + 1);
        if (close < 0 || close == position + 1) {
            throw error("unterminated or empty %regex%");
        }
        String body = text.substring(position + 1, close);
        position = close + 1;
        return body;
    }

    /** Reads the longest run of characters that {@code accepted} allows (possibly empty). */
    String run(IntPredicate accepted) {
        skipSpaces();
        int start = position;
        while (position < text.length() && accepted.test(text.charAt(position))) {
            position++;
        }
        return text.substring(start, position);
    }

    int position() {
        return position;
    }

    InvalidFilterPatternException error(String why) {
        return new InvalidFilterPatternException(why + " at position " + position + " of '" + text + "'");
    }

    static boolean isWordCharacter(int c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
