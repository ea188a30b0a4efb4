package gluelab.cloud.services.iam;

import software.amazon.awssdk.services.iam.model.Tag;

/** A tag on a role or a policy, as IAM keeps it. */
record IamTag(String key, String value) {

    static IamTag of(Tag tag) {
        return new IamTag(tag.key(), tag.value());
    }

    Tag toSdk() {
        return Tag.builder().key(key).value(value).build();
    }
}
