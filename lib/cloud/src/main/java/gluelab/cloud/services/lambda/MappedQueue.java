package gluelab.cloud.services.lambda;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.provider.ServiceRoleSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * The queue an event-source mapping reads, as Lambda reads it: through SQS's own operations, as the function's
 * execution role, so the role needs {@code sqs:ReceiveMessage}, {@code sqs:DeleteMessage} and
 * {@code sqs:GetQueueAttributes} on the queue, as on AWS.
 */
final class MappedQueue {

    /** The actions CreateEventSourceMapping checks the role for, in the order AWS names the first one missing. */
    private static final List<String> REQUIRED_ACTIONS = List.of("ReceiveMessage", "DeleteMessage",
            "GetQueueAttributes");

    private final InternalCalls internal;
    private final ServiceRoleSessions sessions;
    private final Arn queue;
    private final String roleArn;

    MappedQueue(InternalCalls internal, ServiceRoleSessions sessions, Arn queue, String roleArn) {
        this.internal = internal;
        this.sessions = sessions;
        this.queue = queue;
        this.roleArn = roleArn;
    }

    Arn arn() {
        return queue;
    }

    boolean fifo() {
        return queue.resource().endsWith(".fifo");
    }

    /**
     * Checks that the queue exists and the role may poll it, as CreateEventSourceMapping does, and answers the queue's
     * attributes. Each action is tried with a request SQS refuses after authorising it, so nothing is received.
     *
     * @throws AwsServiceException InvalidParameterValueException naming the first action the role lacks, or the queue
     *                             missing
     */
    Map<String, String> checkPollable() {
        for (String action : REQUIRED_ACTIONS) {
            try {
                switch (action) {
                    case "ReceiveMessage" -> call(ReceiveMessageRequest.builder().queueUrl(url())
                            .maxNumberOfMessages(0).build());
                    case "DeleteMessage" -> call(DeleteMessageRequest.builder().queueUrl(url()).receiptHandle("")
                            .build());
                    default -> {
                        return attributes();
                    }
                }
            } catch (AwsServiceException refused) {
                if (refused.code().startsWith("AccessDenied")) {
                    throw LambdaErrors.invalidParameter("The provided execution role does not have permissions to "
                            + "call " + action + " on SQS");
                }
                if (refused.code().equals("QueueDoesNotExist")) {
                    throw LambdaErrors.invalidParameter("Error occurred while ReceiveMessage. SQS Error Code: "
                            + "AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does "
                            + "not exist for this wsdl version.");
                }
                // any other refusal came after the action was allowed
            }
        }
        throw new IllegalStateException("unreachable");
    }

    Map<String, String> attributes() {
        GetQueueAttributesResponse response = call(GetQueueAttributesRequest.builder().queueUrl(url())
                .attributeNames(QueueAttributeName.ALL).build());
        return response.attributesAsStrings();
    }

    /** Up to {@code max} (at most 10) messages, waiting up to {@code waitSeconds} of wall-clock time for the first. */
    List<Message> receive(int max, int waitSeconds) {
        ReceiveMessageResponse response = call(ReceiveMessageRequest.builder().queueUrl(url())
                .maxNumberOfMessages(max).waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All").build());
        return response.hasMessages() ? response.messages() : List.of();
    }

    /** Deletes the messages, ten at a time, as Lambda does once they were processed. */
    void delete(List<Message> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + 10));
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).build());
            }
            call(DeleteMessageBatchRequest.builder().queueUrl(url()).entries(entries).build());
        }
    }

    private String url() {
        return "/" + queue.account() + "/" + queue.resource();
    }

    private <R> R call(Object request) {
        String session = sessions.session(roleArn).assumedRoleArn().toString();
        return internal.call("sqs", new Scope(queue.account(), queue.region()), session, request);
    }
}
