package gluelab.cloud.services.glue.crawlers.inference;

import java.util.List;

/**
 * A target's exclusion globs: a key is excluded when a glob matches its path relative to the include
 * path, or the path of one of its folders (so {@code 2024} or {@code _tmp/**} exclude whole folders).
 */
final class S3ObjectFilter {

    private final List<S3Glob> exclusions;

    S3ObjectFilter(List<String> exclusions) {
        this.exclusions = exclusions.stream().map(S3Glob::compile).toList();
    }

    boolean excludes(String relativeKey) {
        if (exclusions.isEmpty()) {
            return false;
        }
        for (S3Glob glob : exclusions) {
            if (glob.matches(relativeKey)) {
                return true;
            }
            for (int slash = relativeKey.indexOf('/'); slash >= 0; slash = relativeKey.indexOf('/', slash + 1)) {
                if (glob.matches(relativeKey.substring(0, slash))) {
                    return true;
                }
            }
        }
        return false;
    }
}
