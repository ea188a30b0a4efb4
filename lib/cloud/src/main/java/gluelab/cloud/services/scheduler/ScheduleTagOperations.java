package gluelab.cloud.services.scheduler;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.scheduler.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.scheduler.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.scheduler.model.Tag;
import software.amazon.awssdk.services.scheduler.model.TagResourceRequest;
import software.amazon.awssdk.services.scheduler.model.TagResourceResponse;
import software.amazon.awssdk.services.scheduler.model.UntagResourceRequest;
import software.amazon.awssdk.services.scheduler.model.UntagResourceResponse;

/**
 * The tags of schedule groups, by ARN: TagResource, UntagResource and ListTagsForResource. Schedules themselves take
 * no tags on AWS; their ARNs fail the model's pattern. A group holds at most 200 tags.
 */
public final class ScheduleTagOperations {

    private static final String GROUP_ARN = "^arn:aws(-[a-z]+)?:scheduler:[a-z0-9\\-]+:\\d{12}:schedule-group\\/[0-9a-zA-Z-_.]+$";
    private static final int MAX_TAGS = 200;

    private final AccountRegionStore<SchedulerState> states;

    ScheduleTagOperations(AccountRegionStore<SchedulerState> states) {
        this.states = states;
    }

    public TagResourceResponse tagResource(RequestContext context, TagResourceRequest request) {
        List<Tag> tags = request.hasTags() ? request.tags() : null;
        checkArn(request.resourceArn()).required("tags", tags).size("tags", tags, 0, MAX_TAGS).orThrow();
        Map<String, String> added = tagMap(tags);
        change(context, request.resourceArn(), current -> {
            Map<String, String> merged = new TreeMap<>(current);
            merged.putAll(added);
            if (merged.size() > MAX_TAGS) {
                throw SchedulerErrors.validation("A schedule group can have at most " + MAX_TAGS + " tags.");
            }
            return merged;
        });
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(RequestContext context, UntagResourceRequest request) {
        List<String> keys = request.hasTagKeys() ? request.tagKeys() : null;
        checkArn(request.resourceArn()).required("tagKeys", keys).size("tagKeys", keys, 0, MAX_TAGS).orThrow();
        change(context, request.resourceArn(), current -> {
            Map<String, String> remaining = new TreeMap<>(current);
            keys.forEach(remaining::remove);
            return remaining;
        });
        return UntagResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(RequestContext context, ListTagsForResourceRequest request) {
        checkArn(request.resourceArn()).orThrow();
        ScheduleGroupRecord group = states.get(context).requireGroup(groupName(context, request.resourceArn()));
        return ListTagsForResourceResponse.builder().tags(group.tags().entrySet().stream()
                .map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build()).toList()).build();
    }

    /** The tags of a request, checked against the model: keys of 1 to 128 characters, values of 1 to 256. */
    static Map<String, String> tagMap(List<Tag> tags) {
        Validation check = SchedulerErrors.constraints();
        Map<String, String> map = new TreeMap<>();
        for (Tag tag : tags) {
            check.required("tags.member.key", tag.key()).length("tags.member.key", tag.key(), 1, 128)
                    .required("tags.member.value", tag.value()).length("tags.member.value", tag.value(), 1, 256);
            if (tag.key() != null) {
                map.put(tag.key(), tag.value());
            }
        }
        check.orThrow();
        return map;
    }

    private void change(RequestContext context, String resourceArn,
                        UnaryOperator<Map<String, String>> change) {
        SchedulerState state = states.get(context);
        String name = groupName(context, resourceArn);
        synchronized (state) {
            ScheduleGroupRecord group = state.requireGroup(name);
            state.groups.put(name, group.withTags(change.apply(group.tags()), context.now()));
        }
    }

    /** The group an ARN names, which must be in the caller's account and region. */
    private static String groupName(RequestContext context, String resourceArn) {
        Arn arn = Arn.parse(resourceArn).orElseThrow();
        if (!arn.isIn(context.scope())) {
            throw SchedulerErrors.groupNotFound(arn.resourceId());
        }
        return arn.resourceId();
    }

    private static Validation checkArn(String resourceArn) {
        return SchedulerErrors.constraints()
                .required("resourceArn", resourceArn)
                .length("resourceArn", resourceArn, 1, 1011)
                .pattern("resourceArn", resourceArn, GROUP_ARN);
    }
}
