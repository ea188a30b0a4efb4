package gluelab.cloud.services.glue.catalog.expression;

import gluelab.cloud.services.glue.catalog.expression.PartitionPredicate.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;

/**
 * Turns JSQLParser's tree of a filter into a {@link PartitionPredicate}, resolving each column to its
 * partition key and converting each literal to that key's type up front, so a bad filter fails before
 * any partition is read.
 */
final class PartitionExpressionParser {

    private final String expression;
    private final List<software.amazon.awssdk.services.glue.model.Column> keys;
    private final List<PartitionKeyType> types;

    PartitionExpressionParser(String expression, List<software.amazon.awssdk.services.glue.model.Column> keys,
                              List<PartitionKeyType> types) {
        this.expression = expression;
        this.keys = keys;
        this.types = types;
    }

    PartitionPredicate parse() {
        Expression tree;
        try {
            tree = CCJSqlParserUtil.parseCondExpression(expression, false);
        } catch (JSQLParserException | RuntimeException e) {
            throw new PartitionExpressionException("Unsupported expression '" + expression
                    + "': it is not a filter such as year = 2024 AND month > 9");
        }
        return predicate(tree);
    }

    private PartitionPredicate predicate(Expression node) {
        if (node instanceof ParenthesedExpressionList<?> parentheses && parentheses.size() == 1) {
            return predicate(parentheses.get(0));
        }
        if (node instanceof AndExpression and) {
            return new PartitionPredicate.And(predicate(and.getLeftExpression()), predicate(and.getRightExpression()));
        }
        if (node instanceof OrExpression or) {
            return new PartitionPredicate.Or(predicate(or.getLeftExpression()), predicate(or.getRightExpression()));
        }
        if (node instanceof NotExpression not) {
            return new PartitionPredicate.Not(predicate(not.getExpression()));
        }
        if (node instanceof ComparisonOperator comparison) {
            return comparison(comparison);
        }
        if (node instanceof InExpression in) {
            return in(in);
        }
        if (node instanceof Between between) {
            int key = key(between.getLeftExpression(), node);
            return new PartitionPredicate.Between(key, literal(key, between.getBetweenExpressionStart(), node),
                    literal(key, between.getBetweenExpressionEnd(), node), between.isNot());
        }
        if (node instanceof LikeExpression like) {
            return like(like);
        }
        if (node instanceof IsNullExpression isNull) {
            return new PartitionPredicate.IsNull(key(isNull.getLeftExpression(), node), isNull.isNot());
        }
        throw unsupported(node, "use comparisons, IN, BETWEEN, LIKE or IS NULL joined by AND, OR and NOT");
    }

    private PartitionPredicate comparison(ComparisonOperator comparison) {
        Operator operator = operator(comparison);
        Expression left = comparison.getLeftExpression();
        Expression right = comparison.getRightExpression();
        if (left instanceof Column) {
            int key = key(left, comparison);
            return new PartitionPredicate.Comparison(key, operator, literal(key, right, comparison));
        }
        if (right instanceof Column) {
            int key = key(right, comparison);
            return new PartitionPredicate.Comparison(key, operator.mirrored(), literal(key, left, comparison));
        }
        throw unsupported(comparison, "compare a partition key with a literal");
    }

    private Operator operator(ComparisonOperator comparison) {
        if (comparison instanceof EqualsTo) {
            return Operator.EQUAL;
        }
        if (comparison instanceof NotEqualsTo) {
            return Operator.NOT_EQUAL;
        }
        if (comparison instanceof MinorThan) {
            return Operator.LESS;
        }
        if (comparison instanceof MinorThanEquals) {
            return Operator.LESS_OR_EQUAL;
        }
        if (comparison instanceof GreaterThan) {
            return Operator.GREATER;
        }
        if (comparison instanceof GreaterThanEquals) {
            return Operator.GREATER_OR_EQUAL;
        }
        throw unsupported(comparison, "the comparison operators are = <> != < <= > >=");
    }

