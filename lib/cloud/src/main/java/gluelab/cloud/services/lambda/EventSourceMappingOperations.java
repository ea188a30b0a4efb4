package gluelab.cloud.services.lambda;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.DeleteEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.DeleteEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsRequest;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsResponse;
import software.amazon.awssdk.services.lambda.model.ScalingConfig;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingResponse;

/**
 * Event-source mappings from SQS queues (standard and FIFO) to functions: Create, Get, List, Update and Delete, with
 * AWS's checks. BatchSize is 1 to 10,000 (default 10), at most 10 for a FIFO queue, and above 10 needs a batching
 * window of at least a second; MaximumBatchingWindowInSeconds is 0 to 300 and not for FIFO queues;
 * ScalingConfig.MaximumConcurrency is 2 to 1,000. Creating checks, as the function's execution role, that the queue
 * exists and the role may receive, delete and read its attributes, and that the queue's visibility timeout is no
 * shorter than the function's timeout. One queue maps to one function once. {@link QueuePollers} does the polling.
 *
 * <p>Where Lab Cloud differs from AWS: only SQS queues are event sources; FilterCriteria is stored and returned, not
 * applied.
 */
public final class EventSourceMappingOperations {

    private static final int DEFAULT_BATCH = 10;
    private static final int MAX_FIFO_BATCH = 10;
    private static final Pages PAGES = new Pages(LambdaErrors::validation,
            token -> LambdaErrors.invalidParameter("Invalid marker: " + token));

    private final AccountRegionStore<LambdaState> states;
    private final QueuePollers pollers;

    EventSourceMappingOperations(AccountRegionStore<LambdaState> states, QueuePollers pollers) {
        this.states = states;
        this.pollers = pollers;
    }

    public CreateEventSourceMappingResponse createEventSourceMapping(RequestContext context,
                                                                     CreateEventSourceMappingRequest request) {
        settings(request.batchSize(), request.maximumBatchingWindowInSeconds(), request.scalingConfig())
                .required("functionName", request.functionName()).orThrow();
        if (request.eventSourceArn() == null) {
            throw LambdaErrors.invalidParameter("Unrecognized event source, must be kinesis, dynamodb stream or sqs.");
        }
        Arn queueArn = queueArn(request.eventSourceArn());
        FunctionName name = FunctionName.parse("functionName", request.functionName(), null, context.scope());
        LambdaState state = states.get(context);
        FunctionConfiguration function = state.resolve(name);
        int batchSize = request.batchSize() == null ? DEFAULT_BATCH : request.batchSize();
        checkBatching(queueArn, batchSize, request.maximumBatchingWindowInSeconds());
        checkResponseTypes(request.functionResponseTypesAsStrings());
        checkQueue(queueArn, function);
        String arn = name.qualifiedArn(context.scope()).toString();
        boolean enabled = request.enabled() == null || request.enabled();
        String uuid = UUID.randomUUID().toString();
        EventSourceMappingConfiguration mapping = EventSourceMappingConfiguration.builder()
                .uuid(uuid)
                .eventSourceMappingArn(Arn.in(context.scope(), "lambda", "event-source-mapping:" + uuid).toString())
                .batchSize(batchSize)
                .maximumBatchingWindowInSeconds(queueArn.resource().endsWith(".fifo") ? null
                        : request.maximumBatchingWindowInSeconds() == null ? 0
                        : request.maximumBatchingWindowInSeconds())
                .eventSourceArn(queueArn.toString())
                .functionArn(arn)
                .lastModified(context.now())
                .state(EventSourceMappingStateMachine.settled(enabled))
                .stateTransitionReason("USER_INITIATED")
                .functionResponseTypesWithStrings(request.hasFunctionResponseTypes()
                        ? request.functionResponseTypesAsStrings() : null)
                .scalingConfig(request.scalingConfig())
                .filterCriteria(request.filterCriteria())
                .build();
        synchronized (state) {
            for (EventSourceMappingConfiguration existing : state.eventSourceMappings.values()) {
                if (existing.eventSourceArn().equals(mapping.eventSourceArn())
                        && existing.functionArn().equals(arn)) {
                    throw LambdaErrors.conflict("An event source mapping with SQS arn (\" " + queueArn
                            + " \") and function (\" " + name.name() + " \") already exists. Please update or delete "
                            + "the existing mapping with UUID " + existing.uuid());
                }
            }
            state.eventSourceMappings.put(uuid, mapping);
        }
        pollers.changed(context.scope(), mapping);
        EventSourceMappingConfiguration answered = mapping.toBuilder()
                .state(EventSourceMappingStateMachine.created()).build();
        return CreateEventSourceMappingResponse.builder().applyMutation(b -> ShapeCopy.members(answered, b)).build();
    }

