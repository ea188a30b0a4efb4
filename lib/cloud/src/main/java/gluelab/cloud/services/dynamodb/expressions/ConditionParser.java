package gluelab.cloud.services.dynamodb.expressions;

import gluelab.cloud.services.dynamodb.model.AttributeValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Condition, filter and key-condition expressions, by recursive descent with AWS's precedence (lowest first): OR,
 * AND, NOT, then parentheses, functions, BETWEEN, IN and the comparators.
 *
 * <pre>
 * condition  := and ( OR and )*
 * and        := not ( AND not )*
 * not        := NOT not | predicate
 * predicate  := '(' condition ')' | function '(' operand ( ',' operand )* ')'
 *             | operand comparator operand | operand BETWEEN operand AND operand
 *             | operand IN '(' operand ( ',' operand )* ')'
 * operand    := path | :value | size '(' path ')'
 * </pre>
 */
public final class ConditionParser extends ExpressionParser {

    /** The functions that are conditions, and how many operands each takes. */
    private static final Map<String, Integer> FUNCTIONS = Map.of("attribute_exists", 1, "attribute_not_exists", 1,
            "attribute_type", 2, "begins_with", 2, "contains", 2);
    private static final Set<String> TYPES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");
    private static final int MAX_IN_OPERANDS = 100;

    private ConditionParser(String source, ExpressionKind kind, ExpressionAttributes attributes) {
        super(source, kind, attributes);
    }

    public static Condition parse(String source, ExpressionKind kind, ExpressionAttributes attributes) {
        ConditionParser parser = new ConditionParser(source, kind, attributes);
        Condition condition = parser.or();
        parser.expectEnd();
        return condition;
    }

    private Condition or() {
        Condition left = and();
        while (acceptKeyword("OR")) {
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = not();
        while (acceptKeyword("AND")) {
            left = new Condition.And(left, not());
        }
        return left;
    }

    private Condition not() {
        if (acceptKeyword("NOT")) {
            return new Condition.Not(not());
        }
        return predicate();
    }

    private Condition predicate() {
        if (accept("(")) {
            Condition inner = or();
            expect(")");
            return inner;
        }
        if (atFunctionCall() && FUNCTIONS.containsKey(peek().text())) {
            return function();
        }
        Operand left = operand();
        Condition.Comparator comparator = Condition.Comparator.of(peek());
        if (comparator != null) {
            next();
            return new Condition.Compare(left, comparator, operand());
        }
        if (acceptKeyword("BETWEEN")) {
            Operand low = operand();
            if (!acceptKeyword("AND")) {
                throw syntaxError();
            }
            Operand high = operand();
            checkBounds(low, high);
            return new Condition.Between(left, low, high);
        }
        if (acceptKeyword("IN")) {
            expect("(");
            List<Operand> candidates = new ArrayList<>();
            do {
                candidates.add(operand());
            } while (accept(","));
            expect(")");
            if (candidates.size() > MAX_IN_OPERANDS) {
                throw kind.invalid("The IN operator is provided with too many operands; number of operands: "
                        + candidates.size());
            }
            return new Condition.In(left, candidates);
        }
        throw syntaxError();
    }

    private void checkBounds(Operand low, Operand high) {
        if (low instanceof Operand.Value lower && high instanceof Operand.Value upper
                && AttributeValues.comparable(lower.value(), upper.value())
                && AttributeValues.compare(lower.value(), upper.value()) > 0) {
            throw kind.invalid("The BETWEEN operator requires upper bound to be greater than or equal to lower bound;"
                    + " lower bound operand: AttributeValue: {" + AttributeValues.type(lower.value()) + ":"
                    + scalar(lower) + "}, upper bound operand: AttributeValue: {"
                    + AttributeValues.type(upper.value()) + ":" + scalar(upper) + "}");
        }
    }

    private static String scalar(Operand.Value value) {
        var v = value.value();
        return v.n() != null ? v.n() : v.s() != null ? v.s() : v.b().asUtf8String();
    }

    private Condition function() {
        String name = next().text();
        List<Operand> arguments = arguments(name);
        if (arguments.size() != FUNCTIONS.get(name)) {
            throw kind.invalid("Incorrect number of operands for operator or function; operator or function: " + name
                    + ", number of operands: " + arguments.size());
        }
        if (!(arguments.get(0) instanceof Operand.PathOperand)) {
            throw kind.invalid("Operator or function requires a document path; operator or function: " + name);
        }
        if (name.equals("attribute_type")) {
            if (!(arguments.get(1) instanceof Operand.Value type) || type.value().s() == null
                    || !TYPES.contains(type.value().s())) {
                String given = arguments.get(1) instanceof Operand.Value type ? describe(type) : "path";
                throw kind.invalid("Invalid attribute type name found; type: " + given
                        + ", valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }");
            }
        }
        if (name.equals("begins_with") && arguments.get(1) instanceof Operand.Value prefix) {
            String type = AttributeValues.type(prefix.value());
            if (!"S".equals(type) && !"B".equals(type)) {
                throw kind.invalid("Incorrect operand type for operator or function; operator or function: "
                        + "begins_with, operand type: " + type);
            }
        }
        return new Condition.Function(name, arguments);
    }

    private static String describe(Operand.Value value) {
        return value.value().s() != null ? value.value().s() : AttributeValues.type(value.value());
    }

    private List<Operand> arguments(String function) {
        expect("(");
        List<Operand> arguments = new ArrayList<>();
        if (!peek().is(")")) {
            do {
                arguments.add(operand());
            } while (accept(","));
        }
        expect(")");
        return arguments;
    }

    @Override
    protected Operand functionOperand(String name) {
        if (name.equals("size")) {
            List<Operand> arguments = arguments(name);
            if (arguments.size() != 1) {
                throw kind.invalid("Incorrect number of operands for operator or function; operator or function: "
                        + "size, number of operands: " + arguments.size());
            }
            if (!(arguments.get(0) instanceof Operand.PathOperand path)) {
                throw kind.invalid("Operator or function requires a document path; operator or function: size");
            }
            return new Operand.Size(path.path());
        }
        if (FUNCTIONS.containsKey(name) || name.equals("if_not_exists") || name.equals("list_append")) {
            throw kind.invalid("The function is not allowed to be used this way in an expression; function: "
                    + name);
        }
        return super.functionOperand(name);
    }
}
