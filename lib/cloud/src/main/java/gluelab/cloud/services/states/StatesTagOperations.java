package gluelab.cloud.services.states;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.RequestContext;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sfn.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.sfn.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.TagResourceRequest;
import software.amazon.awssdk.services.sfn.model.TagResourceResponse;
import software.amazon.awssdk.services.sfn.model.UntagResourceRequest;
import software.amazon.awssdk.services.sfn.model.UntagResourceResponse;

/** A state machine's tags: TagResource, UntagResource and ListTagsForResource, at most 50. */
public final class StatesTagOperations {

    private static final int MAX_TAGS = 50;

    private final AccountRegionStore<StatesState> states;

    StatesTagOperations(AccountRegionStore<StatesState> states) {
        this.states = states;
    }

    public TagResourceResponse tagResource(RequestContext context, TagResourceRequest request) {
        StatesErrors.validation().required("resourceArn", request.resourceArn())
                .required("tags", request.hasTags() ? request.tags() : null).orThrow();
        StatesState state = states.get(context);
        synchronized (state) {
            StateMachineRecord machine = machine(state, request.resourceArn());
            Map<String, String> tags = new LinkedHashMap<>(machine.tags());
            for (Tag tag : request.tags()) {
                StatesErrors.validation().length("tags.member.key", tag.key(), 1, 128)
                        .length("tags.member.value", tag.value(), 0, 256).orThrow();
                tags.put(tag.key(), tag.value() == null ? "" : tag.value());
            }
            if (tags.size() > MAX_TAGS) {
                throw StatesErrors.tooManyTags(request.resourceArn());
            }
            state.put(machine.withTags(tags));
        }
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(RequestContext context, UntagResourceRequest request) {
        StatesErrors.validation().required("resourceArn", request.resourceArn())
                .required("tagKeys", request.hasTagKeys() ? request.tagKeys() : null).orThrow();
        StatesState state = states.get(context);
        synchronized (state) {
            StateMachineRecord machine = machine(state, request.resourceArn());
            Map<String, String> tags = new LinkedHashMap<>(machine.tags());
            request.tagKeys().forEach(tags::remove);
            state.put(machine.withTags(tags));
        }
        return UntagResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(RequestContext context,
                                                           ListTagsForResourceRequest request) {
        StatesErrors.validation().required("resourceArn", request.resourceArn()).orThrow();
        StateMachineRecord machine = machine(states.get(context), request.resourceArn());
        return ListTagsForResourceResponse.builder().tags(machine.tags().entrySet().stream()
                .map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build()).toList()).build();
    }

    private static StateMachineRecord machine(StatesState state, String arn) {
        try {
            return StateMachineOperations.require(state, arn);
        } catch (gluelab.cloud.provider.AwsServiceException notFound) {
            if (notFound.code().equals("StateMachineDoesNotExist")) {
                throw StatesErrors.resourceNotFound(arn);
            }
            throw notFound;
        }
    }
}
