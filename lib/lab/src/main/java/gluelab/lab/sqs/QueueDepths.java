package gluelab.lab.sqs;

import gluelab.lab.Column;
import gluelab.lab.ColumnType;
import gluelab.lab.DataTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Queues as a table, one row each, as SQS's own counters tell them (on AWS they are approximate): the messages
 * waiting, in flight (received, not yet deleted, hidden until their visibility timeout ends) and delayed, and the
 * dead-letter queue a RedrivePolicy sends poison messages to.
 */
public final class QueueDepths {

    private static final List<Column> COLUMNS = List.of(new Column("queue", ColumnType.STRING),
            new Column("visible", ColumnType.INT), new Column("in_flight", ColumnType.INT),
            new Column("delayed", ColumnType.INT), new Column("dead_letter_queue", ColumnType.STRING));

    private QueueDepths() {
    }

    public static DataTable of(SqsClient sqs, List<String> queueNames) {
        List<List<Object>> rows = new ArrayList<>();
        for (String name : queueNames) {
            String url = sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url)
                    .attributeNames(QueueAttributeName.ALL)).attributes();
            String redrive = attributes.get(QueueAttributeName.REDRIVE_POLICY);
            String deadLetter = redrive == null ? null
                    : redrive.replaceAll(".*\"deadLetterTargetArn\"\\s*:\\s*\"[^\"]*:([^\":]+)\".*", "$1");
            List<Object> row = new ArrayList<>();
            row.add(name);
            row.add(count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
            row.add(count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
            row.add(count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
            row.add(deadLetter);
            rows.add(row);
        }
        return DataTable.of(COLUMNS, rows).from("SQS " + String.join(", ", queueNames));
    }

    private static int count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        String value = attributes.get(name);
        return value == null ? 0 : Integer.parseInt(value);
    }
}
