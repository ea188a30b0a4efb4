package gluelab.cloud.services.sqs;

import gluelab.cloud.console.ConsoleBlock.Table;
import gluelab.cloud.console.ConsolePage;
import gluelab.cloud.console.ConsoleRequest;
import gluelab.cloud.console.ConsoleView;
import gluelab.cloud.provider.ConsoleReads;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SQS in the console: each queue with its depths (visible, in flight, delayed) and its dead-letter queue. It never
 * receives a message: looking must not change what the queue holds or when it is visible.
 */
final class QueuesConsoleView extends ConsoleView {

    private final ConsoleReads reads;

    QueuesConsoleView(ConsoleReads reads) {
        super("sqs", "SQS");
        this.reads = reads;
    }

    @Override
    public ConsolePage page(ConsoleRequest request) {
        if (!request.is()) {
            throw request.notFound();
        }
        ListQueuesResponse queues = reads.call(SqsProvider.SERVICE, request, ListQueuesRequest.builder().build());
        Table.Builder table = Table.titled("Queues", "Name", "Visible", "In flight", "Delayed", "Type",
                "Dead-letter queue", "Created");
        for (String url : queues.queueUrls()) {
            GetQueueAttributesResponse answer = reads.call(SqsProvider.SERVICE, request, GetQueueAttributesRequest
                    .builder().queueUrl(url).attributeNames(QueueAttributeName.ALL).build());
            Map<String, String> attributes = answer.attributesAsStrings();
            String arn = attributes.get("QueueArn");
            String redrive = attributes.get("RedrivePolicy");
            table.row(null, arn.substring(arn.lastIndexOf(':') + 1),
                    number(attributes.get("ApproximateNumberOfMessages")),
                    number(attributes.get("ApproximateNumberOfMessagesNotVisible")),
                    number(attributes.get("ApproximateNumberOfMessagesDelayed")),
                    "true".equals(attributes.get("FifoQueue")) ? "FIFO" : "Standard",
                    redrive == null ? null : redrive.replaceAll(".*\"deadLetterTargetArn\"\\s*:\\s*\"[^\"]*:([^\":]+)\".*", "$1"),
                    attributes.get("CreatedTimestamp") == null ? null
                            : Instant.ofEpochSecond(Long.parseLong(attributes.get("CreatedTimestamp"))));
        }
        return ConsolePage.of("SQS queues", List.of(), table.orElse("No queues yet (sqs.createQueue)."));
    }

    private static Long number(String value) {
        return value == null ? null : Long.valueOf(value);
    }
}
