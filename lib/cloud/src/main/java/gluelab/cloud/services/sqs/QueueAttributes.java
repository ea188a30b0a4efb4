package gluelab.cloud.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.policy.MalformedPolicyException;
import gluelab.cloud.policy.PolicyDocument;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.state.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A queue's attributes as SQS knows them: which may be set (and their ranges and defaults), which are computed, and
 * which belong to FIFO queues only. Values are validated here, with SQS's wording.
 */
final class QueueAttributes {

    /** Integer attributes: their lowest value, highest value and default. */
    private record Range(int min, int max, int defaultValue) {
    }

    private static final Map<String, Range> RANGES = Map.of(
            "DelaySeconds", new Range(0, 900, 0),
            "MaximumMessageSize", new Range(1024, 1048576, 262144),
            "MessageRetentionPeriod", new Range(60, 1209600, 345600),
            "ReceiveMessageWaitTimeSeconds", new Range(0, 20, 0),
            "VisibilityTimeout", new Range(0, 43200, 30),
            "KmsDataKeyReusePeriodSeconds", new Range(60, 86400, 300));

    static final Set<String> FIFO_ONLY = Set.of("FifoQueue", "ContentBasedDeduplication", "DeduplicationScope",
            "FifoThroughputLimit");
    private static final Set<String> OTHER_SETTABLE = Set.of("Policy", "RedrivePolicy", "RedriveAllowPolicy",
            "KmsMasterKeyId", "SqsManagedSseEnabled");
    /** Attributes an empty value removes (SetQueueAttributes with {@code RedrivePolicy=""}). */
    static final Set<String> CLEARABLE = Set.of("Policy", "RedrivePolicy", "RedriveAllowPolicy", "KmsMasterKeyId");
    static final Set<String> COMPUTED = Set.of("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
            "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp", "LastModifiedTimestamp", "QueueArn");

    private QueueAttributes() {
    }

    /** The attributes of a new queue: {@code requested}, validated, over the defaults. */
    static Map<String, String> forNewQueue(String name, Map<String, String> requested, SqsState state) {
        boolean fifo = name.endsWith(".fifo");
        String fifoFlag = requested.get("FifoQueue");
        if (fifoFlag != null && !fifoFlag.equals(String.valueOf(fifo))) {
            if (!fifoFlag.equals("true") && !fifoFlag.equals("false")) {
                throw invalid("FifoQueue");
            }
            throw SqsErrors.invalidParameterValue(fifo
                    ? "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length"
                    : "The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, "
                    + "must end with .fifo suffix and be 1 to 80 in length.");
        }
        Map<String, String> attributes = new TreeMap<>();
        RANGES.forEach((key, range) -> {
            if (!key.equals("KmsDataKeyReusePeriodSeconds")) {
                attributes.put(key, String.valueOf(range.defaultValue()));
            }
        });
        attributes.put("SqsManagedSseEnabled", "true");
        if (fifo) {
            attributes.put("FifoQueue", "true");
            attributes.put("ContentBasedDeduplication", "false");
            attributes.put("DeduplicationScope", "queue");
            attributes.put("FifoThroughputLimit", "perQueue");
        }
        attributes.putAll(validated(fifo, requested, state, true));
        if (attributes.containsKey("KmsMasterKeyId")) {
            attributes.putIfAbsent("KmsDataKeyReusePeriodSeconds", "300");
            attributes.put("SqsManagedSseEnabled", requested.getOrDefault("SqsManagedSseEnabled", "false"));
        }
        return attributes;
    }

