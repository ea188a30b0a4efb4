package gluelab.cloud.services.glue.catalog;

import gluelab.cloud.services.glue.GlueErrors;
import java.util.Locale;

/**
 * Database and table names: checked against the model's constraints and folded to lower case, as Glue
 * stores them "for Hive compatibility". Lookups fold too, so {@code Sales}, {@code sales} and
 * {@code SALES} are one name.
 */
final class CatalogNames {

    private CatalogNames() {
    }

    /** The stored form of a name given in member {@code member} (e.g. {@code databaseInput.name}). */
    static String fold(String name, String member) {
        return GlueErrors.name(name, member).toLowerCase(Locale.ROOT);
    }
}
