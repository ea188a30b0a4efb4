package gluelab.cloud.services.logs.insights;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Splits a Logs Insights query into tokens on demand. A {@code /} opens a regular expression or divides, which only
 * the parser knows, so it asks for a regex explicitly ({@link #regexAt}).
 */
final class QueryScanner {

    enum Kind { IDENT, STRING, REGEX, NUMBER, DURATION, SYMBOL, END }

    record Token(Kind kind, String text, int start, int end) {
        boolean is(String symbolOrWord) {
            return (kind == Kind.SYMBOL || kind == Kind.IDENT) && text.equalsIgnoreCase(symbolOrWord);
        }
    }

    private static final String[] SYMBOLS = {"!=", "<=", ">=", "=~", "|", ",", "(", ")", "[", "]", "=", "<", ">",
            "+", "-", "*", "/", "%", "^"};
    private static final Pattern DURATION_UNIT = Pattern.compile("(ms|s|m|h|d|w)");

    private final String text;

    QueryScanner(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /** The token that starts at or after {@code position}, skipping blanks and {@code #} comments. */
    Token tokenAt(int position) {
        int i = skipBlanks(position);
        if (i >= text.length()) {
            return new Token(Kind.END, "", text.length(), text.length());
        }
        char c = text.charAt(i);
        if (c == '"' || c == '\'') {
            return quoted(i, c, Kind.STRING);
        }
        if (c == '`') {
            return quoted(i, c, Kind.IDENT);
        }
        if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
            return number(i);
        }
        if (isNameStart(c)) {
            int j = i + 1;
            while (j < text.length() && isNamePart(text.charAt(j))) {
                j++;
            }
            return new Token(Kind.IDENT, text.substring(i, j), i, j);
        }
        for (String symbol : SYMBOLS) {
            if (text.startsWith(symbol, i)) {
                return new Token(Kind.SYMBOL, symbol, i, i + symbol.length());
            }
        }
        throw unexpected(new Token(Kind.SYMBOL, String.valueOf(c), i, i + 1));
    }

    /** A {@code /regex/} starting at {@code position}; its text is the expression between the slashes. */
    Token regexAt(int position) {
        int i = skipBlanks(position);
        StringBuilder body = new StringBuilder();
        for (int j = i + 1; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\\' && j + 1 < text.length() && text.charAt(j + 1) == '/') {
                body.append('/');
                j++;
            } else if (c == '\\' && j + 1 < text.length()) {
                body.append(c).append(text.charAt(++j));
            } else if (c == '/') {
                return new Token(Kind.REGEX, body.toString(), i, j + 1);
            } else {
                body.append(c);
            }
        }
        throw new QuerySyntaxException("unterminated regular expression at " + where(i), i, text.length());
    }

    /** The regex token's expression, compiled, or the compile error at its place. */
    Pattern compile(Token regex, String expression) {
        try {
            return Pattern.compile(expression);
        } catch (PatternSyntaxException e) {
            throw new QuerySyntaxException("Invalid regular expression " + text.substring(regex.start(), regex.end())
                    + " at " + where(regex.start()) + ": " + e.getDescription(), regex.start(), regex.end());
        }
    }

    QuerySyntaxException unexpected(Token token) {
        String found = token.kind() == Kind.END ? "<EOF>" : text.substring(token.start(), token.end());
        return new QuerySyntaxException("unexpected symbol found " + found + " at " + where(token.start()),
                token.start(), token.end());
    }

    /** "line L and position P", as Logs Insights words the place of a compile error (both counted from 1). */
    String where(int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + " and position " + (offset - lineStart + 1);
    }

    private int skipBlanks(int position) {
        int i = position;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private Token quoted(int start, char quote, Kind kind) {
        StringBuilder value = new StringBuilder();
        for (int j = start + 1; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\\' && j + 1 < text.length()) {
                char next = text.charAt(++j);
                value.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            } else if (c == quote) {
                return new Token(kind, value.toString(), start, j + 1);
            } else {
                value.append(c);
            }
        }
        throw new QuerySyntaxException("unterminated string at " + where(start), start, text.length());
    }

    private Token number(int start) {
        int j = start;
        boolean point = false;
        while (j < text.length() && (Character.isDigit(text.charAt(j)) || (text.charAt(j) == '.' && !point))) {
            point |= text.charAt(j) == '.';
            j++;
        }
        int unitEnd = j;
        while (unitEnd < text.length() && Character.isLetter(text.charAt(unitEnd))) {
            unitEnd++;
        }
        if (unitEnd > j) {
            String unit = text.substring(j, unitEnd);
            if (!DURATION_UNIT.matcher(unit).matches()) {
                throw unexpected(new Token(Kind.IDENT, unit, j, unitEnd));
            }
            return new Token(Kind.DURATION, text.substring(start, unitEnd), start, unitEnd);
        }
        return new Token(Kind.NUMBER, text.substring(start, j), start, j);
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '@' || c == '$';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '.' || c == '$';
    }
}