    /** {@code requested} checked name by name and value by value, as CreateQueue and SetQueueAttributes do. */
    static Map<String, String> validated(boolean fifo, Map<String, String> requested, SqsState state,
                                         boolean creating) {
        Map<String, String> valid = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : requested.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue() == null ? "" : entry.getValue();
            boolean known = RANGES.containsKey(key) || OTHER_SETTABLE.contains(key) || fifo && FIFO_ONLY.contains(key)
                    || key.equals("FifoQueue") && creating;
            if (!known) {
                throw SqsErrors.invalidAttributeName(key);
            }
            if (key.equals("FifoQueue") && !creating) {
                throw SqsErrors.invalidAttributeName(key);
            }
            Range range = RANGES.get(key);
            if (range != null) {
                int number;
                try {
                    number = Integer.parseInt(value.trim());
                } catch (NumberFormatException e) {
                    throw invalid(key);
                }
                if (number < range.min() || number > range.max()) {
                    throw invalid(key);
                }
                valid.put(key, String.valueOf(number));
                continue;
            }
            switch (key) {
                case "FifoQueue", "ContentBasedDeduplication", "SqsManagedSseEnabled" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw invalid(key);
                    }
                }
                case "DeduplicationScope" -> oneOf(key, value, "messageGroup", "queue");
                case "FifoThroughputLimit" -> oneOf(key, value, "perQueue", "perMessageGroupId");
                case "Policy" -> {
                    if (!value.isEmpty()) {
                        try {
                            PolicyDocument.parse(value, PolicyDocument.Kind.RESOURCE);
                        } catch (MalformedPolicyException | IllegalArgumentException e) {
                            throw invalid(key);
                        }
                    }
                }
                case "RedrivePolicy" -> {
                    if (!value.isEmpty()) {
                        checkRedrivePolicy(fifo, value, state);
                    }
                }
                case "RedriveAllowPolicy" -> {
                    if (!value.isEmpty()) {
                        checkRedriveAllowPolicy(value);
                    }
                }
                default -> {
                }
            }
            valid.put(key, value);
        }
        return valid;
    }

    /** The redrive policy's target and count, or null when the queue has none. */
    record Redrive(String deadLetterTargetArn, int maxReceiveCount) {

        static Redrive of(QueueRecord queue) {
            String policy = queue.attributes().get("RedrivePolicy");
            if (policy == null || policy.isEmpty()) {
                return null;
            }
            JsonNode json = parseJson(policy);
            return new Redrive(json.path("deadLetterTargetArn").asText(), json.path("maxReceiveCount").asInt());
        }

        String queueName() {
            return Arn.parse(deadLetterTargetArn).map(Arn::resource).orElse("");
        }
    }

    private static void checkRedrivePolicy(boolean fifo, String value, SqsState state) {
        JsonNode json;
        try {
            json = parseJson(value);
        } catch (RuntimeException e) {
            throw invalidRedrive("Redrive policy is not a valid JSON map.");
        }
        if (json == null || !json.isObject()) {
            throw invalidRedrive("Redrive policy is not a valid JSON map.");
        }
        JsonNode target = json.get("deadLetterTargetArn");
        JsonNode count = json.get("maxReceiveCount");
        if (target == null || count == null) {
            throw invalidRedrive("Redrive policy does not contain mandatory attribute: "
                    + (target == null ? "deadLetterTargetArn" : "maxReceiveCount") + ".");
        }
        int max;
        try {
            max = Integer.parseInt(count.asText().trim());
        } catch (NumberFormatException e) {
            throw invalidRedrive("Value " + count.asText() + " for parameter maxReceiveCount is invalid.");
        }
        if (max < 1 || max > 1000) {
            throw invalidRedrive("Value " + max + " for parameter maxReceiveCount is invalid. "
                    + "Reason: Must be an integer from 1 to 1000.");
        }
        Arn arn = Arn.parse(target.asText()).filter(a -> a.service().equals("sqs"))
                .orElseThrow(() -> invalidRedrive("Dead-letter target ARN is invalid: " + target.asText()));
        if (!arn.account().equals(state.scope.account()) || !arn.region().equals(state.scope.region())
                || state.find(arn.resource()).isEmpty()) {
            throw invalidRedrive("Dead letter target does not exist.");
        }
        if (arn.resource().endsWith(".fifo") != fifo) {
            throw invalidRedrive("Dead-letter queue must be same type of queue as the source.");
        }
    }

    private static void checkRedriveAllowPolicy(String value) {
        JsonNode json;
        try {
            json = parseJson(value);
        } catch (RuntimeException e) {
            throw invalid("RedriveAllowPolicy");
        }
        String permission = json == null ? "" : json.path("redrivePermission").asText();
        if (!Set.of("allowAll", "denyAll", "byQueue").contains(permission)) {
            throw SqsErrors.invalidAttributeValue("Invalid value for the parameter RedriveAllowPolicy. Reason: "
                    + "Amazon SQS can't create the redrive allow policy, as it's in an unsupported format.");
        }
    }

    private static JsonNode parseJson(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void oneOf(String key, String value, String... allowed) {
        if (!Set.of(allowed).contains(value)) {
            throw invalid(key);
        }
    }

    private static gluelab.cloud.provider.AwsServiceException invalid(String key) {
        return SqsErrors.invalidAttributeValue("Invalid value for the parameter " + key + ".");
    }

    private static gluelab.cloud.provider.AwsServiceException invalidRedrive(String reason) {
        return SqsErrors.invalidAttributeValue("Invalid value for the parameter RedrivePolicy. Reason: " + reason);
    }

    /** The integer attribute's range, for ReceiveMessage's own VisibilityTimeout and WaitTimeSeconds. */
    static boolean inRange(String key, int value) {
        Range range = RANGES.get(key);
        return value >= range.min() && value <= range.max();
    }
}
