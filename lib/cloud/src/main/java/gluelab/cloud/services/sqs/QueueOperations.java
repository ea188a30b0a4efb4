package gluelab.cloud.services.sqs;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.CreateQueueResponse;
import software.amazon.awssdk.services.sqs.model.DeleteQueueRequest;
import software.amazon.awssdk.services.sqs.model.DeleteQueueResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.ListDeadLetterSourceQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListDeadLetterSourceQueuesResponse;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.PurgeQueueRequest;
import software.amazon.awssdk.services.sqs.model.PurgeQueueResponse;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesResponse;

/**
 * Queues: CreateQueue (idempotent for the same attributes, QueueNameExists for others), GetQueueUrl, ListQueues,
 * Get/SetQueueAttributes, PurgeQueue (once a minute), DeleteQueue and ListDeadLetterSourceQueues.
 */
public final class QueueOperations {

    private static final long PURGE_INTERVAL_MILLIS = 60_000;
    private static final long RECREATE_DELAY_MILLIS = 60_000;
    private static final Pages.Limits LIST_QUEUES = new Pages.Limits("MaxResults", 1000, 1000);

    private final AccountRegionStore<SqsState> states;
    private final MessageStore store;

    QueueOperations(AccountRegionStore<SqsState> states, MessageStore store) {
        this.states = states;
        this.store = store;
    }

    public CreateQueueResponse createQueue(RequestContext context, CreateQueueRequest request) {
        String name = request.queueName();
        QueueUrls.checkName(name);
        SqsState state = states.get(context);
        long now = context.now().toEpochMilli();
        Map<String, String> requested = request.hasAttributes() ? request.attributesAsStrings() : Map.of();
        Map<String, String> attributes = QueueAttributes.forNewQueue(name, requested, state);
        synchronized (state) {
            var existing = state.find(name);
            if (existing.isPresent()) {
                for (Map.Entry<String, String> wanted : requested.entrySet()) {
                    String have = existing.get().attributes().get(wanted.getKey());
                    if (!attributes.get(wanted.getKey()).equals(have)) {
                        throw SqsErrors.queueNameExists(wanted.getKey());
                    }
                }
            } else {
                Long deletedAt = state.deletedAt(name);
                if (deletedAt != null && now - deletedAt < RECREATE_DELAY_MILLIS) {
                    throw SqsErrors.queueDeletedRecently();
                }
                Map<String, String> tags = request.hasTags() ? request.tags() : Map.of();
                state.putQueue(new QueueRecord(name, attributes, tags, now, now, 0));
            }
        }
        return CreateQueueResponse.builder().queueUrl(QueueUrls.url(context, context.accountId(), name)).build();
    }

    public GetQueueUrlResponse getQueueUrl(RequestContext context, GetQueueUrlRequest request) {
        if (request.queueName() == null || request.queueName().isEmpty()) {
            throw SqsErrors.missingParameter("QueueName");
        }
        String owner = request.queueOwnerAWSAccountId();
        if (owner != null && !owner.equals(context.accountId())) {
            throw SqsErrors.queueDoesNotExist();
        }
        QueueRecord queue = states.get(context).require(request.queueName());
        return GetQueueUrlResponse.builder().queueUrl(QueueUrls.url(context, context.accountId(), queue.name()))
                .build();
    }

    public ListQueuesResponse listQueues(RequestContext context, ListQueuesRequest request) {
        String prefix = request.queueNamePrefix() == null ? "" : request.queueNamePrefix();
        List<String> names = states.get(context).queues().stream().map(QueueRecord::name)
                .filter(name -> name.startsWith(prefix)).sorted().toList();
        Pages.Page<String> page = SqsProvider.PAGES.page(names, name -> name, request.nextToken(),
                request.maxResults(), LIST_QUEUES);
        List<String> urls = page.items().stream().map(name -> QueueUrls.url(context, context.accountId(), name))
                .toList();
        return ListQueuesResponse.builder().queueUrls(urls.isEmpty() ? null : urls)
                .nextToken(request.maxResults() == null ? null : page.nextToken()).build();
    }

    public GetQueueAttributesResponse getQueueAttributes(RequestContext context, GetQueueAttributesRequest request) {
        SqsState state = states.get(context);
        QueueRecord queue = state.require(QueueUrls.queueName(context, request.queueUrl()));
        List<String> wanted = request.hasAttributeNames() ? request.attributeNamesAsStrings() : List.of();
        Map<String, String> all = allAttributes(context, state, queue);
        Map<String, String> answer = new LinkedHashMap<>();
        for (String name : wanted) {
            if (name.equals("All")) {
                answer.putAll(all);
            } else if (all.containsKey(name)) {
                answer.put(name, all.get(name));
            } else if (!known(name, queue.fifo())) {
                throw SqsErrors.invalidAttributeName(name);
            }
        }
        return GetQueueAttributesResponse.builder().attributesWithStrings(answer.isEmpty() ? null : answer).build();
    }

