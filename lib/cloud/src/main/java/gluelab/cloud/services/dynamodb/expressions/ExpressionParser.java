package gluelab.cloud.services.dynamodb.expressions;

import gluelab.cloud.provider.AwsServiceException;
import java.util.ArrayList;
import java.util.List;

/**
 * What every expression parser shares: the tokens and a cursor over them, document paths with their placeholders
 * and the reserved-word rule, and AWS's syntax errors. Each kind of expression has its own subclass.
 */
abstract class ExpressionParser {

    protected final String source;
    protected final ExpressionKind kind;
    protected final ExpressionAttributes attributes;
    private final List<Token> tokens;
    private int position;

    ExpressionParser(String source, ExpressionKind kind, ExpressionAttributes attributes) {
        if (source.isBlank()) {
            throw kind.invalid("The expression can not be empty;");
        }
        this.source = source;
        this.kind = kind;
        this.attributes = attributes;
        this.tokens = Tokenizer.tokens(source, kind);
    }

    protected Token peek() {
        return tokens.get(position);
    }

    protected Token peek(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    protected Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Token.Kind.EOF) {
            position++;
        }
        return token;
    }

    protected boolean accept(String symbol) {
        if (peek().is(symbol)) {
            next();
            return true;
        }
        return false;
    }

    protected boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            next();
            return true;
        }
        return false;
    }

    protected void expect(String symbol) {
        if (!accept(symbol)) {
            throw syntaxError();
        }
    }

    protected void expectEnd() {
        if (peek().kind() != Token.Kind.EOF) {
            throw syntaxError();
        }
    }

    protected AwsServiceException syntaxError() {
        return kind.syntaxError(peek(), source, tokens.subList(0, position));
    }

    protected boolean atFunctionCall() {
        return peek().kind() == Token.Kind.NAME && peek(1).is("(");
    }

    /** {@code name ( '.' name | '[' index ']' )*}, names given directly or as {@code #placeholders}. */
    protected Path path() {
        List<Object> elements = new ArrayList<>();
        elements.add(pathName());
        while (true) {
            if (accept(".")) {
                elements.add(pathName());
            } else if (peek().is("[")) {
                next();
                Token index = next();
                if (index.kind() != Token.Kind.NUMBER) {
                    throw kind.syntaxError(index, source, tokens.subList(0, position - 1));
                }
                try {
                    elements.add(Integer.parseInt(index.text()));
                } catch (NumberFormatException e) {
                    throw kind.invalid("List index is not within the allowable range; index: [" + index.text() + "]");
                }
                expect("]");
            } else {
                return new Path(elements);
            }
        }
    }

    private String pathName() {
        Token token = peek();
        if (token.kind() == Token.Kind.NAME_PLACEHOLDER) {
            next();
            return attributes.name(token.text(), kind);
        }
        if (token.kind() != Token.Kind.NAME) {
            throw syntaxError();
        }
        if (ReservedWords.isReserved(token.text())) {
            throw kind.invalid("Attribute name is a reserved keyword; reserved keyword: " + token.text());
        }
        next();
        return token.text();
    }

    /** {@code :value}, a path, or a function call, which each kind of expression allows its own of. */
    protected Operand operand() {
        Token token = peek();
        if (token.kind() == Token.Kind.VALUE_PLACEHOLDER) {
            return value();
        }
        if (atFunctionCall()) {
            return functionOperand(next().text());
        }
        if (token.kind() == Token.Kind.NAME || token.kind() == Token.Kind.NAME_PLACEHOLDER) {
            return new Operand.PathOperand(path());
        }
        throw syntaxError();
    }

    /** A function used as a value; the name is read, the parenthesis is next. */
    protected Operand functionOperand(String name) {
        throw kind.invalid("Invalid function name; function: " + name);
    }

    protected Operand.Value value() {
        Token token = next();
        return new Operand.Value(token.text(), attributes.value(token.text(), kind));
    }

    /** Two paths of one update or projection that are the same or one within the other. */
    protected void checkNoOverlap(List<Path> paths) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (paths.get(i).overlaps(paths.get(j))) {
                    throw kind.invalid("Two document paths overlap with each other; must remove or rewrite one of"
                            + " these paths; path one: " + paths.get(i).described() + ", path two: "
                            + paths.get(j).described());
                }
            }
        }
    }
}
