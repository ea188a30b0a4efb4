package gluelab.cloud.services.logs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code nextToken} of the Describe operations and FilterLogEvents: the sort key of the last
 * item returned, so a page picks up after it even when items were added or removed in between.
 */
final class PageTokens {

    private PageTokens() {
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key inside a token, or InvalidParameterException for a token Lab Cloud did not issue. */
    static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw LogsErrors.invalidNextToken();
        }
    }
}
