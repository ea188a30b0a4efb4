package gluelab.cloud.services.iam;

import gluelab.cloud.provider.Validation;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The IAM model's constraints on request members, reported as IAM reports them: one {@code ValidationError} that
 * lists every violation without quoting the value ({@code Value at 'roleName' failed to satisfy constraint: …}).
 * Patterns are quoted as the model writes them.
 */
final class IamConstraints {

    private static final String NAME = "[\\w+=,.@-]+";
    private static final String PATH = "(\\u002F)|(\\u002F[\\u0021-\\u007F]+\\u002F)";
    private static final String POLICY_PATH = "((/[A-Za-z0-9\\.,\\+@=_-]+)*)/";
    private static final String PATH_PREFIX = "\\u002F[\\u0021-\\u007F]*";
    private static final String DOCUMENT = "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+";
    private static final String ROLE_DESCRIPTION = "[\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]*";
    private static final String TAG_KEY = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+";
    private static final String TAG_VALUE = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";
    private static final String VERSION_ID = "v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?";
    private static final String MARKER = "[\\u0020-\\u00FF]+";
    private static final Pattern TAG_KEY_PATTERN = Pattern.compile(TAG_KEY);
    static final int MAX_TAGS = 50;

    private final Validation validation = Validation.withoutValues(IamErrors.VALIDATION);

    private IamConstraints() {
    }

    static IamConstraints check() {
        return new IamConstraints();
    }

    /** The Validation IAM's list operations page with: {@code maxItems} out of range, worded as IAM words it. */
    static Validation paging() {
        return Validation.withoutValues(IamErrors.VALIDATION);
    }

    IamConstraints required(String member, Object value) {
        validation.required(member, value);
        return this;
    }

    IamConstraints roleName(String value) {
        validation.required("roleName", value).length("roleName", value, 1, 64).pattern("roleName", value, NAME);
        return this;
    }

    IamConstraints policyName(String value) {
        validation.required("policyName", value).length("policyName", value, 1, 128).pattern("policyName", value, NAME);
        return this;
    }

    /** A role's path (optional): {@code /} or {@code /…/}. */
    IamConstraints path(String value) {
        validation.length("path", value, 1, 512).pattern("path", value, PATH);
        return this;
    }

    /** A managed policy's path, or a ListPolicies prefix (optional). */
    IamConstraints policyPath(String member, String value) {
        validation.length(member, value, 1, 512).pattern(member, value, POLICY_PATH);
        return this;
    }

    IamConstraints pathPrefix(String value) {
        validation.length("pathPrefix", value, 1, 512).pattern("pathPrefix", value, PATH_PREFIX);
        return this;
    }

    IamConstraints document(String member, String value) {
        validation.required(member, value).length(member, value, 1, 131_072).pattern(member, value, DOCUMENT);
        return this;
    }

    IamConstraints roleDescription(String value) {
        validation.length("description", value, 0, 1000).pattern("description", value, ROLE_DESCRIPTION);
        return this;
    }

    IamConstraints policyDescription(String value) {
        validation.length("description", value, 0, 1000);
        return this;
    }

    IamConstraints maxSessionDuration(Integer value) {
        validation.range("maxSessionDuration", value, 3600, 43_200);
        return this;
    }

    IamConstraints arn(String member, String value) {
        validation.required(member, value).length(member, value, 20, 2048);
        return this;
    }

    IamConstraints versionId(String value) {
        validation.required("versionId", value).pattern("versionId", value, VERSION_ID);
        return this;
    }

    IamConstraints marker(String value) {
        validation.length("marker", value, 1, 320).pattern("marker", value, MARKER);
        return this;
    }

    /** The tags of a create or tag call, each checked where IAM names it ({@code tags.1.member.key}). */
    IamConstraints tags(List<Tag> tags, boolean required) {
        if (required) {
            validation.required("tags", tags);
        }
        if (tags == null) {
            return this;
        }
        validation.size("tags", tags, required ? 1 : 0, MAX_TAGS);
        for (int i = 0; i < tags.size(); i++) {
            String member = "tags." + (i + 1) + ".member.";
            Tag tag = tags.get(i);
            validation.required(member + "key", tag.key()).length(member + "key", tag.key(), 1, 128)
                    .pattern(member + "key", tag.key(), TAG_KEY)
                    .required(member + "value", tag.value()).length(member + "value", tag.value(), 0, 256)
                    .pattern(member + "value", tag.value(), TAG_VALUE);
        }
        return this;
    }

    /** UntagRole's and UntagPolicy's keys: IAM reports any bad key as one constraint on the whole list. */
    IamConstraints tagKeys(List<String> keys) {
        validation.required("tagKeys", keys);
        if (keys == null) {
            return this;
        }
        validation.size("tagKeys", keys, 0, MAX_TAGS);
        boolean valid = keys.stream().allMatch(k -> k != null && !k.isEmpty() && k.length() <= 128
                && TAG_KEY_PATTERN.matcher(k).matches());
        validation.constraint("tagKeys", keys, valid, "Member must satisfy constraint: [Member must have length less "
                + "than or equal to 128, Member must have length greater than or equal to 1, Member must satisfy "
                + "regular expression pattern: " + TAG_KEY + ", Member must not be null]");
        return this;
    }

    void orThrow() {
        validation.orThrow();
    }
}
