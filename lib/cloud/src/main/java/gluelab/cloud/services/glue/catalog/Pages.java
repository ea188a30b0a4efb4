package gluelab.cloud.services.glue.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * NextToken/MaxResults paging over entries in key order. The token is the opaque key of the last entry
 * returned, so a page that follows inserts or deletes neither repeats nor skips what was already there.
 */
final class Pages {

    private static final String TOKEN_PREFIX = "lab1:";

    private Pages() {
    }

    record Page<V>(List<V> items, String nextToken) {
    }

    /** The limits of one operation's MaxResults member, as the Glue model declares them. */
    record Limits(String member, int defaultSize, int maxSize) {
    }

    /**
     * @param entries    every candidate entry, already in {@code order} of its key
     * @param nextToken  the request's NextToken, or null for the first page
     * @param maxResults the request's MaxResults, or null for the default
     */
    static <V> Page<V> page(List<Map.Entry<String, V>> entries, Comparator<String> order, String nextToken,
                            Integer maxResults, Limits limits) {
        int size = pageSize(maxResults, limits);
        String after = nextToken == null || nextToken.isEmpty() ? null : decode(nextToken);
        List<V> items = new ArrayList<>();
        String lastKey = null;
        boolean more = false;
        for (Map.Entry<String, V> entry : entries) {
            if (after != null && order.compare(entry.getKey(), after) <= 0) {
                continue;
            }
            if (items.size() == size) {
                more = true;
                break;
            }
            items.add(entry.getValue());
            lastKey = entry.getKey();
        }
        return new Page<>(items, more ? encode(lastKey) : null);
    }

    private static int pageSize(Integer maxResults, Limits limits) {
        if (maxResults == null) {
            return limits.defaultSize();
        }
        if (maxResults < 1) {
            throw CatalogErrors.validation("Value '" + maxResults + "' at '" + limits.member()
                    + "' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        if (maxResults > limits.maxSize()) {
            throw CatalogErrors.validation("Value '" + maxResults + "' at '" + limits.member()
                    + "' failed to satisfy constraint: Member must have value less than or equal to " + limits.maxSize());
        }
        return maxResults;
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((TOKEN_PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(TOKEN_PREFIX)) {
                return text.substring(TOKEN_PREFIX.length());
            }
        } catch (IllegalArgumentException notBase64) {
            // Answered below, like any other token this catalog did not hand out.
        }
        throw CatalogErrors.invalidInput("Invalid NextToken: " + token);
    }
}
