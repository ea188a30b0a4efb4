package gluelab.cloud.services.dynamodb.expressions;

import java.util.ArrayList;
import java.util.List;

/** Splits any kind of expression into tokens: names, {@code #name} and {@code :value} placeholders, symbols. */
final class Tokenizer {

    private static final List<String> SYMBOLS = List.of("<>", "<=", ">=", "=", "<", ">", "(", ")", "[", "]", ",",
            ".", "+", "-");

    private Tokenizer() {
    }

    static List<Token> tokens(String source, ExpressionKind kind) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '#' || c == ':') {
                i = wordEnd(source, i + 1);
                if (i == start + 1) {
                    throw kind.syntaxError(new Token(Token.Kind.SYMBOL, String.valueOf(c), start, start + 1),
                            source, tokens);
                }
                tokens.add(new Token(c == '#' ? Token.Kind.NAME_PLACEHOLDER : Token.Kind.VALUE_PLACEHOLDER,
                        source.substring(start, i), start, i));
            } else if (Character.isDigit(c)) {
                i = wordEnd(source, i);
                tokens.add(new Token(Token.Kind.NUMBER, source.substring(start, i), start, i));
            } else if (Character.isLetter(c) || c == '_') {
                i = wordEnd(source, i);
                tokens.add(new Token(Token.Kind.NAME, source.substring(start, i), start, i));
            } else {
                String symbol = null;
                for (String candidate : SYMBOLS) {
                    if (source.startsWith(candidate, i)) {
                        symbol = candidate;
                        break;
                    }
                }
                Token token = new Token(Token.Kind.SYMBOL, symbol == null ? String.valueOf(c) : symbol, start,
                        start + (symbol == null ? 1 : symbol.length()));
                if (symbol == null) {
                    throw kind.syntaxError(token, source, tokens);
                }
                tokens.add(token);
                i = token.end();
            }
        }
        tokens.add(new Token(Token.Kind.EOF, "", source.length(), source.length()));
        return tokens;
    }

    private static int wordEnd(String source, int from) {
        int i = from;
        while (i < source.length() && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_')) {
            i++;
        }
        return i;
    }
}
