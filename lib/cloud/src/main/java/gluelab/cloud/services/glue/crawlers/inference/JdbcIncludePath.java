package gluelab.cloud.services.glue.crawlers.inference;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A JDBC target's {@code Path}: {@code database/schema/table}, where schema and table are SQL LIKE patterns
 * ({@code %} any run of characters, {@code _} one character), as in {@code sales/public/%} (every table of a
 * schema) or {@code sales/public/orders} (one table); {@code database/%} is every table of every schema. The
 * database is the one the connection's URL names. Exclusions are globs ({@link S3Glob}) matched against a table's
 * path relative to the include path ({@code orders_*} under {@code sales/public/%}, {@code staging/**} under
 * {@code sales/%}) or against its whole path ({@code sales/public/orders_*}).
 */
public record JdbcIncludePath(String path, String database, String schemaPattern, String tablePattern,
                              boolean schemaGiven, List<S3Glob> exclusions) {

    /**
     * @throws IllegalArgumentException when the path is not {@code database/schema/table} or {@code database/table},
     *         or an exclusion is not a valid glob
     */
    public static JdbcIncludePath parse(String path, List<String> exclusions) {
        String[] segments = path == null ? new String[0] : path.split("/", -1);
        if (segments.length < 2 || segments.length > 3 || List.of(segments).stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("JDBC target path " + path + " is not valid: it must be "
                    + "database/schema/table or database/table, where schema and table may use % (e.g. sales/public/%).");
        }
        List<S3Glob> globs = exclusions.stream().map(S3Glob::compile).toList();
        return segments.length == 3
                ? new JdbcIncludePath(path, segments[0], segments[1], segments[2], true, globs)
                : new JdbcIncludePath(path, segments[0], "%", segments[1], false, globs);
    }

    /** Whether the crawl reads this table: it matches the path and no exclusion. */
    public boolean includes(String schema, String table) {
        return like(schemaPattern, schema) && like(tablePattern, table) && !excludes(schema, table);
    }

    private boolean excludes(String schema, String table) {
        String relative = schemaGiven ? table : schema + "/" + table;
        String whole = database + "/" + schema + "/" + table;
        return exclusions.stream().anyMatch(glob -> glob.matches(relative) || glob.matches(whole));
    }

    private static boolean like(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return value.matches(regex.toString());
    }
}