    public GetEventSourceMappingResponse getEventSourceMapping(RequestContext context,
                                                               GetEventSourceMappingRequest request) {
        EventSourceMappingConfiguration mapping = require(context, request.uuid());
        return GetEventSourceMappingResponse.builder().applyMutation(b -> ShapeCopy.members(mapping, b)).build();
    }

    public ListEventSourceMappingsResponse listEventSourceMappings(RequestContext context,
                                                                   ListEventSourceMappingsRequest request) {
        LambdaErrors.validation().range("maxItems", request.maxItems(), 1, 10_000).orThrow();
        String function = request.functionName() == null ? null : FunctionName.parse("functionName",
                request.functionName(), null, context.scope()).qualifiedArn(context.scope()).toString();
        String source = request.eventSourceArn();
        List<EventSourceMappingConfiguration> all = states.get(context).eventSourceMappings.values().stream()
                .filter(m -> function == null || m.functionArn().equals(function))
                .filter(m -> source == null || m.eventSourceArn().equals(source))
                .sorted(Comparator.comparing(EventSourceMappingConfiguration::uuid)).toList();
        Pages.Page<EventSourceMappingConfiguration> page = PAGES.page(all, EventSourceMappingConfiguration::uuid,
                request.marker(), request.maxItems(), new Pages.Limits("maxItems", 100, 10_000));
        return ListEventSourceMappingsResponse.builder().eventSourceMappings(page.items())
                .nextMarker(page.nextToken()).build();
    }

    public UpdateEventSourceMappingResponse updateEventSourceMapping(RequestContext context,
                                                                     UpdateEventSourceMappingRequest request) {
        settings(request.batchSize(), request.maximumBatchingWindowInSeconds(), request.scalingConfig())
                .required("uuid", request.uuid()).orThrow();
        LambdaState state = states.get(context);
        EventSourceMappingConfiguration current = require(context, request.uuid());
        Arn queueArn = Arn.parse(current.eventSourceArn()).orElseThrow();
        EventSourceMappingConfiguration.Builder next = current.toBuilder().lastModified(context.now())
                .stateTransitionReason("USER_INITIATED");
        if (request.functionName() != null) {
            FunctionName name = FunctionName.parse("functionName", request.functionName(), null, context.scope());
            FunctionConfiguration function = state.resolve(name);
            checkQueue(queueArn, function);
            next.functionArn(name.qualifiedArn(context.scope()).toString());
        }
        if (request.batchSize() != null) {
            next.batchSize(request.batchSize());
        }
        if (request.maximumBatchingWindowInSeconds() != null) {
            next.maximumBatchingWindowInSeconds(request.maximumBatchingWindowInSeconds());
        }
        if (request.hasFunctionResponseTypes()) {
            checkResponseTypes(request.functionResponseTypesAsStrings());
            next.functionResponseTypesWithStrings(request.functionResponseTypesAsStrings());
        }
        if (request.scalingConfig() != null) {
            next.scalingConfig(request.scalingConfig().maximumConcurrency() == null ? null : request.scalingConfig());
        }
        if (request.filterCriteria() != null) {
            next.filterCriteria(request.filterCriteria());
        }
        String transitional = EventSourceMappingStateMachine.updating(current.state(), request.enabled());
        if (request.enabled() != null) {
            next.state(EventSourceMappingStateMachine.settled(request.enabled()));
        }
        EventSourceMappingConfiguration updated = next.build();
        checkBatching(queueArn, updated.batchSize(), updated.maximumBatchingWindowInSeconds());
        synchronized (state) {
            if (state.eventSourceMappings.get(updated.uuid()) == null) {
                throw notFound();
            }
            state.eventSourceMappings.put(updated.uuid(), updated);
        }
        pollers.changed(context.scope(), updated);
        EventSourceMappingConfiguration answered = updated.toBuilder().state(transitional).build();
        return UpdateEventSourceMappingResponse.builder().applyMutation(b -> ShapeCopy.members(answered, b)).build();
    }

