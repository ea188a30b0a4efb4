package gluelab.cloud.services.s3;

import gluelab.cloud.services.s3.storage.ObjectRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;

/**
 * One page of ListObjectVersions: the versions of the keys under a prefix, each key's newest first, with keys that
 * share the part up to the next delimiter rolled up into one common prefix. A version and a common prefix each count
 * as one entry toward the page size. The page resumes after a key marker, or after one version of the marker's key.
 *
 * @param nextKey       the key (or common prefix) of the page's last entry
 * @param nextVersionId the id of the page's last version, as S3 writes it; null where the page ends on a prefix
 */
record VersionListing(List<Entry> versions, List<String> commonPrefixes, boolean truncated, String nextKey,
                      String nextVersionId) {

    /** A version, and whether it is its key's latest. */
    record Entry(ObjectRecord version, boolean latest) {
    }

    /**
     * @param latest     the latest version of every key, in listing order
     * @param versionsOf a key's versions, newest first
     */
    static VersionListing of(NavigableMap<String, ObjectRecord> latest, Function<String, List<ObjectRecord>> versionsOf,
                             String prefix, String delimiter, String keyMarker, String versionIdMarker, int max) {
        String from = prefix == null ? "" : prefix;
        boolean hasDelimiter = delimiter != null && !delimiter.isEmpty();
        NavigableMap<String, ObjectRecord> tail = latest.tailMap(from, true);
        if (keyMarker != null && latest.comparator().compare(keyMarker, from) >= 0) {
            tail = latest.tailMap(keyMarker, versionIdMarker != null);
        }
        List<Entry> versions = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String nextKey = null;
        String nextVersionId = null;
        for (Map.Entry<String, ObjectRecord> entry : tail.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(from)) {
                break;
            }
            if (hasDelimiter) {
                int at = key.indexOf(delimiter, from.length());
                if (at >= 0) {
                    String common = key.substring(0, at + delimiter.length());
                    if (common.equals(nextKey)
                            || (keyMarker != null && latest.comparator().compare(common, keyMarker) <= 0)) {
                        continue;
                    }
                    if (versions.size() + prefixes.size() >= max) {
                        return new VersionListing(versions, prefixes, true, nextKey, nextVersionId);
                    }
                    prefixes.add(common);
                    nextKey = common;
                    nextVersionId = null;
                    continue;
                }
            }
            List<ObjectRecord> all = versionsOf.apply(key);
            boolean skipping = versionIdMarker != null && key.equals(keyMarker);
            for (int i = 0; i < all.size(); i++) {
                ObjectRecord version = all.get(i);
                if (skipping) {
                    skipping = !ObjectVersions.wire(version).equals(versionIdMarker);
                    continue;
                }
                if (versions.size() + prefixes.size() >= max) {
                    return new VersionListing(versions, prefixes, true, nextKey, nextVersionId);
                }
                versions.add(new Entry(version, i == 0));
                nextKey = key;
                nextVersionId = ObjectVersions.wire(version);
            }
        }
        return new VersionListing(versions, prefixes, false, nextKey, nextVersionId);
    }
}