    private static boolean known(String name, boolean fifo) {
        return QueueAttributes.COMPUTED.contains(name) || Set.of("DelaySeconds", "MaximumMessageSize",
                "MessageRetentionPeriod", "ReceiveMessageWaitTimeSeconds", "VisibilityTimeout", "Policy",
                "RedrivePolicy", "RedriveAllowPolicy", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds",
                "SqsManagedSseEnabled").contains(name) || fifo && QueueAttributes.FIFO_ONLY.contains(name);
    }

    private Map<String, String> allAttributes(RequestContext context, SqsState state, QueueRecord queue) {
        Map<String, String> all = new TreeMap<>(queue.attributes());
        MessageStore.Counts counts = store.counts(state, queue, context.now().toEpochMilli());
        all.put("ApproximateNumberOfMessages", String.valueOf(counts.visible()));
        all.put("ApproximateNumberOfMessagesNotVisible", String.valueOf(counts.inFlight()));
        all.put("ApproximateNumberOfMessagesDelayed", String.valueOf(counts.delayed()));
        all.put("CreatedTimestamp", String.valueOf(queue.created() / 1000));
        all.put("LastModifiedTimestamp", String.valueOf(queue.lastModified() / 1000));
        all.put("QueueArn", QueueUrls.arn(state.scope, queue.name()).toString());
        return all;
    }

    public SetQueueAttributesResponse setQueueAttributes(RequestContext context, SetQueueAttributesRequest request) {
        SqsState state = states.get(context);
        String name = QueueUrls.queueName(context, request.queueUrl());
        if (!request.hasAttributes() || request.attributesAsStrings().isEmpty()) {
            throw SqsErrors.missingParameter("Attribute.Name");
        }
        synchronized (state) {
            QueueRecord queue = state.require(name);
            Map<String, String> changed = QueueAttributes.validated(queue.fifo(), request.attributesAsStrings(),
                    state, false);
            state.putQueue(queue.withAttributes(changed, context.now().toEpochMilli()));
        }
        return SetQueueAttributesResponse.builder().build();
    }

    public PurgeQueueResponse purgeQueue(RequestContext context, PurgeQueueRequest request) {
        SqsState state = states.get(context);
        String name = QueueUrls.queueName(context, request.queueUrl());
        long now = context.now().toEpochMilli();
        synchronized (state) {
            QueueRecord queue = state.require(name);
            if (queue.lastPurged() > 0 && now - queue.lastPurged() < PURGE_INTERVAL_MILLIS) {
                throw SqsErrors.purgeQueueInProgress(name);
            }
            state.putQueue(queue.purgedAt(now));
        }
        store.purge(state, name, now);
        return PurgeQueueResponse.builder().build();
    }

    public DeleteQueueResponse deleteQueue(RequestContext context, DeleteQueueRequest request) {
        SqsState state = states.get(context);
        String name = QueueUrls.queueName(context, request.queueUrl());
        synchronized (state) {
            state.require(name);
            state.deleteQueue(name, context.now().toEpochMilli());
        }
        return DeleteQueueResponse.builder().build();
    }

    public ListDeadLetterSourceQueuesResponse listDeadLetterSourceQueues(RequestContext context,
                                                                         ListDeadLetterSourceQueuesRequest request) {
        SqsState state = states.get(context);
        QueueRecord deadLetterQueue = state.require(QueueUrls.queueName(context, request.queueUrl()));
        String arn = QueueUrls.arn(state.scope, deadLetterQueue.name()).toString();
        List<String> sources = new ArrayList<>();
        for (QueueRecord queue : state.queues()) {
            QueueAttributes.Redrive redrive = QueueAttributes.Redrive.of(queue);
            if (redrive != null && redrive.deadLetterTargetArn().equals(arn)) {
                sources.add(queue.name());
            }
        }
        sources.sort(Comparator.naturalOrder());
        Pages.Page<String> page = SqsProvider.PAGES.page(sources, name -> name, request.nextToken(),
                request.maxResults(), LIST_QUEUES);
        return ListDeadLetterSourceQueuesResponse.builder()
                .queueUrls(page.items().stream().map(name -> QueueUrls.url(context, context.accountId(), name))
                        .toList())
                .nextToken(request.maxResults() == null ? null : page.nextToken()).build();
    }
}
