package gluelab.cloud.services.s3;

import gluelab.cloud.http.QueryString;
import gluelab.cloud.provider.AwsServiceException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * S3's tag sets, of objects (at most 10 tags) and buckets (at most 50): from a {@code Tagging} document or an upload's
 * {@code x-amz-tagging} header ({@code k1=v1&k2=v2}, URL-encoded), checked with S3's rules and words.
 */
final class TagSets {

    static final int MAX_OBJECT_TAGS = 10;
    static final int MAX_BUCKET_TAGS = 50;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private TagSets() {
    }

    /** The tags an upload's {@code x-amz-tagging} header gives, or none. */
    static Map<String, String> fromHeader(String header) {
        if (header == null || header.isEmpty()) {
            return Map.of();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : header.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = QueryString.decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : QueryString.decode(pair.substring(eq + 1), true);
            if (tags.put(key, value) != null) {
                throw S3Errors.invalidTag("Cannot provide multiple Tags with the same key");
            }
        }
        return checked(tags, MAX_OBJECT_TAGS, "Object tags cannot be greater than 10");
    }

    /** The tags of a Tagging document's TagSet. */
    static Map<String, String> of(List<Tag> tagSet, boolean bucket) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag tag : tagSet) {
            if (tag.key() == null) {
                throw S3Errors.malformedXml();
            }
            if (tags.put(tag.key(), tag.value() == null ? "" : tag.value()) != null) {
                throw S3Errors.invalidTag("Cannot provide multiple Tags with the same key");
            }
        }
        return bucket ? checked(tags, MAX_BUCKET_TAGS, "Bucket tag count cannot be greater than 50")
                : checked(tags, MAX_OBJECT_TAGS, "Object tags cannot be greater than 10");
    }

    private static Map<String, String> checked(Map<String, String> tags, int max, String tooMany) {
        if (tags.size() > max) {
            // S3 answers a tag set over its limit as BadRequest, not InvalidTag.
            throw new AwsServiceException("BadRequest", tooMany, 400);
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            if (key.isEmpty() || !ALLOWED.matcher(key).matches()) {
                throw S3Errors.invalidTag("The TagKey you have provided is invalid");
            }
            if (key.codePointCount(0, key.length()) > 128) {
                throw S3Errors.invalidTag("The TagKey you have provided is too long, max 128");
            }
            if (key.startsWith("aws:")) {
                throw S3Errors.invalidTag("Your TagKey cannot be prefixed with aws:");
            }
            String value = tag.getValue();
            if (!ALLOWED.matcher(value).matches()) {
                throw S3Errors.invalidTag("The TagValue you have provided is invalid");
            }
            if (value.codePointCount(0, value.length()) > 256) {
                throw S3Errors.invalidTag("The TagValue you have provided is too long, max 256");
            }
        }
        return tags;
    }

    static List<Tag> toTags(Map<String, String> tags) {
        return tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
    }
}