    private PartitionPredicate in(InExpression in) {
        int key = key(in.getLeftExpression(), in);
        if (!(in.getRightExpression() instanceof ExpressionList<?> list) || list.isEmpty()) {
            throw unsupported(in, "IN takes a list of literals");
        }
        List<Comparable<?>> literals = new ArrayList<>();
        for (Expression item : list) {
            literals.add(literal(key, item, in));
        }
        return new PartitionPredicate.In(key, literals, in.isNot());
    }

    private PartitionPredicate like(LikeExpression like) {
        if (like.getLikeKeyWord() != LikeExpression.KeyWord.LIKE || like.getEscape() != null) {
            throw unsupported(like, "only LIKE with % and _ is supported");
        }
        int key = key(like.getLeftExpression(), like);
        PartitionKeyType type = types.get(key);
        if (type != PartitionKeyType.STRING) {
            throw new PartitionExpressionException(type.displayName() + " data type doesn't support operation 'LIKE'");
        }
        if (!(like.getRightExpression() instanceof StringValue pattern)) {
            throw unsupported(like, "LIKE takes a quoted pattern");
        }
        return new PartitionPredicate.Like(key, likePattern(pattern.getNotExcapedValue()), like.isNot());
    }

    /** SQL LIKE as a regular expression: {@code %} is any run of characters, {@code _} one character. */
    private static Pattern likePattern(String like) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : like.toCharArray()) {
            if (c == '%' || c == '_') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** The index of the partition key a column names; names match case-insensitively, as Hive's do. */
    private int key(Expression node, Expression context) {
        if (!(node instanceof Column column)) {
            throw unsupported(context, "the left side must be a partition key");
        }
        String name = unquote(column.getColumnName());
        if (column.getTable() == null) {
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i).name() != null && keys.get(i).name().equalsIgnoreCase(name)) {
                    if (types.get(i) == null) {
                        throw new PartitionExpressionException("Unknown type : '" + keys.get(i).type() + "'");
                    }
                    return i;
                }
            }
        }
        throw new PartitionExpressionException("Unknown column '" + column.getFullyQualifiedName() + "'");
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && (name.startsWith("`") && name.endsWith("`") || name.startsWith("\"") && name.endsWith("\""))) {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }

    /** A literal converted to the key's type; {@code NULL} stays null and never compares true. */
    private Comparable<?> literal(int key, Expression node, Expression context) {
        if (node instanceof NullValue) {
            return null;
        }
        String text = literalText(node);
        if (text == null) {
            throw unsupported(context, "compare a partition key with a literal");
        }
        PartitionKeyType type = types.get(key);
        try {
            return type.parse(text);
        } catch (RuntimeException notOfTheKeysType) {
            throw new PartitionExpressionException("'" + text + "' is not a valid " + keys.get(key).type().toLowerCase(Locale.ROOT)
                    + " value for partition key '" + keys.get(key).name() + "'");
        }
    }

    private static String literalText(Expression node) {
        if (node instanceof ParenthesedExpressionList<?> parentheses && parentheses.size() == 1) {
            return literalText(parentheses.get(0));
        }
        if (node instanceof StringValue string) {
            return string.getNotExcapedValue();
        }
        if (node instanceof LongValue || node instanceof DoubleValue) {
            return node.toString();
        }
        if (node instanceof SignedExpression signed && (signed.getExpression() instanceof LongValue
                || signed.getExpression() instanceof DoubleValue)) {
            return (signed.getSign() == '-' ? "-" : "") + signed.getExpression();
        }
        // DATE '2024-01-01', TIMESTAMP '2024-01-01 10:00:00' and CAST('…' AS DATE) all arrive as casts.
        if (node instanceof CastExpression cast && (cast.isDate() || cast.isTimeStamp())
                && cast.getLeftExpression() instanceof StringValue string) {
            return string.getNotExcapedValue();
        }
        return null;
    }

    private PartitionExpressionException unsupported(Expression node, String hint) {
        return new PartitionExpressionException("Unsupported expression '" + node + "' in '" + expression + "': " + hint);
    }
}
