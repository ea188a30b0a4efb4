package gluelab.kernel.eval.magic;

import java.util.ArrayList;
import java.util.List;

/** Splits a magic's argument text like a shell does: on whitespace, honouring quotes and backslash escapes. */
final class MagicArguments {

    private MagicArguments() {
    }

    /** The arguments, of which there must be at least one; the magic's usage is the error otherwise. */
    static List<String> required(String text) throws MagicException {
        List<String> arguments = split(text);
        if (arguments.isEmpty()) {
            throw new MissingArguments();
        }
        return arguments;
    }

    /** A magic was given no arguments; {@link Magics} answers with the magic's usage. */
    static final class MissingArguments extends MagicException {
        MissingArguments() {
            super("needs arguments");
        }
    }

    static List<String> split(String text) throws MagicException {
        List<String> arguments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArgument = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else {
                    current.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inArgument = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                current.append(text.charAt(++i));
                inArgument = true;
            } else if (Character.isWhitespace(c)) {
                if (inArgument) {
                    arguments.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
            } else {
                current.append(c);
                inArgument = true;
            }
        }
        if (quote != 0) {
            throw new MagicException("unterminated " + quote + " quote in: " + text);
        }
        if (inArgument) {
            arguments.add(current.toString());
        }
        return arguments;
    }
}
