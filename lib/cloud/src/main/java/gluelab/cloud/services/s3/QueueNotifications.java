package gluelab.cloud.services.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.events.LabEvent;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.s3.storage.BucketRecord;
import gluelab.cloud.services.s3.storage.EventNotifyingObjectStore;
import gluelab.cloud.services.s3.storage.ObjectStore;
import gluelab.cloud.state.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * S3's notifications to SQS queues: each object created or removed in a bucket whose QueueConfigurations want that
 * event (and whose key passes the prefix and suffix rules) is sent to the queue as S3's event message
 * ({@code Records[]}, eventVersion 2.1), and saving a configuration sends each queue the {@code s3:TestEvent}
 * message first. S3 sends as {@code s3.amazonaws.com} for the bucket, so the queue's policy decides, as on AWS.
 */
final class QueueNotifications {

    static final String SERVICE_PRINCIPAL = "s3.amazonaws.com";
    private static final Logger LOG = Logger.getLogger(QueueNotifications.class.getName());
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ISO_INSTANT;
    private static final Map<String, String> CREATED = Map.of("PutObject", "ObjectCreated:Put",
            "CopyObject", "ObjectCreated:Copy", "CompleteMultipartUpload", "ObjectCreated:CompleteMultipartUpload");
    private static final Map<String, String> REMOVED = Map.of("Permanently Deleted", "ObjectRemoved:Delete",
            "Delete Marker Created", "ObjectRemoved:DeleteMarkerCreated");

    private final InternalCalls internal;
    private final ObjectStore store;

    QueueNotifications(InternalCalls internal, ObjectStore store) {
        this.internal = internal;
        this.store = store;
    }

    /**
     * Sends the {@code s3:TestEvent} message to the queue, as S3 does when a configuration is saved: how S3 learns
     * that the queue exists and lets it send.
     *
     * @throws AwsServiceException InvalidArgument "Unable to validate the following destination configurations"
     */
    void sendTestEvent(BucketRecord bucket, String queueArn, String requestId, Instant now) {
        ObjectNode test = Json.object();
        test.put("Service", "Amazon S3");
        test.put("Event", "s3:TestEvent");
        test.put("Time", EVENT_TIME.format(now.truncatedTo(ChronoUnit.MILLIS)));
        test.put("Bucket", bucket.name());
        test.put("RequestId", requestId);
        test.put("HostId", hostId(requestId));
        try {
            send(bucket.name(), queueArn, test.toString());
        } catch (AwsServiceException refused) {
            throw S3Errors.invalidArgument("Unable to validate the following destination configurations", queueArn,
                    "Permissions on the destination queue do not allow S3 to publish notifications from this bucket");
        }
    }

    /** Delivers an object's creation or removal to the queues of its bucket's configuration that want it. */
    void deliver(LabEvent event) {
        if (!event.service().equals("s3") || !LabEvent.EVENT.equals(event.kind())) {
            return;
        }
        JsonNode detail = event.detail();
        String eventName = event.name().equals(EventNotifyingObjectStore.OBJECT_CREATED)
                ? CREATED.get(detail.path("reason").asText())
                : event.name().equals(EventNotifyingObjectStore.OBJECT_DELETED)
                ? REMOVED.get(detail.path("deletion-type").asText()) : null;
        String bucketName = detail.path("bucket").path("name").asText();
        BucketRecord bucket = store.bucket(bucketName).orElse(null);
        if (eventName == null || bucket == null) {
            return;
        }
        NotificationConfiguration configuration = store.notificationConfiguration(bucketName).orElse(null);
        if (configuration == null || !configuration.hasQueueConfigurations()) {
            return;
        }
        String key = detail.path("object").path("key").asText();
        for (QueueConfiguration queue : configuration.queueConfigurations()) {
            if (wants(queue, eventName, key)) {
                String message = record(event, bucket, eventName, queue.id());
                try {
                    send(bucketName, queue.queueArn(), message);
                } catch (RuntimeException e) {
                    // S3 drops what a queue refuses after the configuration was saved, as on AWS.
                    LOG.log(Level.INFO, "S3 could not notify " + queue.queueArn() + ": " + e.getMessage());
                }
            }
        }
    }

    private static boolean wants(QueueConfiguration queue, String eventName, String key) {
        boolean event = queue.eventsAsStrings().stream().anyMatch(wanted -> wanted.equals("s3:" + eventName)
                || wanted.endsWith(":*") && ("s3:" + eventName).startsWith(wanted.substring(0, wanted.length() - 1)));
        if (!event) {
            return false;
        }
        List<FilterRule> rules = queue.filter() == null || queue.filter().key() == null ? List.of()
                : queue.filter().key().filterRules();
        for (FilterRule rule : rules) {
            String name = rule.nameAsString().toLowerCase(Locale.ROOT);
            if (name.equals("prefix") && !key.startsWith(rule.value())
                    || name.equals("suffix") && !key.endsWith(rule.value())) {
                return false;
            }
        }
        return true;
    }

    /** S3's event message for one record. */
    private static String record(LabEvent event, BucketRecord bucket, String eventName, String configurationId) {
        JsonNode detail = event.detail();
        JsonNode object = detail.path("object");
        ObjectNode message = Json.object();
        ObjectNode record = message.putArray("Records").addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", bucket.region());
        record.put("eventTime", EVENT_TIME.format(event.time().truncatedTo(ChronoUnit.MILLIS)));
        record.put("eventName", eventName);
        record.putObject("userIdentity").put("principalId", "AWS:" + detail.path("requester").asText());
        record.putObject("requestParameters").put("sourceIPAddress", detail.path("source-ip-address").asText());
        String requestId = detail.path("request-id").asText();
        record.putObject("responseElements").put("x-amz-request-id", requestId).put("x-amz-id-2", hostId(requestId));
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", configurationId);
        ObjectNode bucketNode = s3.putObject("bucket");
        bucketNode.put("name", bucket.name());
        bucketNode.putObject("ownerIdentity").put("principalId", bucket.ownerAccount());
        bucketNode.put("arn", Arn.of("s3", "", "", bucket.name()).toString());
        ObjectNode objectNode = s3.putObject("object");
        objectNode.put("key", URLEncoder.encode(object.path("key").asText(), StandardCharsets.UTF_8)
                .replace("%2F", "/"));
        if (object.has("size")) {
            objectNode.put("size", object.path("size").asLong());
            objectNode.put("eTag", object.path("etag").asText().replace("\"", ""));
        }
        if (object.has("version-id")) {
            objectNode.put("versionId", object.path("version-id").asText());
        }
        objectNode.put("sequencer", object.path("sequencer").asText());
        return message.toString();
    }

    private void send(String bucket, String queueArn, String body) {
        Arn queue = Arn.parse(queueArn).orElseThrow();
        internal.callAsService("sqs", new Scope(queue.account(), queue.region()), SERVICE_PRINCIPAL,
                Arn.of("s3", "", "", bucket), SendMessageRequest.builder()
                        .queueUrl("/" + queue.account() + "/" + queue.resource()).messageBody(body).build());
    }

    /** S3's extended request id, which it answers alongside the request id. */
    private static String hostId(String requestId) {
        return java.util.Base64.getEncoder().encodeToString(("lab-cloud/" + requestId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
