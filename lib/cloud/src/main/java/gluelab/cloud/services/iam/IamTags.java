package gluelab.cloud.services.iam;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Tags on roles and on managed policies. They differ as AWS has them differ: a role's tag keys are unique regardless
 * of case, a policy's are not.
 */
final class IamTags {

    static final IamTags ROLES = new IamTags(true, "Duplicate tag keys found. Please note that Tag keys are case insensitive.",
            "TagsPerRole");
    static final IamTags POLICIES = new IamTags(false, "Duplicate tag keys found.", "TagsPerPolicy");

    private final boolean keysIgnoreCase;
    private final String duplicateMessage;
    private final String quotaName;

    private IamTags(boolean keysIgnoreCase, String duplicateMessage, String quotaName) {
        this.keysIgnoreCase = keysIgnoreCase;
        this.duplicateMessage = duplicateMessage;
        this.quotaName = quotaName;
    }

    private String identity(String key) {
        return keysIgnoreCase ? key.toLowerCase(Locale.ROOT) : key;
    }

    /** The tags a create call gives, refused if a key is given twice. */
    List<IamTag> given(List<Tag> tags) {
        Set<String> keys = new HashSet<>();
        List<IamTag> out = new ArrayList<>();
        for (Tag tag : tags) {
            if (!keys.add(identity(tag.key()))) {
                throw IamErrors.invalidInput(duplicateMessage);
            }
            out.add(IamTag.of(tag));
        }
        return out;
    }

    /** {@code existing} with {@code added}: a tag whose key is there already replaces it. */
    List<IamTag> tagged(List<IamTag> existing, List<Tag> added) {
        List<IamTag> out = new ArrayList<>(existing);
        for (IamTag tag : given(added)) {
            out.removeIf(t -> identity(t.key()).equals(identity(tag.key())));
            out.add(tag);
        }
        if (out.size() > IamConstraints.MAX_TAGS) {
            throw IamErrors.limitExceeded("Cannot exceed quota for " + quotaName + ": " + IamConstraints.MAX_TAGS);
        }
        return out;
    }

    List<IamTag> untagged(List<IamTag> existing, List<String> keys) {
        Set<String> removed = new HashSet<>();
        keys.forEach(k -> removed.add(identity(k)));
        return existing.stream().filter(t -> !removed.contains(identity(t.key()))).toList();
    }

    /** The tags in the order the List…Tags operations give them: by key. */
    static List<IamTag> sorted(List<IamTag> tags) {
        return tags.stream().sorted(Comparator.comparing(IamTag::key)).toList();
    }

    static List<Tag> sdk(List<IamTag> tags) {
        return tags.stream().map(IamTag::toSdk).toList();
    }
}
