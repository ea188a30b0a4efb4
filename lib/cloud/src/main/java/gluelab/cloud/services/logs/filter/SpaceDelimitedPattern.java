package gluelab.cloud.services.logs.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A pattern over space-delimited events, the text between {@code [} and {@code ]}: one named column per
 * field, {@code ...} for any number of fields, and conditions on a column joined by {@code &&} and
 * {@code ||}: {@code [ip, user, ..., status = 4* || status = 5*, bytes > 1000]}.
 *
 * <p>An event splits at runs of spaces, except that text inside {@code "…"} or {@code […]} is one field
 * (without its quotes or brackets), as in an Apache access log. Without {@code ...} the event must have
 * exactly as many fields as there are columns.
 */
final class SpaceDelimitedPattern implements Predicate<String> {

    /** A column's conditions: any of the groups, each needing all its conditions. Empty means any value. */
    private record Column(String name, boolean ellipsis, List<List<ValueCondition>> anyOf) {
        boolean matches(String field) {
            if (anyOf.isEmpty()) {
                return true;
            }
            java.math.BigDecimal number = ValueCondition.numberOrNull(field);
            for (List<ValueCondition> all : anyOf) {
                if (all.stream().allMatch(c -> c.test(field, number))) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<Column> columns;
    private final int ellipsisIndex;

    private SpaceDelimitedPattern(List<Column> columns, int ellipsisIndex) {
        this.columns = columns;
        this.ellipsisIndex = ellipsisIndex;
    }

    static SpaceDelimitedPattern parse(String body) {
        List<String> parts = splitColumns(body);
        List<Column> columns = new ArrayList<>();
        int ellipsis = -1;
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i).strip();
            if (part.isEmpty()) {
                if (i == parts.size() - 1 && i > 0) {
                    continue; // a trailing comma, as in AWS's own example [..., status_code=4*,]
                }
                throw new InvalidFilterPatternException("empty column in '[" + body + "]'");
            }
            if (part.equals("...")) {
                if (ellipsis >= 0) {
                    throw new InvalidFilterPatternException("more than one '...' in '[" + body + "]'");
                }
                ellipsis = columns.size();
                columns.add(new Column("...", true, List.of()));
                continue;
            }
            columns.add(parseColumn(part));
        }
        if (columns.isEmpty()) {
            throw new InvalidFilterPatternException("no columns in '[" + body + "]'");
        }
        return new SpaceDelimitedPattern(columns, ellipsis);
    }

    private static Column parseColumn(String text) {
        PatternScanner in = new PatternScanner(text);
        String name = readName(in);
        List<List<ValueCondition>> anyOf = new ArrayList<>();
        if (!in.atEnd()) {
            List<ValueCondition> all = new ArrayList<>();
            all.add(ValueCondition.read(in, SpaceDelimitedPattern::isBareValueCharacter));
            while (!in.atEnd()) {
                boolean or = in.consume("||");
                if (!or && !in.consume("&&")) {
                    throw in.error("expected && or ||");
                }
                if (or) {
                    anyOf.add(all);
                    all = new ArrayList<>();
                }
                String again = readName(in);
                if (!again.equals(name)) {
                    throw in.error("a condition in column '" + name + "' names another column '" + again + "'");
                }
                all.add(ValueCondition.read(in, SpaceDelimitedPattern::isBareValueCharacter));
            }
            anyOf.add(all);
        }
        return new Column(name, false, anyOf);
    }

    private static String readName(PatternScanner in) {
        String name = in.run(c -> PatternScanner.isWordCharacter(c) || c == '-' || c == '$');
        if (name.isEmpty()) {
            throw in.error("expected a column name");
        }
        return name;
    }

    private static boolean isBareValueCharacter(int c) {
        return !Character.isWhitespace(c) && c != '&' && c != '|' && c != '"';
    }

    /** Splits at commas that are outside quotes and %regex%. */
    private static List<String> splitColumns(String body) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"' && i + 1 < body.length()) {
                    current.append(c).append(body.charAt(++i));
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '%') {
                quote = c;
            } else if (c == ',') {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        if (quote != 0) {
            throw new InvalidFilterPatternException("unterminated " + quote + " in '[" + body + "]'");
        }
        parts.add(current.toString());
        return parts;
    }

    /** The fields of an event: split at spaces, with "quoted" and [bracketed] text kept whole. */
    static List<String> fields(String message) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = message.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(message.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            char open = message.charAt(i);
            char close = open == '"' ? '"' : open == '[' ? ']' : 0;
            if (close != 0) {
                int end = message.indexOf(close, i + 1);
                if (end > 0) {
                    fields.add(message.substring(i + 1, end));
                    i = end + 1;
                    continue;
                }
            }
            int start = i;
            while (i < n && !Character.isWhitespace(message.charAt(i))) {
                i++;
            }
            fields.add(message.substring(start, i));
        }
        return fields;
    }

    @Override
    public boolean test(String message) {
        List<String> fields = fields(message);
        if (ellipsisIndex < 0) {
            if (fields.size() != columns.size()) {
                return false;
            }
            for (int i = 0; i < columns.size(); i++) {
                if (!columns.get(i).matches(fields.get(i))) {
                    return false;
                }
            }
            return true;
        }
        int after = columns.size() - ellipsisIndex - 1;
        if (fields.size() < ellipsisIndex + after) {
            return false;
        }
        for (int i = 0; i < ellipsisIndex; i++) {
            if (!columns.get(i).matches(fields.get(i))) {
                return false;
            }
        }
        for (int i = 0; i < after; i++) {
            Column column = columns.get(columns.size() - 1 - i);
            if (!column.matches(fields.get(fields.size() - 1 - i))) {
                return false;
            }
        }
        return true;
    }
}
