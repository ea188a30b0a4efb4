package gluelab.cloud.services.logs;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceResponse;

/**
 * The tags of log groups: TagResource, UntagResource and ListTagsForResource by ARN, and the older
 * TagLogGroup, UntagLogGroup and ListTagsLogGroup by name, which AWS still serves. A group holds at most 50 tags.
 */
public final class LogGroupTagOperations {

    private static final Pattern TAG_KEY = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$");
    private static final Pattern TAG_VALUE = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
    private static final int MAX_TAGS = 50;

    private final AccountRegionStore<LogsState> states;

    LogGroupTagOperations(AccountRegionStore<LogsState> states) {
        this.states = states;
    }

    public TagResourceResponse tagResource(RequestContext ctx, TagResourceRequest request) {
        Map<String, String> tags = request.hasTags() ? request.tags() : null;
        LogsErrors.validation().required("resourceArn", request.resourceArn())
                .required("tags", tags)
                .size("tags", tags, 1, MAX_TAGS)
                .orThrow();
        addTags(ctx, LogGroupReferences.ofResourceArn(ctx, request.resourceArn()), tags);
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(RequestContext ctx, UntagResourceRequest request) {
        LogsErrors.validation().required("resourceArn", request.resourceArn())
                .required("tagKeys", request.hasTagKeys() ? request.tagKeys() : null)
                .orThrow();
        removeTags(ctx, LogGroupReferences.ofResourceArn(ctx, request.resourceArn()), request.tagKeys());
        return UntagResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(RequestContext ctx, ListTagsForResourceRequest request) {
        LogsErrors.validation().required("resourceArn", request.resourceArn()).orThrow();
        String group = LogGroupReferences.ofResourceArn(ctx, request.resourceArn());
        return ListTagsForResourceResponse.builder().tags(states.get(ctx).group(group).tags()).build();
    }

    public TagLogGroupResponse tagLogGroup(RequestContext ctx, TagLogGroupRequest request) {
        LogsErrors.validation().satisfies(LogNames.requiredGroupName("logGroupName", request.logGroupName()))
                .required("tags", request.hasTags() ? request.tags() : null)
                .orThrow();
        addTags(ctx, request.logGroupName(), request.tags());
        return TagLogGroupResponse.builder().build();
    }

    public UntagLogGroupResponse untagLogGroup(RequestContext ctx, UntagLogGroupRequest request) {
        LogsErrors.validation().satisfies(LogNames.requiredGroupName("logGroupName", request.logGroupName()))
                .required("tags", request.hasTags() ? request.tags() : null)
                .orThrow();
        removeTags(ctx, request.logGroupName(), request.tags());
        return UntagLogGroupResponse.builder().build();
    }

    public ListTagsLogGroupResponse listTagsLogGroup(RequestContext ctx, ListTagsLogGroupRequest request) {
        LogsErrors.validation().satisfies(LogNames.requiredGroupName("logGroupName", request.logGroupName())).orThrow();
        return ListTagsLogGroupResponse.builder().tags(states.get(ctx).group(request.logGroupName()).tags()).build();
    }

    private void addTags(RequestContext ctx, String group, Map<String, String> tags) {
        checkTags(tags);
        states.get(ctx).updateGroup(group, g -> {
            Map<String, String> merged = new TreeMap<>(g.tags());
            merged.putAll(tags);
            if (merged.size() > MAX_TAGS) {
                throw LogsErrors.tooManyTags();
            }
            return g.withTags(merged);
        });
    }

    private void removeTags(RequestContext ctx, String group, List<String> keys) {
        states.get(ctx).updateGroup(group, g -> {
            Map<String, String> remaining = new TreeMap<>(g.tags());
            keys.forEach(remaining::remove);
            return g.withTags(remaining);
        });
    }

    /** The model's constraints on tags, also checked by CreateLogGroup. */
    static void checkTags(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw LogsErrors.tooManyTags();
        }
        Validation validation = LogsErrors.validation();
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            validation.length("tags.key", tag.getKey(), 1, 128)
                    .pattern("tags.key", tag.getKey(), TAG_KEY, TAG_KEY.pattern())
                    .length("tags.value", tag.getValue(), 0, 256)
                    .pattern("tags.value", tag.getValue(), TAG_VALUE, TAG_VALUE.pattern());
        }
        validation.orThrow();
    }
}
