package gluelab.cloud.services.events;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.eventbridge.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.eventbridge.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.TagResourceRequest;
import software.amazon.awssdk.services.eventbridge.model.TagResourceResponse;
import software.amazon.awssdk.services.eventbridge.model.UntagResourceRequest;
import software.amazon.awssdk.services.eventbridge.model.UntagResourceResponse;

/** Tags of buses and rules, by ARN: TagResource, UntagResource and ListTagsForResource (at most 50 a resource). */
public final class TagOperations {

    private static final int MAX_TAGS = 50;

    private final AccountRegionStore<EventsState> states;

    TagOperations(AccountRegionStore<EventsState> states) {
        this.states = states;
    }

    public TagResourceResponse tagResource(RequestContext context, TagResourceRequest request) {
        EventsErrors.validation().required("resourceARN", request.resourceARN())
                .length("resourceARN", request.resourceARN(), 1, 1600)
                .required("tags", request.hasTags() ? request.tags() : null).orThrow();
        EventsState state = existing(context, request.resourceARN());
        Map<String, String> tags = new TreeMap<>(state.tags(request.resourceARN()));
        tags.putAll(tagsOf(request.tags()));
        if (tags.size() > MAX_TAGS) {
            throw EventsErrors.limitExceeded();
        }
        state.setTags(request.resourceARN(), tags);
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(RequestContext context, UntagResourceRequest request) {
        EventsErrors.validation().required("resourceARN", request.resourceARN())
                .length("resourceARN", request.resourceARN(), 1, 1600)
                .required("tagKeys", request.hasTagKeys() ? request.tagKeys() : null).orThrow();
        EventsState state = existing(context, request.resourceARN());
        Map<String, String> tags = new TreeMap<>(state.tags(request.resourceARN()));
        request.tagKeys().forEach(tags::remove);
        state.setTags(request.resourceARN(), tags);
        return UntagResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(RequestContext context, ListTagsForResourceRequest request) {
        EventsErrors.validation().required("resourceARN", request.resourceARN())
                .length("resourceARN", request.resourceARN(), 1, 1600).orThrow();
        EventsState state = existing(context, request.resourceARN());
        return ListTagsForResourceResponse.builder()
                .tags(state.tags(request.resourceARN()).entrySet().stream()
                        .map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build()).toList())
                .build();
    }

    /** The tags a create call gives, checked as the model constrains them. */
    static Map<String, String> tagsOf(List<Tag> given) {
        Validation validation = EventsErrors.validation().size("tags", given, 0, MAX_TAGS);
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            Tag tag = given.get(i);
            String member = "tags." + (i + 1) + ".member.";
            validation.required(member + "key", tag.key()).length(member + "key", tag.key(), 1, 128)
                    .required(member + "value", tag.value()).length(member + "value", tag.value(), 0, 256);
            tags.put(tag.key(), tag.value());
        }
        validation.orThrow();
        return tags;
    }

    /** The state of the resource's scope, once the ARN is known to name a bus or rule that exists. */
    private EventsState existing(RequestContext context, String arnText) {
        Arn arn = Arn.parse(arnText).filter(a -> a.service().equals("events"))
                .orElseThrow(() -> EventsErrors.validation("Parameter " + arnText + " is not valid. Reason: Provided Arn is not in correct format."));
        if (!arn.isIn(context.scope())) {
            throw EventsErrors.resourceNotFound("Resource " + arn.resourceId() + " does not exist.");
        }
        EventsState state = states.get(context);
        boolean exists = switch (arn.resourceType()) {
            case "event-bus" -> state.findBus(arn.resourceId()).isPresent();
            case "rule" -> {
                String id = arn.resourceId();
                int slash = id.lastIndexOf('/');
                String bus = slash < 0 ? EventsState.DEFAULT_BUS : id.substring(0, slash);
                yield state.findRule(bus, id.substring(slash + 1)).isPresent();
            }
            default -> false;
        };
        if (!exists) {
            throw EventsErrors.resourceNotFound(
                    (arn.resourceType().equals("rule") ? "Rule " : "Event bus ") + arn.resourceName() + " does not exist.");
        }
        return state;
    }
}
