package gluelab.cloud.services.sqs;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.RequestContext;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.model.CancelMessageMoveTaskRequest;
import software.amazon.awssdk.services.sqs.model.CancelMessageMoveTaskResponse;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksRequest;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResponse;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskRequest;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskResponse;

/**
 * Redrive out of a dead-letter queue: StartMessageMoveTask moves its messages back to the queues they came from (or
 * to {@code DestinationArn}); ListMessageMoveTasks lists a source's tasks, newest first. Lab Cloud moves all the
 * messages while StartMessageMoveTask runs, so a task is never still running to be cancelled.
 */
public final class MessageMoveTaskOperations {

    private final AccountRegionStore<SqsState> states;
    private final MessageStore store;

    MessageMoveTaskOperations(AccountRegionStore<SqsState> states, MessageStore store) {
        this.states = states;
        this.store = store;
    }

    public StartMessageMoveTaskResponse startMessageMoveTask(RequestContext context,
                                                             StartMessageMoveTaskRequest request) {
        SqsState state = states.get(context);
        String source = queueOf(state, request.sourceArn(), "SourceArn");
        boolean isDeadLetterQueue = state.queues().stream().map(QueueAttributes.Redrive::of)
                .anyMatch(redrive -> redrive != null && redrive.queueName().equals(source));
        if (!isDeadLetterQueue) {
            throw SqsErrors.invalidParameterValue("Source queue must be configured as a Dead Letter Queue.");
        }
        String destination = request.destinationArn() == null ? null
                : queueOf(state, request.destinationArn(), "DestinationArn");
        Integer rate = request.maxNumberOfMessagesPerSecond();
        if (rate != null && (rate < 1 || rate > 500)) {
            throw SqsErrors.invalidValue(rate, "MaxNumberOfMessagesPerSecond", "Must be between 1 and 500.");
        }
        long now = context.now().toEpochMilli();
        long toMove = store.counts(state, state.require(source), now).visible();
        long moved = store.moveOut(state, source, destination, now);
        String handle = UUID.randomUUID().toString();
        state.putMoveTask(new MoveTask(handle, request.sourceArn(), request.destinationArn(), rate, "COMPLETED",
                moved, Math.max(toMove, moved), now));
        return StartMessageMoveTaskResponse.builder().taskHandle(handle).build();
    }

    public ListMessageMoveTasksResponse listMessageMoveTasks(RequestContext context,
                                                             ListMessageMoveTasksRequest request) {
        SqsState state = states.get(context);
        queueOf(state, request.sourceArn(), "SourceArn");
        int max = request.maxResults() == null ? 1 : request.maxResults();
        if (max < 1 || max > 10) {
            throw SqsErrors.invalidValue(max, "MaxResults", "Must be between 1 and 10.");
        }
        List<ListMessageMoveTasksResultEntry> results = state.moveTasks().stream()
                .filter(task -> task.sourceArn().equals(request.sourceArn()))
                .sorted(Comparator.comparingLong(MoveTask::started).reversed()).limit(max)
                .map(task -> ListMessageMoveTasksResultEntry.builder().taskHandle(task.taskHandle())
                        .status(task.status()).sourceArn(task.sourceArn()).destinationArn(task.destinationArn())
                        .maxNumberOfMessagesPerSecond(task.maxNumberOfMessagesPerSecond())
                        .approximateNumberOfMessagesMoved(task.approximateNumberOfMessagesMoved())
                        .approximateNumberOfMessagesToMove(task.approximateNumberOfMessagesToMove())
                        .startedTimestamp(task.started()).build())
                .toList();
        return ListMessageMoveTasksResponse.builder().results(results).build();
    }

    /** Every task has completed by the time it is listed, so there is none running to cancel. */
    public CancelMessageMoveTaskResponse cancelMessageMoveTask(RequestContext context,
                                                               CancelMessageMoveTaskRequest request) {
        if (request.taskHandle() == null || request.taskHandle().isEmpty()) {
            throw SqsErrors.missingParameter("TaskHandle");
        }
        boolean known = states.get(context).moveTasks().stream()
                .anyMatch(task -> task.taskHandle().equals(request.taskHandle()));
        throw known ? SqsErrors.unsupportedOperation("Only tasks in the RUNNING state can be cancelled.")
                : SqsErrors.resourceNotFound("Task does not exist.");
    }

    private static String queueOf(SqsState state, String arn, String parameter) {
        if (arn == null || arn.isEmpty()) {
            throw SqsErrors.missingParameter(parameter);
        }
        Arn parsed = Arn.parse(arn).filter(a -> a.service().equals("sqs"))
                .orElseThrow(() -> SqsErrors.invalidParameterValue("You must use this format to specify the "
                        + parameter + ": arn:<partition>:<service>:<region>:<account-id>:<resource-id>. "));
        if (!parsed.account().equals(state.scope.account()) || !parsed.region().equals(state.scope.region())) {
            throw SqsErrors.queueDoesNotExist();
        }
        return state.require(parsed.resource()).name();
    }
}
