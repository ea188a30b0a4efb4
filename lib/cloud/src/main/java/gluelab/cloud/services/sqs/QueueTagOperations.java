package gluelab.cloud.services.sqs;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.RequestContext;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.sqs.model.ListQueueTagsRequest;
import software.amazon.awssdk.services.sqs.model.ListQueueTagsResponse;
import software.amazon.awssdk.services.sqs.model.TagQueueRequest;
import software.amazon.awssdk.services.sqs.model.TagQueueResponse;
import software.amazon.awssdk.services.sqs.model.UntagQueueRequest;
import software.amazon.awssdk.services.sqs.model.UntagQueueResponse;

/** A queue's tags: TagQueue, UntagQueue and ListQueueTags (at most 50 a queue). */
public final class QueueTagOperations {

    private static final int MAX_TAGS = 50;

    private final AccountRegionStore<SqsState> states;

    QueueTagOperations(AccountRegionStore<SqsState> states) {
        this.states = states;
    }

    public TagQueueResponse tagQueue(RequestContext context, TagQueueRequest request) {
        if (!request.hasTags() || request.tags().isEmpty()) {
            throw SqsErrors.missingParameter("Tags");
        }
        change(context, request.queueUrl(), tags -> tags.putAll(request.tags()));
        return TagQueueResponse.builder().build();
    }

    public UntagQueueResponse untagQueue(RequestContext context, UntagQueueRequest request) {
        if (!request.hasTagKeys() || request.tagKeys().isEmpty()) {
            throw SqsErrors.missingParameter("TagKeys");
        }
        change(context, request.queueUrl(), tags -> request.tagKeys().forEach(tags::remove));
        return UntagQueueResponse.builder().build();
    }

    public ListQueueTagsResponse listQueueTags(RequestContext context, ListQueueTagsRequest request) {
        QueueRecord queue = states.get(context).require(QueueUrls.queueName(context, request.queueUrl()));
        return ListQueueTagsResponse.builder().tags(queue.tags().isEmpty() ? null : queue.tags()).build();
    }

    private void change(RequestContext context, String url, java.util.function.Consumer<Map<String, String>> edit) {
        SqsState state = states.get(context);
        String name = QueueUrls.queueName(context, url);
        synchronized (state) {
            QueueRecord queue = state.require(name);
            Map<String, String> tags = new TreeMap<>(queue.tags());
            edit.accept(tags);
            if (tags.size() > MAX_TAGS) {
                throw SqsErrors.invalidParameterValue("Too many tags added for queue " + name + ".");
            }
            state.putQueue(queue.withTags(tags));
        }
    }
}
