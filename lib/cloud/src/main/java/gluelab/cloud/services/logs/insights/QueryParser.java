package gluelab.cloud.services.logs.insights;

import gluelab.cloud.services.logs.insights.QueryScanner.Kind;
import gluelab.cloud.services.logs.insights.QueryScanner.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a Logs Insights query string: commands ({@code fields}, {@code display}, {@code filter}, {@code parse},
 * {@code stats}, {@code sort}, {@code limit}) joined by {@code |}, and expressions with {@code or}, {@code and},
 * {@code not}, comparisons, {@code like}/{@code not like} with a string or a /regex/, {@code =~}, {@code in}/
 * {@code not in} a list, arithmetic, function calls, fields (backticks quote odd names) and literals.
 */
final class QueryParser {

    /** The most rows a query may ask for with {@code limit}, as StartQuery's own {@code limit}. */
    static final int MAX_LIMIT = 10_000;
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z_@][a-zA-Z0-9_.@]*)>");

    private final QueryScanner scanner;
    private Token current;

    QueryParser(String text) {
        this.scanner = new QueryScanner(text);
        this.current = scanner.tokenAt(0);
    }

    InsightsQuery query() {
        List<InsightsQuery.Stage> stages = new ArrayList<>();
        do {
            stages.add(command());
        } while (accept("|"));
        if (current.kind() != Kind.END) {
            throw scanner.unexpected(current);
        }
        return new InsightsQuery(stages);
    }

    // ---- commands ------------------------------------------------------------------------------------------

    private InsightsQuery.Stage command() {
        Token name = current;
        if (name.kind() != Kind.IDENT) {
            throw scanner.unexpected(name);
        }
        advance();
        return switch (name.text().toLowerCase()) {
            case "fields" -> InsightsQuery.fields(namedList());
            case "display" -> InsightsQuery.display(namedList());
            case "filter" -> InsightsQuery.filter(expression());
            case "parse" -> parse();
            case "stats" -> stats();
            case "sort" -> sort();
            case "limit" -> limit();
            default -> throw scanner.unexpected(name);
        };
    }

    private List<InsightsQuery.Named> namedList() {
        List<InsightsQuery.Named> items = new ArrayList<>();
        do {
            items.add(named());
        } while (accept(","));
        return items;
    }

    /** {@code expr [as name]}; without a name, a field is named by itself and anything else by its text. */
    private InsightsQuery.Named named() {
        int start = current.start();
        Token first = current;
        Expression expression = expression();
        String text = scanner.text().substring(start, previousEnd).strip();
        String name = first.kind() == Kind.IDENT && previousEnd == first.end() ? first.text() : text;
        if (accept("as")) {
            name = fieldName();
        }
        return new InsightsQuery.Named(name, expression);
    }

    private InsightsQuery.Stage parse() {
        Expression source = Expression.field(Fields.MESSAGE);
        if (current.kind() == Kind.IDENT) {
            source = Expression.field(fieldName());
        }
        Token pattern = current.is("/") ? scanner.regexAt(current.start()) : current;
        if (pattern.kind() == Kind.REGEX) {
            // Java group names allow only letters and digits; Logs Insights' also _ . @, so each is renamed g1, g2, …
            List<String> names = new ArrayList<>();
            Matcher group = NAMED_GROUP.matcher(pattern.text());
            StringBuilder renamed = new StringBuilder();
            while (group.find()) {
                names.add(group.group(1));
                group.appendReplacement(renamed, "(?<g" + names.size() + ">");
            }
            group.appendTail(renamed);
            if (names.isEmpty()) {
                throw new QuerySyntaxException("Expected at least one named capturing group in the regular expression at "
                        + scanner.where(pattern.start()), pattern.start(), pattern.end());
            }
            current = pattern;
            advance();
            List<String> groups = new ArrayList<>();
            for (int i = 1; i <= names.size(); i++) {
                groups.add("g" + i);
            }
            return InsightsQuery.parse(source, scanner.compile(pattern, renamed.toString()), names, groups);
        }
        if (pattern.kind() != Kind.STRING) {
            throw scanner.unexpected(pattern);
        }
        advance();
        if (!accept("as")) {
            throw scanner.unexpected(current);
        }
        List<String> names = new ArrayList<>();
        do {
            names.add(fieldName());
        } while (accept(","));
        String[] parts = pattern.text().split("\\*", -1);
        if (parts.length - 1 != names.size()) {
            throw new QuerySyntaxException("Expected " + (parts.length - 1) + " fields in the as clause of parse, found "
                    + names.size() + " at " + scanner.where(pattern.start()), pattern.start(), previousEnd);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(Pattern.quote(parts[i]));
            if (i < parts.length - 1) {
                // A trailing * takes the rest of the line; every other * as little as lets the next literal match.
                regex.append("(?<g").append(i + 1).append(i == parts.length - 2 && parts[i + 1].isEmpty() ? ">.*)" : ">.*?)");
            }
        }
        List<String> groups = new ArrayList<>();
        for (int i = 1; i <= names.size(); i++) {
            groups.add("g" + i);
        }
        return InsightsQuery.parse(source, Pattern.compile(regex.toString()), names, groups);
    }

    private InsightsQuery.Stage stats() {
        List<InsightsQuery.Aggregation> aggregations = new ArrayList<>();
        do {
            int start = current.start();
            Token function = current;
            Aggregate aggregate = function.kind() == Kind.IDENT ? Aggregate.find(function.text()) : null;
            if (aggregate == null) {
                throw new QuerySyntaxException("Expected an aggregation function in stats, found "
                        + (function.kind() == Kind.END ? "<EOF>" : function.text()) + " at " + scanner.where(start),
                        function.start(), function.end());
            }
            advance();
            expect("(");
            Expression argument = null;
            if (accept("*")) {
                requireStar(aggregate, function);
            } else if (current.is(")")) {
                requireStar(aggregate, function);
            } else {
                argument = expression();
            }
            expect(")");
            String name = scanner.text().substring(start, previousEnd);
            if (accept("as")) {
                name = fieldName();
            }
            aggregations.add(new InsightsQuery.Aggregation(name, aggregate, argument));
        } while (accept(","));
        List<InsightsQuery.Named> groups = accept("by") ? namedList() : List.of();
        return InsightsQuery.stats(aggregations, groups);
    }

    private void requireStar(Aggregate aggregate, Token function) {
        if (!aggregate.takesStar()) {
            throw new QuerySyntaxException(function.text() + " needs a field at " + scanner.where(function.start()),
                    function.start(), current.end());
        }
    }

    private InsightsQuery.Stage sort() {
        List<InsightsQuery.SortKey> keys = new ArrayList<>();
        do {
            InsightsQuery.Named key = named();
            boolean descending = false;
            if (accept("desc")) {
                descending = true;
            } else {
                accept("asc");
            }
            keys.add(new InsightsQuery.SortKey(key, descending));
        } while (accept(","));
        return InsightsQuery.sort(keys);
    }

    private InsightsQuery.Stage limit() {
        Token count = current;
        if (count.kind() != Kind.NUMBER || count.text().contains(".")) {
            throw scanner.unexpected(count);
        }
        advance();
        long n = count.text().length() > 6 ? Long.MAX_VALUE : Long.parseLong(count.text());
        if (n < 1 || n > MAX_LIMIT) {
            throw new QuerySyntaxException("limit must be between 1 and " + MAX_LIMIT + ", found " + count.text()
                    + " at " + scanner.where(count.start()), count.start(), count.end());
        }
        return InsightsQuery.limit((int) n);
    }

    // ---- expressions ---------------------------------------------------------------------------------------

    Expression expression() {
        Expression left = conjunction();
        while (accept("or")) {
            Expression l = left;
            Expression r = conjunction();
            left = row -> Values.truthy(l.eval(row)) || Values.truthy(r.eval(row));
        }
        return left;
    }

    private Expression conjunction() {
        Expression left = negation();
        while (accept("and")) {
            Expression l = left;
            Expression r = negation();
            left = row -> Values.truthy(l.eval(row)) && Values.truthy(r.eval(row));
        }
        return left;
    }

    private Expression negation() {
        if (current.is("not") && !peekIs("like") && !peekIs("in")) {
            advance();
            Expression inner = negation();
            return row -> !Values.truthy(inner.eval(row));
        }
        return comparison();
    }

    private Expression comparison() {
        Expression left = sum();
        boolean negated = false;
        if (current.is("not") && (peekIs("like") || peekIs("in"))) {
            advance();
            negated = true;
        }
        Expression test;
        if (accept("like") || (!negated && accept("=~"))) {
            Token pattern = current.is("/") ? scanner.regexAt(current.start()) : current;
            if (pattern.kind() != Kind.STRING && pattern.kind() != Kind.REGEX) {
                throw scanner.unexpected(pattern);
            }
            current = pattern;
            advance();
            if (pattern.kind() == Kind.REGEX) {
                Pattern regex = scanner.compile(pattern, pattern.text());
                test = row -> {
                    String value = Values.string(left.eval(row));
                    return value != null && regex.matcher(value).find();
                };
            } else {
                String fragment = pattern.text();
                test = row -> {
                    String value = Values.string(left.eval(row));
                    return value != null && value.contains(fragment);
                };
            }
        } else if (accept("in")) {
            List<Expression> members = list();
            test = row -> {
                Object value = left.eval(row);
                return value != null && members.stream().anyMatch(m -> {
                    Object member = m.eval(row);
                    return member != null && Values.equal(value, member);
                });
            };
        } else if (negated) {
            throw scanner.unexpected(current);
        } else {
            String operator = current.kind() == Kind.SYMBOL ? current.text() : "";
            if (!List.of("=", "!=", "<", "<=", ">", ">=").contains(operator)) {
                return left;
            }
            advance();
            Expression right = sum();
            return row -> {
                Object a = left.eval(row);
                Object b = right.eval(row);
                if (a == null || b == null) {
                    return false;
                }
                return switch (operator) {
                    case "=" -> Values.equal(a, b);
                    case "!=" -> !Values.equal(a, b);
                    case "<" -> Values.compare(a, b) < 0;
                    case "<=" -> Values.compare(a, b) <= 0;
                    case ">" -> Values.compare(a, b) > 0;
                    default -> Values.compare(a, b) >= 0;
                };
            };
        }
        if (!negated) {
            return test;
        }
        Expression positive = test;
        return row -> left.eval(row) != null && !Values.truthy(positive.eval(row));
    }

    private List<Expression> list() {
        expect("[");
        List<Expression> members = new ArrayList<>();
        if (!current.is("]")) {
            do {
                members.add(sum());
            } while (accept(","));
        }
        expect("]");
        return members;
    }

    private Expression sum() {
        Expression left = product();
        while (current.kind() == Kind.SYMBOL && (current.is("+") || current.is("-"))) {
            String operator = current.text();
            advance();
            left = arithmetic(left, operator, product());
        }
        return left;
    }

    private Expression product() {
        Expression left = unary();
        while (current.kind() == Kind.SYMBOL && (current.is("*") || current.is("/") || current.is("%") || current.is("^"))) {
            String operator = current.text();
            advance();
            left = arithmetic(left, operator, unary());
        }
        return left;
    }

    private static Expression arithmetic(Expression left, String operator, Expression right) {
        return row -> {
            Number a = Values.number(left.eval(row));
            Number b = Values.number(right.eval(row));
            if (a == null || b == null) {
                return null;
            }
            boolean whole = a instanceof Long && b instanceof Long;
            return switch (operator) {
                case "+" -> whole ? (Object) (a.longValue() + b.longValue()) : (Object) (a.doubleValue() + b.doubleValue());
                case "-" -> whole ? (Object) (a.longValue() - b.longValue()) : (Object) (a.doubleValue() - b.doubleValue());
                case "*" -> whole ? (Object) (a.longValue() * b.longValue()) : (Object) (a.doubleValue() * b.doubleValue());
                case "%" -> b.doubleValue() == 0 ? null
                        : whole ? (Object) (a.longValue() % b.longValue()) : (Object) (a.doubleValue() % b.doubleValue());
                case "^" -> Math.pow(a.doubleValue(), b.doubleValue());
                default -> b.doubleValue() == 0 ? null : (Object) (a.doubleValue() / b.doubleValue());
            };
        };
    }

    private Expression unary() {
        if (current.kind() == Kind.SYMBOL && current.is("-")) {
            advance();
            Expression inner = unary();
            return arithmetic(Expression.constant(0L), "-", inner);
        }
        return primary();
    }

    private Expression primary() {
        Token token = current;
        switch (token.kind()) {
            case STRING -> {
                advance();
                return Expression.constant(token.text());
            }
            case NUMBER -> {
                advance();
                Object number = token.text().contains(".") || token.text().length() > 18
                        ? (Object) Double.parseDouble(token.text()) : (Object) Long.parseLong(token.text());
                return Expression.constant(number);
            }
            case DURATION -> {
                advance();
                return Expression.constant(Functions.durationMillis(token.text()));
            }
            case IDENT -> {
                if (isKeyword(token)) {
                    throw scanner.unexpected(token);
                }
                advance();
                if (current.is("(") && scanner.text().charAt(token.end()) != '`') {
                    return call(token);
                }
                return Expression.field(token.text());
            }
            case SYMBOL -> {
                if (token.is("(")) {
                    advance();
                    Expression inner = expression();
                    expect(")");
                    return inner;
                }
                throw scanner.unexpected(token);
            }
            default -> throw scanner.unexpected(token);
        }
    }

    private Expression call(Token name) {
        String function = name.text().toLowerCase();
        Functions.Definition definition = function.equals("bin") ? null : Functions.find(function);
        if (!function.equals("bin") && definition == null) {
            String message = Aggregate.find(function) != null
                    ? "Aggregation function " + name.text() + " can only be used in stats, at " + scanner.where(name.start())
                    : "Unknown function " + name.text() + " at " + scanner.where(name.start());
            throw new QuerySyntaxException(message, name.start(), name.end());
        }
        expect("(");
        List<Expression> args = new ArrayList<>();
        if (!current.is(")")) {
            do {
                args.add(expression());
            } while (accept(","));
        }
        expect(")");
        if (definition == null) {
            // bin(period) is datefloor(@timestamp, period).
            if (args.size() != 1) {
                throw arity(name, 1, 1, args.size());
            }
            Expression period = args.get(0);
            Expression time = Expression.field(Fields.TIMESTAMP);
            return row -> Functions.floorTo(time.eval(row), period.eval(row), false);
        }
        if (args.size() < definition.minArgs() || args.size() > definition.maxArgs()) {
            throw arity(name, definition.minArgs(), definition.maxArgs(), args.size());
        }
        return row -> {
            List<Object> values = new ArrayList<>(args.size());
            args.forEach(a -> values.add(a.eval(row)));
            return definition.body().apply(values);
        };
    }

    private QuerySyntaxException arity(Token name, int min, int max, int found) {
        String expected = min == max ? String.valueOf(min) : min + " to " + max;
        return new QuerySyntaxException(name.text() + " takes " + expected + " argument(s), found " + found + " at "
                + scanner.where(name.start()), name.start(), previousEnd);
    }

    private String fieldName() {
        Token token = current;
        if (token.kind() != Kind.IDENT || isKeyword(token)) {
            throw scanner.unexpected(token);
        }
        advance();
        return token.text();
    }

    private static final List<String> KEYWORDS = List.of("and", "or", "not", "like", "in", "as", "by", "asc", "desc");

    private boolean isKeyword(Token token) {
        return token.kind() == Kind.IDENT && scanner.text().charAt(token.start()) != '`'
                && KEYWORDS.contains(token.text().toLowerCase());
    }

    // ---- tokens --------------------------------------------------------------------------------------------

    private int previousEnd;

    private void advance() {
        previousEnd = current.end();
        current = scanner.tokenAt(current.end());
    }

    private boolean peekIs(String word) {
        return scanner.tokenAt(current.end()).is(word);
    }

    private boolean accept(String symbolOrWord) {
        if (current.kind() != Kind.STRING && current.is(symbolOrWord)) {
            advance();
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        if (!accept(symbol)) {
            throw scanner.unexpected(current);
        }
    }

}
