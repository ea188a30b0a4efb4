package gluelab.cloud.services.glue.catalog;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Database and table names: checked against the model's constraints and folded to lower case, as Glue
 * stores them "for Hive compatibility". Lookups fold too, so {@code Sales}, {@code sales} and
 * {@code SALES} are one name.
 */
final class CatalogNames {

    /** Glue's NameString: 1 to 255 characters without control characters other than tab. */
    private static final Pattern NAME = Pattern.compile("[\\u0020-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}\\t]*");
    private static final String NAME_PATTERN_TEXT = "[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*";
    private static final int MAX_LENGTH = 255;

    private CatalogNames() {
    }

    /** The stored form of a name given in member {@code member} (e.g. {@code databaseInput.name}). */
    static String fold(String name, String member) {
        check(name, member);
        return name.toLowerCase(Locale.ROOT);
    }

    static void check(String name, String member) {
        if (name == null) {
            throw CatalogErrors.missing(member);
        }
        if (name.isEmpty()) {
            throw CatalogErrors.validation("Value '' at '" + member
                    + "' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        if (name.length() > MAX_LENGTH) {
            throw CatalogErrors.validation("Value '" + name + "' at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + MAX_LENGTH);
        }
        if (!NAME.matcher(name).matches()) {
            throw CatalogErrors.validation("Value '" + name + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + NAME_PATTERN_TEXT);
        }
    }
}