    public DeleteEventSourceMappingResponse deleteEventSourceMapping(RequestContext context,
                                                                     DeleteEventSourceMappingRequest request) {
        LambdaState state = states.get(context);
        EventSourceMappingConfiguration removed;
        synchronized (state) {
            EventSourceMappingConfiguration current = require(context, request.uuid());
            EventSourceMappingStateMachine.deleting(current.state());
            removed = state.eventSourceMappings.remove(current.uuid());
        }
        pollers.stop(removed.uuid());
        EventSourceMappingConfiguration answered = removed.toBuilder().lastModified(context.now())
                .state(EventSourceMappingStateMachine.DELETING).build();
        return DeleteEventSourceMappingResponse.builder().applyMutation(b -> ShapeCopy.members(answered, b)).build();
    }

    /**
     * Removes the mappings of the functions whose names start with {@code prefix} (all when it is null), whether or
     * not the function is still there, and stops their pollers: what a lab reset does.
     */
    void removeMappingsOfFunctionsNamed(LambdaState state, String prefix) {
        for (EventSourceMappingConfiguration mapping : List.copyOf(state.eventSourceMappings.values())) {
            FunctionName target = FunctionName.parse("functionName", mapping.functionArn(), null, state.scope);
            if (prefix == null || target.name().startsWith(prefix)) {
                state.eventSourceMappings.remove(mapping.uuid());
                pollers.stop(mapping.uuid());
            }
        }
    }

    private EventSourceMappingConfiguration require(RequestContext context, String uuid) {
        LambdaErrors.validation().required("uuid", uuid).orThrow();
        EventSourceMappingConfiguration mapping = states.get(context).eventSourceMappings.get(uuid);
        if (mapping == null) {
            throw notFound();
        }
        return mapping;
    }

    private static RuntimeException notFound() {
        return LambdaErrors.notFound("The resource you requested does not exist.");
    }

    /** The model's constraints on the batching settings Create and Update share. */
    private static Validation settings(Integer batchSize, Integer window, ScalingConfig scaling) {
        return LambdaErrors.validation()
                .range("batchSize", batchSize, 1, 10_000)
                .range("maximumBatchingWindowInSeconds", window, 0, 300)
                .range("scalingConfig.maximumConcurrency", scaling == null ? null : scaling.maximumConcurrency(), 2,
                        1000);
    }

    private static Arn queueArn(String eventSourceArn) {
        Arn arn = Arn.parse(eventSourceArn).orElseThrow(() -> LambdaErrors.invalidParameter(
                "Unrecognized event source, must be kinesis, dynamodb stream or sqs."));
        if (!arn.service().equals("sqs")) {
            throw LambdaErrors.invalidParameter("Lab Cloud maps SQS queues to functions; " + arn.service()
                    + " event sources are not served yet.");
        }
        return arn;
    }

    private static void checkBatching(Arn queue, int batchSize, Integer window) {
        boolean fifo = queue.resource().endsWith(".fifo");
        if (fifo) {
            if (batchSize > MAX_FIFO_BATCH) {
                throw LambdaErrors.invalidParameter("Batch size must be between 1 and 10 for FIFO queues.");
            }
            if (window != null && window > 0) {
                throw LambdaErrors.invalidParameter("Batching window is not supported for FIFO queues.");
            }
        } else if (batchSize > 10 && (window == null || window < 1)) {
            throw LambdaErrors.invalidParameter("Maximum batch window in seconds must be greater than 0 if maximum "
                    + "batch size is greater than 10");
        }
    }

    private static void checkResponseTypes(List<String> types) {
        for (String type : types) {
            if (!type.equals(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES.toString())) {
                throw LambdaErrors.validation().oneOf("functionResponseTypes", type,
                        List.of(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES.toString())).error();
            }
        }
    }

    /**
     * The role must be able to poll the queue, and a message must stay hidden while the function works on it: the
     * queue's visibility timeout is at least the function's timeout.
     */
    private void checkQueue(Arn queueArn, FunctionConfiguration function) {
        Map<String, String> attributes = pollers.queue(queueArn, function.role()).checkPollable();
        int visibility = Integer.parseInt(attributes.getOrDefault("VisibilityTimeout", "30"));
        int timeout = function.timeout() == null ? 3 : function.timeout();
        if (visibility < timeout) {
            throw LambdaErrors.invalidParameter("Queue visibility timeout: " + visibility + " seconds is less than "
                    + "Function timeout: " + timeout + " seconds");
        }
    }
}
