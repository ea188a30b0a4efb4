package gluelab.cloud.services.glue.jobs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Paging with Glue's {@code MaxResults}/{@code NextToken}. Items are listed in the order of a sort key;
 * the token is the last key returned, so a page stays correct when items are added or removed between
 * calls. A token Lab Cloud did not hand out is an {@code InvalidInputException}.
 */
public final class Pages {

    private static final String PREFIX = "glue-lab:";

    /** One page and the token for the next one (null on the last page). */
    public record Page<T>(List<T> items, String nextToken) {
    }

    private Pages() {
    }

    /**
     * @param sorted    every item, in listing order
     * @param sortKey   a key that increases along {@code sorted}
     * @param maxResults the page size asked for, or null
     * @param defaultSize the page size when none is asked for
     * @param maxSize   the largest page size the model allows
     */
    public static <T> Page<T> page(List<T> sorted, Function<T, String> sortKey, String nextToken, Integer maxResults,
                            int defaultSize, int maxSize) {
        int size = maxResults == null ? defaultSize : GlueErrors.range(maxResults, "maxResults", 1, maxSize);
        String after = nextToken == null || nextToken.isEmpty() ? null : decode(nextToken);
        List<T> items = new ArrayList<>();
        String lastKey = null;
        boolean more = false;
        for (T item : sorted) {
            String key = sortKey.apply(item);
            if (after != null && key.compareTo(after) <= 0) {
                continue;
            }
            if (items.size() == size) {
                more = true;
                break;
            }
            items.add(item);
            lastKey = key;
        }
        return new Page<>(items, more ? encode(lastKey) : null);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                return text.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException ignored) {
            // Falls through to the error below.
        }
        throw GlueErrors.invalidInput("Invalid pagination token: " + token);
    }
}
