package gluelab.cloud.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.state.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The SQS event a mapping invokes its function with, in Lambda's shape ({@code Records[]} of messageId, receiptHandle,
 * body, attributes, messageAttributes in lower camel case, md5OfBody, eventSource {@code aws:sqs}, eventSourceARN,
 * awsRegion), and the reading of a ReportBatchItemFailures response.
 */
final class SqsEvents {

    /** The system attributes in the order Lambda's events list them; any others follow. */
    private static final List<String> ATTRIBUTE_ORDER = List.of("ApproximateReceiveCount", "SentTimestamp",
            "SequenceNumber", "MessageGroupId", "SenderId", "MessageDeduplicationId",
            "ApproximateFirstReceiveTimestamp");

    private SqsEvents() {
    }

    static String event(List<Message> batch, Arn queue) {
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        for (Message message : batch) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            Map<String, String> system = new LinkedHashMap<>(message.attributesAsStrings());
            for (String name : ATTRIBUTE_ORDER) {
                String value = system.remove(name);
                if (value != null) {
                    attributes.put(name, value);
                }
            }
            system.forEach(attributes::put);
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            message.messageAttributes().forEach((name, value) -> messageAttributes.set(name, attribute(value)));
            record.put("md5OfBody", message.md5OfBody());
            if (message.hasMessageAttributes() && !message.messageAttributes().isEmpty()) {
                record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
            }
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queue.toString());
            record.put("awsRegion", queue.region());
        }
        return event.toString();
    }

    private static ObjectNode attribute(MessageAttributeValue value) {
        ObjectNode attribute = Json.object();
        if (value.stringValue() != null) {
            attribute.put("stringValue", value.stringValue());
        }
        if (value.binaryValue() != null) {
            attribute.put("binaryValue", Base64.getEncoder().encodeToString(value.binaryValue().asByteArray()));
        }
        attribute.putArray("stringListValues");
        attribute.putArray("binaryListValues");
        attribute.put("dataType", value.dataType());
        return attribute;
    }

    /**
     * The messages a function that reports batch item failures processed: all of them when its response is null, has
     * no {@code batchItemFailures} or an empty list; all but those it names otherwise. A response Lambda cannot read
     * (not JSON, not an object, an item without an {@code itemIdentifier} or naming no message of the batch) fails
     * the whole batch, as on AWS: then none was processed.
     */
    static List<Message> succeeded(List<Message> batch, byte[] response) {
        JsonNode answer;
        try {
            answer = response.length == 0 ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(response);
        } catch (IOException unreadable) {
            return List.of();
        }
        if (answer == null || answer.isNull() || answer.isMissingNode()) {
            return batch;
        }
        if (!answer.isObject()) {
            return List.of();
        }
        JsonNode failures = answer.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return batch;
        }
        if (!failures.isArray()) {
            return List.of();
        }
        Set<String> ids = new HashSet<>();
        batch.forEach(m -> ids.add(m.messageId()));
        Set<String> failed = new HashSet<>();
        for (JsonNode failure : failures) {
            JsonNode id = failure.get("itemIdentifier");
            if (id == null || !id.isTextual() || id.asText().isEmpty() || !ids.contains(id.asText())) {
                return List.of();
            }
            failed.add(id.asText());
        }
        List<Message> processed = new ArrayList<>();
        for (Message message : batch) {
            if (!failed.contains(message.messageId())) {
                processed.add(message);
            }
        }
        return processed;
    }
}
