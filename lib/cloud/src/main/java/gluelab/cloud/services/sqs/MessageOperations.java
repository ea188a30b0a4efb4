package gluelab.cloud.services.sqs;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.sqs.StoredMessage.StoredAttribute;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * Messages: SendMessage(Batch), ReceiveMessage (long polling on the wall clock, system and message attributes as
 * asked for), DeleteMessage(Batch) and ChangeMessageVisibility(Batch). Batches answer per entry, as AWS does.
 */
public final class MessageOperations {

    private static final int MAX_BATCH = 10;
    private static final int MAX_ATTRIBUTES = 10;
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");
    private static final Pattern DEDUPLICATION_ID = Pattern.compile("[\\x21-\\x7e]{1,128}");
    private static final Set<String> SYSTEM_ATTRIBUTES = Set.of("SenderId", "SentTimestamp",
            "ApproximateReceiveCount", "ApproximateFirstReceiveTimestamp", "SequenceNumber",
            "MessageDeduplicationId", "MessageGroupId", "AWSTraceHeader", "DeadLetterQueueSourceArn");

    private final AccountRegionStore<SqsState> states;
    private final MessageStore store;

    MessageOperations(AccountRegionStore<SqsState> states, MessageStore store) {
        this.states = states;
        this.store = store;
    }

    // ---- sending -----------------------------------------------------------------------------------------

    public SendMessageResponse sendMessage(RequestContext context, SendMessageRequest request) {
        SqsState state = states.get(context);
        QueueRecord queue = state.require(QueueUrls.queueName(context, request.queueUrl()));
        MessageStore.Sent sent = send(context, state, queue, request.messageBody(), request.delaySeconds(),
                request.hasMessageAttributes() ? request.messageAttributes() : Map.of(),
                request.hasMessageSystemAttributes() ? request.messageSystemAttributesAsStrings() : Map.of(),
                request.messageGroupId(), request.messageDeduplicationId());
        return SendMessageResponse.builder().messageId(sent.messageId()).md5OfMessageBody(sent.md5OfBody())
                .md5OfMessageAttributes(sent.md5OfAttributes())
                .md5OfMessageSystemAttributes(md5OfSystemAttributes(request.hasMessageSystemAttributes()
                        ? request.messageSystemAttributesAsStrings() : Map.of()))
                .sequenceNumber(sent.sequenceNumber()).build();
    }

    public SendMessageBatchResponse sendMessageBatch(RequestContext context, SendMessageBatchRequest request) {
        SqsState state = states.get(context);
        QueueRecord queue = state.require(QueueUrls.queueName(context, request.queueUrl()));
        List<SendMessageBatchRequestEntry> entries = request.hasEntries() ? request.entries() : List.of();
        checkBatch(entries, SendMessageBatchRequestEntry::id, "SendMessageBatchRequestEntry");
        int total = 0;
        for (SendMessageBatchRequestEntry entry : entries) {
            total += entry.messageBody() == null ? 0 : entry.messageBody().getBytes(StandardCharsets.UTF_8).length;
            total += entry.hasMessageAttributes() ? attributeBytes(entry.messageAttributes()) : 0;
        }
        int limit = queue.intAttribute("MaximumMessageSize");
        if (total > limit) {
            throw SqsErrors.batchRequestTooLong(total, limit);
        }
        List<SendMessageBatchResultEntry> successful = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (SendMessageBatchRequestEntry entry : entries) {
            try {
                Map<String, MessageSystemAttributeValue> system = entry.hasMessageSystemAttributes()
                        ? entry.messageSystemAttributesAsStrings() : Map.of();
                MessageStore.Sent sent = send(context, state, queue, entry.messageBody(), entry.delaySeconds(),
                        entry.hasMessageAttributes() ? entry.messageAttributes() : Map.of(), system,
                        entry.messageGroupId(), entry.messageDeduplicationId());
                successful.add(SendMessageBatchResultEntry.builder().id(entry.id()).messageId(sent.messageId())
                        .md5OfMessageBody(sent.md5OfBody()).md5OfMessageAttributes(sent.md5OfAttributes())
                        .md5OfMessageSystemAttributes(md5OfSystemAttributes(system))
                        .sequenceNumber(sent.sequenceNumber()).build());
            } catch (AwsServiceException e) {
                failed.add(failure(context, entry.id(), e));
            }
        }
        return SendMessageBatchResponse.builder().successful(successful).failed(failed).build();
    }

