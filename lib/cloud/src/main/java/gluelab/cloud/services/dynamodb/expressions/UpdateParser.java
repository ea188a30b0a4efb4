package gluelab.cloud.services.dynamodb.expressions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Update expressions, each clause at most once, in any order:
 *
 * <pre>
 * update     := ( SET set ( ',' set )* | REMOVE path ( ',' path )* | ADD path :value ( ',' path :value )*
 *             | DELETE path :value ( ',' path :value )* )+
 * set        := path '=' value
 * value      := operand ( ( '+' | '-' ) operand )?
 * operand    := path | :value | if_not_exists '(' path ',' value ')' | list_append '(' value ',' value ')'
 * </pre>
 */
public final class UpdateParser extends ExpressionParser {

    private UpdateParser(String source, ExpressionAttributes attributes) {
        super(source, ExpressionKind.UPDATE, attributes);
    }

    public static UpdateExpression parse(String source, ExpressionAttributes attributes) {
        return new UpdateParser(source, attributes).update();
    }

    private UpdateExpression update() {
        List<UpdateExpression.Set> sets = new ArrayList<>();
        List<Path> removes = new ArrayList<>();
        List<UpdateExpression.Add> adds = new ArrayList<>();
        List<UpdateExpression.Delete> deletes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        do {
            Token clause = peek();
            String name = clause.kind() == Token.Kind.NAME ? clause.text().toUpperCase(Locale.ROOT) : "";
            if (!List.of("SET", "REMOVE", "ADD", "DELETE").contains(name)) {
                throw syntaxError();
            }
            next();
            if (!seen.add(name)) {
                throw kind.invalid("The \"" + name + "\" section can only be used once in an update expression;");
            }
            do {
                switch (name) {
                    case "SET" -> {
                        Path path = path();
                        expect("=");
                        sets.add(new UpdateExpression.Set(path, setValue()));
                    }
                    case "REMOVE" -> removes.add(path());
                    case "ADD" -> adds.add(new UpdateExpression.Add(path(), placeholderValue()));
                    default -> deletes.add(new UpdateExpression.Delete(path(), placeholderValue()));
                }
            } while (accept(","));
        } while (peek().kind() != Token.Kind.EOF);
        UpdateExpression update = new UpdateExpression(sets, removes, adds, deletes);
        checkNoOverlap(update.targets());
        return update;
    }

    private Operand.Value placeholderValue() {
        if (peek().kind() != Token.Kind.VALUE_PLACEHOLDER) {
            throw syntaxError();
        }
        return value();
    }

    private Operand setValue() {
        Operand left = operand();
        if (peek().is("+") || peek().is("-")) {
            boolean plus = next().is("+");
            return new Operand.Arithmetic(left, plus, operand());
        }
        return left;
    }

    @Override
    protected Operand functionOperand(String name) {
        if (List.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size")
                .contains(name)) {
            throw kind.invalid("The function is not allowed in a update expression; function: " + name);
        }
        if (!name.equals("if_not_exists") && !name.equals("list_append")) {
            return super.functionOperand(name);
        }
        expect("(");
        Operand first = setValue();
        expect(",");
        Operand result;
        if (name.equals("if_not_exists")) {
            if (!(first instanceof Operand.PathOperand path)) {
                throw kind.invalid("Operator or function requires a document path; operator or function: "
                        + "if_not_exists");
            }
            result = new Operand.IfNotExists(path.path(), setValue());
        } else {
            result = new Operand.ListAppend(first, setValue());
        }
        expect(")");
        return result;
    }
}
