package gluelab.cloud.services.secretsmanager;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.model.Tag;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceResponse;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceResponse;

/** A secret's tags: TagResource and UntagResource (DescribeSecret and ListSecrets show them), at most 50. */
public final class SecretTagOperations {

    private static final int MAX_TAGS = 50;

    private final AccountRegionStore<SecretsManagerState> states;

    SecretTagOperations(AccountRegionStore<SecretsManagerState> states) {
        this.states = states;
    }

    public TagResourceResponse tagResource(RequestContext context, TagResourceRequest request) {
        Validation.of("InvalidParameterException").required("secretId", request.secretId())
                .required("tags", request.hasTags() ? request.tags() : null).orThrow();
        long now = context.now().toEpochMilli();
        SecretsManagerState state = states.get(context);
        synchronized (state) {
            SecretRecord secret = state.requireLive(request.secretId(), now);
            state.put(secret.withTags(checked(new LinkedHashMap<>(secret.tags()), request.tags()), now));
        }
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(RequestContext context, UntagResourceRequest request) {
        Validation.of("InvalidParameterException").required("secretId", request.secretId())
                .required("tagKeys", request.hasTagKeys() ? request.tagKeys() : null).orThrow();
        long now = context.now().toEpochMilli();
        SecretsManagerState state = states.get(context);
        synchronized (state) {
            SecretRecord secret = state.requireLive(request.secretId(), now);
            Map<String, String> tags = new LinkedHashMap<>(secret.tags());
            request.tagKeys().forEach(tags::remove);
            state.put(secret.withTags(tags, now));
        }
        return UntagResourceResponse.builder().build();
    }

    /** {@code tags} with {@code added} put in, checked as AWS checks tags. */
    static Map<String, String> checked(Map<String, String> tags, Collection<Tag> added) {
        Validation check = Validation.of("InvalidParameterException");
        for (Tag tag : added) {
            check.required("tags.member.key", tag.key()).length("tags.member.key", tag.key(), 1, 128)
                    .length("tags.member.value", tag.value(), 0, 256);
        }
        check.orThrow();
        added.forEach(tag -> tags.put(tag.key(), tag.value() == null ? "" : tag.value()));
        if (tags.size() > MAX_TAGS) {
            throw SecretsManagerErrors.invalidParameter("Number of tags exceeds the limit of " + MAX_TAGS + ".");
        }
        return tags;
    }
}