    private MessageStore.Sent send(RequestContext context, SqsState state, QueueRecord queue, String body,
                                   Integer delaySeconds, Map<String, MessageAttributeValue> attributes,
                                   Map<String, MessageSystemAttributeValue> systemAttributes, String groupId,
                                   String deduplicationId) {
        if (body == null || body.isEmpty()) {
            throw SqsErrors.missingParameter("MessageBody");
        }
        checkContents(body);
        Map<String, StoredAttribute> stored = storedAttributes(attributes);
        int size = body.getBytes(StandardCharsets.UTF_8).length + attributeBytes(attributes);
        int limit = queue.intAttribute("MaximumMessageSize");
        if (size > limit) {
            throw SqsErrors.invalidParameterValue("One or more parameters are invalid. Reason: Message must be "
                    + "shorter than " + limit + " bytes.");
        }
        if (delaySeconds != null) {
            if (queue.fifo()) {
                throw SqsErrors.invalidValue(delaySeconds, "DelaySeconds",
                        "The request include parameter that is not valid for this queue type.");
            }
            if (!QueueAttributes.inRange("DelaySeconds", delaySeconds)) {
                throw SqsErrors.invalidValue(delaySeconds, "DelaySeconds", "Must be >= 0 and <= 900.");
            }
        }
        String traceHeader = null;
        for (Map.Entry<String, MessageSystemAttributeValue> system : systemAttributes.entrySet()) {
            if (!system.getKey().equals("AWSTraceHeader") || !"String".equals(system.getValue().dataType())) {
                throw SqsErrors.invalidParameterValue("Message system attribute name '" + system.getKey()
                        + "' is invalid.");
            }
            traceHeader = system.getValue().stringValue();
        }
        if (queue.fifo()) {
            if (groupId == null || groupId.isEmpty()) {
                throw SqsErrors.missingParameter("MessageGroupId");
            }
            if (!DEDUPLICATION_ID.matcher(groupId).matches()) {
                throw SqsErrors.invalidValue(groupId, "MessageGroupId", "MessageGroupId can only include "
                        + "alphanumeric and punctuation characters. 1 to 128 in length.");
            }
            if (deduplicationId == null) {
                if (!queue.flag("ContentBasedDeduplication")) {
                    throw SqsErrors.invalidParameterValue("The queue should either have ContentBasedDeduplication "
                            + "enabled or MessageDeduplicationId provided explicitly");
                }
                deduplicationId = MessageDigests.sha256(body);
            } else if (!DEDUPLICATION_ID.matcher(deduplicationId).matches()) {
                throw SqsErrors.invalidValue(deduplicationId, "MessageDeduplicationId", "MessageDeduplicationId "
                        + "can only include alphanumeric and punctuation characters. 1 to 128 in length.");
            }
        } else if (deduplicationId != null) {
            throw SqsErrors.invalidValue(deduplicationId, "MessageDeduplicationId",
                    "The request includes a parameter that is not valid for this queue type.");
        }
        String senderId = context.caller() == null ? context.accountId() : context.caller().userId();
        return store.send(state, queue, new MessageStore.Outgoing(body, stored, delaySeconds, groupId,
                deduplicationId, traceHeader, senderId), context.now().toEpochMilli());
    }

    /** SQS takes the characters XML 1.0 allows, and no others. */
    private static void checkContents(String body) {
        for (int i = 0; i < body.length(); ) {
            int c = body.codePointAt(i);
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
            if (!allowed) {
                throw SqsErrors.invalidMessageContents();
            }
            i += Character.charCount(c);
        }
    }

