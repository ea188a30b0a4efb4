package gluelab.cloud.provider;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Paging with AWS's {@code MaxResults}/{@code NextToken}, for every service. Items are listed in the order of a
 * sort key, and the token is the last key returned, so a page stays correct when items are added or removed
 * between calls: nothing already listed repeats, nothing that stayed is skipped. Each service says how it words a
 * token it did not hand out, and which error code its page-size constraint uses.
 *
 * <pre>{@code
 * static final Pages PAGES = new Pages("ValidationException", token -> invalidInput("Invalid NextToken: " + token));
 * Pages.Page<Job> page = PAGES.page(jobs, Job::name, request.nextToken(), request.maxResults(), GET_JOBS);
 * }</pre>
 */
public final class Pages {

    private static final String TOKEN_PREFIX = "lab1:";

    /** One page and the token for the next one (null on the last page). */
    public record Page<T>(List<T> items, String nextToken) {
    }

    /** The limits of one operation's page-size member, as the AWS model declares them. */
    public record Limits(String member, int defaultSize, int maxSize) {
    }

    private final Supplier<Validation> validation;
    private final Function<String, AwsServiceException> invalidToken;

    /**
     * @param validationCode the error code of a page size out of range ({@code ValidationException},
     *                       {@code InvalidParameterException})
     * @param invalidToken   the error for a token this Lab Cloud did not hand out
     */
    public Pages(String validationCode, Function<String, AwsServiceException> invalidToken) {
        this(() -> Validation.of(validationCode), invalidToken);
    }

    /**
     * For a service whose constraint errors are worded its own way, e.g. IAM's {@link Validation#withoutValues}.
     * IAM's {@code Marker}/{@code MaxItems}/{@code IsTruncated} paging is this one: the marker is the token.
     */
    public Pages(Supplier<Validation> validation, Function<String, AwsServiceException> invalidToken) {
        this.validation = validation;
        this.invalidToken = invalidToken;
    }

    /**
     * @param sorted     every item, in listing order
     * @param sortKey    a key that increases along {@code sorted} in the order {@code keyOrder}
     * @param nextToken  the request's token, or null for the first page
     * @param maxResults the page size asked for, or null for the default
     */
    public <T> Page<T> page(List<T> sorted, Function<T, String> sortKey, Comparator<String> keyOrder,
                            String nextToken, Integer maxResults, Limits limits) {
        int size = pageSize(maxResults, limits);
        String after = nextToken == null || nextToken.isEmpty() ? null : decode(nextToken);
        List<T> items = new ArrayList<>();
        String lastKey = null;
        boolean more = false;
        for (T item : sorted) {
            String key = sortKey.apply(item);
            if (after != null && keyOrder.compare(key, after) <= 0) {
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

    /** As above, for keys in their natural order. */
    public <T> Page<T> page(List<T> sorted, Function<T, String> sortKey, String nextToken, Integer maxResults,
                            Limits limits) {
        return page(sorted, sortKey, Comparator.naturalOrder(), nextToken, maxResults, limits);
    }

    private int pageSize(Integer maxResults, Limits limits) {
        if (maxResults == null) {
            return limits.defaultSize();
        }
        validation.get().range(limits.member(), maxResults, 1, limits.maxSize()).orThrow();
        return maxResults;
    }

    /** The token that resumes a listing after {@code key}: for services that page by hand. */
    public String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((TOKEN_PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The key inside a token, or the service's error for a token it did not hand out. */
    public String decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(TOKEN_PREFIX)) {
                return text.substring(TOKEN_PREFIX.length());
            }
        } catch (IllegalArgumentException notBase64) {
            // Answered below, like any other token this Lab Cloud did not hand out.
        }
        throw invalidToken.apply(token);
    }
}