    private static Map<String, StoredAttribute> storedAttributes(Map<String, MessageAttributeValue> attributes) {
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw SqsErrors.invalidParameterValue("Number of message attributes [" + attributes.size()
                    + "] exceeds the allowed maximum [" + MAX_ATTRIBUTES + "].");
        }
        Map<String, StoredAttribute> stored = new TreeMap<>();
        for (Map.Entry<String, MessageAttributeValue> entry : attributes.entrySet()) {
            String name = entry.getKey();
            MessageAttributeValue value = entry.getValue();
            if (!ATTRIBUTE_NAME.matcher(name).matches() || name.contains("..") || name.startsWith(".")
                    || name.endsWith(".") || name.toLowerCase().startsWith("aws.")
                    || name.toLowerCase().startsWith("amazon.")) {
                throw SqsErrors.invalidParameterValue("Message attribute name '" + name + "' is invalid.");
            }
            String type = value == null ? null : value.dataType();
            if (type == null || type.isEmpty()) {
                throw SqsErrors.invalidParameterValue("The message attribute '" + name
                        + "' must contain non-empty message attribute type.");
            }
            String base = type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
            switch (base) {
                case "String", "Number" -> {
                    if (value.stringValue() == null || value.stringValue().isEmpty()) {
                        throw SqsErrors.invalidParameterValue("The message attribute '" + name + "' must contain "
                                + "non-empty message attribute value for message attribute type '" + base + "'.");
                    }
                    if (base.equals("Number")) {
                        try {
                            new java.math.BigDecimal(value.stringValue().trim());
                        } catch (NumberFormatException e) {
                            throw SqsErrors.invalidParameterValue("Can't cast the value of message (user) "
                                    + "attribute '" + name + "' to a number.");
                        }
                    }
                    checkContents(value.stringValue());
                    stored.put(name, new StoredAttribute(type, value.stringValue(), null));
                }
                case "Binary" -> {
                    if (value.binaryValue() == null || value.binaryValue().asByteArray().length == 0) {
                        throw SqsErrors.invalidParameterValue("The message attribute '" + name + "' must contain "
                                + "non-empty message attribute value for message attribute type 'Binary'.");
                    }
                    stored.put(name, new StoredAttribute(type, null,
                            Base64.getEncoder().encodeToString(value.binaryValue().asByteArray())));
                }
                default -> throw SqsErrors.invalidParameterValue("The type of message (user) attribute '" + name
                        + "' is invalid. You must use only the following supported type prefixes: Binary, Number, "
                        + "String.");
            }
        }
        return stored;
    }

    /** A message's size counts its attributes' names, types and values. */
    private static int attributeBytes(Map<String, MessageAttributeValue> attributes) {
        int bytes = 0;
        for (Map.Entry<String, MessageAttributeValue> entry : attributes.entrySet()) {
            MessageAttributeValue value = entry.getValue();
            bytes += utf8(entry.getKey()) + utf8(value.dataType()) + utf8(value.stringValue())
                    + (value.binaryValue() == null ? 0 : value.binaryValue().asByteArray().length);
        }
        return bytes;
    }

    private static int utf8(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String md5OfSystemAttributes(Map<String, MessageSystemAttributeValue> system) {
        Map<String, StoredAttribute> stored = new TreeMap<>();
        system.forEach((name, value) -> stored.put(name, new StoredAttribute(value.dataType(),
                value.stringValue(), null)));
        return MessageDigests.md5OfAttributes(stored);
    }

    // ---- receiving ---------------------------------------------------------------------------------------

    public ReceiveMessageResponse receiveMessage(RequestContext context, ReceiveMessageRequest request) {
        SqsState state = states.get(context);
        String name = QueueUrls.queueName(context, request.queueUrl());
        QueueRecord queue = state.require(name);
        int max = request.maxNumberOfMessages() == null ? 1 : request.maxNumberOfMessages();
        if (max < 1 || max > MAX_BATCH) {
            throw SqsErrors.invalidValue(max, "MaxNumberOfMessages", "Must be between 1 and 10, if provided.");
        }
        Integer visibility = request.visibilityTimeout();
        if (visibility != null && !QueueAttributes.inRange("VisibilityTimeout", visibility)) {
            throw SqsErrors.invalidValue(visibility, "VisibilityTimeout",
                    "Must be >= 0 and <= 43200, if provided.");
        }
        int wait = request.waitTimeSeconds() != null ? request.waitTimeSeconds()
                : queue.intAttribute("ReceiveMessageWaitTimeSeconds");
        if (!QueueAttributes.inRange("ReceiveMessageWaitTimeSeconds", wait)) {
            throw SqsErrors.invalidValue(wait, "WaitTimeSeconds", "Must be >= 0 and <= 20, if provided.");
        }
        Set<String> systemNames = new HashSet<>();
        if (request.hasAttributeNames()) {
            systemNames.addAll(request.attributeNamesAsStrings());
        }
        if (request.hasMessageSystemAttributeNames()) {
            systemNames.addAll(request.messageSystemAttributeNamesAsStrings());
        }
        for (String system : systemNames) {
            if (!system.equals("All") && !SYSTEM_ATTRIBUTES.contains(system)
                    && !QueueAttributes.COMPUTED.contains(system) && !queue.attributes().containsKey(system)) {
                throw SqsErrors.invalidAttributeName(system);
            }
        }
        List<String> attributeNames = request.hasMessageAttributeNames() ? request.messageAttributeNames() : List.of();
        List<StoredMessage> received = store.receive(state, name, max, visibility, wait * 1000L,
                () -> context.platform().clock().millis());
        List<Message> messages = new ArrayList<>();
        for (StoredMessage message : received) {
            messages.add(message(message, systemNames, attributeNames, queue.fifo()));
        }
        return ReceiveMessageResponse.builder().messages(messages.isEmpty() ? null : messages).build();
    }

    private static Message message(StoredMessage stored, Set<String> systemNames, List<String> attributeNames,
                                   boolean fifo) {
        Map<String, String> system = new LinkedHashMap<>();
        system.put("SenderId", stored.senderId());
        system.put("SentTimestamp", String.valueOf(stored.sent()));
        system.put("ApproximateReceiveCount", String.valueOf(stored.receiveCount()));
        system.put("ApproximateFirstReceiveTimestamp", String.valueOf(stored.firstReceived()));
        if (fifo) {
            system.put("SequenceNumber", MessageStore.sequenceNumber(stored.sequence()));
            system.put("MessageDeduplicationId", stored.deduplicationId());
        }
        if (stored.groupId() != null) {
            system.put("MessageGroupId", stored.groupId());
        }
        if (stored.traceHeader() != null) {
            system.put("AWSTraceHeader", stored.traceHeader());
        }
        if (stored.deadLetterSource() != null) {
            system.put("DeadLetterQueueSourceArn", stored.deadLetterSource());
        }
        if (!systemNames.contains("All")) {
            system.keySet().retainAll(systemNames);
        }
        Map<String, StoredAttribute> selected = new TreeMap<>();
        stored.messageAttributes().forEach((name, value) -> {
            if (wanted(name, attributeNames)) {
                selected.put(name, value);
            }
        });
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        selected.forEach((name, value) -> attributes.put(name, MessageAttributeValue.builder()
                .dataType(value.dataType()).stringValue(value.stringValue())
                .binaryValue(value.binaryValue() == null ? null
                        : SdkBytes.fromByteArray(Base64.getDecoder().decode(value.binaryValue())))
                .build()));
        return Message.builder().messageId(stored.messageId()).receiptHandle(stored.receipt())
                .md5OfBody(stored.md5OfBody()).body(stored.body())
                .attributesWithStrings(system.isEmpty() ? null : system)
                .md5OfMessageAttributes(MessageDigests.md5OfAttributes(selected))
                .messageAttributes(attributes.isEmpty() ? null : attributes).build();
    }

    /** {@code All} and {@code .*} ask for every attribute, {@code prefix.*} for those under the prefix. */
    private static boolean wanted(String name, List<String> asked) {
        for (String pattern : asked) {
            if (pattern.equals("All") || pattern.equals(".*") || pattern.equals(name)
                    || pattern.endsWith(".*") && name.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    // ---- deleting and visibility ---------------------------------------------------------------------------

    public DeleteMessageResponse deleteMessage(RequestContext context, DeleteMessageRequest request) {
        SqsState state = states.get(context);
        String name = state.require(QueueUrls.queueName(context, request.queueUrl())).name();
        store.delete(state, name, request.receiptHandle());
        return DeleteMessageResponse.builder().build();
    }

    public DeleteMessageBatchResponse deleteMessageBatch(RequestContext context, DeleteMessageBatchRequest request) {
        SqsState state = states.get(context);
        String name = state.require(QueueUrls.queueName(context, request.queueUrl())).name();
        List<DeleteMessageBatchRequestEntry> entries = request.hasEntries() ? request.entries() : List.of();
        checkBatch(entries, DeleteMessageBatchRequestEntry::id, "DeleteMessageBatchRequestEntry");
        List<DeleteMessageBatchResultEntry> successful = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (DeleteMessageBatchRequestEntry entry : entries) {
            try {
                store.delete(state, name, entry.receiptHandle());
                successful.add(DeleteMessageBatchResultEntry.builder().id(entry.id()).build());
            } catch (AwsServiceException e) {
                failed.add(failure(context, entry.id(), e));
            }
        }
        return DeleteMessageBatchResponse.builder().successful(successful).failed(failed).build();
    }

    public ChangeMessageVisibilityResponse changeMessageVisibility(RequestContext context,
                                                                   ChangeMessageVisibilityRequest request) {
        SqsState state = states.get(context);
        String name = state.require(QueueUrls.queueName(context, request.queueUrl())).name();
        changeVisibility(context, state, name, request.receiptHandle(), request.visibilityTimeout());
        return ChangeMessageVisibilityResponse.builder().build();
    }

    public ChangeMessageVisibilityBatchResponse changeMessageVisibilityBatch(
            RequestContext context, ChangeMessageVisibilityBatchRequest request) {
        SqsState state = states.get(context);
        String name = state.require(QueueUrls.queueName(context, request.queueUrl())).name();
        List<ChangeMessageVisibilityBatchRequestEntry> entries = request.hasEntries() ? request.entries() : List.of();
        checkBatch(entries, ChangeMessageVisibilityBatchRequestEntry::id, "ChangeMessageVisibilityBatchRequestEntry");
        List<ChangeMessageVisibilityBatchResultEntry> successful = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (ChangeMessageVisibilityBatchRequestEntry entry : entries) {
            try {
                changeVisibility(context, state, name, entry.receiptHandle(), entry.visibilityTimeout());
                successful.add(ChangeMessageVisibilityBatchResultEntry.builder().id(entry.id()).build());
            } catch (AwsServiceException e) {
                failed.add(failure(context, entry.id(), e));
            }
        }
        return ChangeMessageVisibilityBatchResponse.builder().successful(successful).failed(failed).build();
    }

    private void changeVisibility(RequestContext context, SqsState state, String queue, String receipt,
                                  Integer timeout) {
        if (timeout == null) {
            throw SqsErrors.missingParameter("VisibilityTimeout");
        }
        if (!QueueAttributes.inRange("VisibilityTimeout", timeout)) {
            throw SqsErrors.invalidValue(timeout, "VisibilityTimeout", "Must be >= 0 and <= 43200, if provided.");
        }
        store.changeVisibility(state, queue, receipt, timeout, context.now().toEpochMilli());
    }

    // ---- batches -------------------------------------------------------------------------------------------

    private static <E> void checkBatch(List<E> entries, Function<E, String> id, String entryName) {
        if (entries.isEmpty()) {
            throw SqsErrors.emptyBatchRequest(entryName);
        }
        if (entries.size() > MAX_BATCH) {
            throw SqsErrors.tooManyEntriesInBatchRequest(entries.size());
        }
        Set<String> seen = new HashSet<>();
        for (E entry : entries) {
            String entryId = id.apply(entry);
            if (entryId == null || !BATCH_ID.matcher(entryId).matches()) {
                throw SqsErrors.invalidBatchEntryId();
            }
            if (!seen.add(entryId)) {
                throw SqsErrors.batchEntryIdsNotDistinct(entryId);
            }
        }
    }

    /** A failed entry, with the code the client's protocol knows the error by. */
    private static BatchResultErrorEntry failure(RequestContext context, String id, AwsServiceException error) {
        return BatchResultErrorEntry.builder().id(id).senderFault(error.senderFault())
                .code(context.service().queryErrorCode(error.code())).message(error.getMessage()).build();
    }
}
