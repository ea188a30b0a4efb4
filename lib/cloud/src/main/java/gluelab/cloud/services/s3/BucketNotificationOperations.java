package gluelab.cloud.services.s3;

import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.s3.storage.BucketRecord;
import gluelab.cloud.services.s3.storage.ObjectStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfigurationFilter;
import software.amazon.awssdk.services.s3.model.PutBucketNotificationConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.TopicConfiguration;

/**
 * A bucket's notification configuration: EventBridge, SQS queues, Lambda functions and SNS topics, each
 * with the S3 event types and key filter it wants. S3 checks the event names and filter rules, and gives
 * every configuration an id if it has none.
 *
 * <p>Each SQS queue gets S3's {@code s3:TestEvent} message when the configuration is saved, which is how S3 checks
 * that the queue exists and its policy lets S3 send ({@link QueueNotifications}); the objects' events follow.
 * Lab Cloud differs from AWS in one place: SNS topics and Lambda functions are checked only for being ARNs of the
 * right service, and are sent nothing.
 */
public final class BucketNotificationOperations {

    private static final Set<String> EVENTS = Set.of(
            "s3:ObjectCreated:*", "s3:ObjectCreated:Put", "s3:ObjectCreated:Post", "s3:ObjectCreated:Copy",
            "s3:ObjectCreated:CompleteMultipartUpload",
            "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated",
            "s3:ObjectRestore:*", "s3:ObjectRestore:Post", "s3:ObjectRestore:Completed", "s3:ObjectRestore:Delete",
            "s3:ReducedRedundancyLostObject",
            "s3:Replication:*", "s3:Replication:OperationFailedReplication", "s3:Replication:OperationNotTracked",
            "s3:Replication:OperationMissedThreshold", "s3:Replication:OperationReplicatedAfterThreshold",
            "s3:ObjectTagging:*", "s3:ObjectTagging:Put", "s3:ObjectTagging:Delete",
            "s3:ObjectAcl:Put",
            "s3:LifecycleExpiration:*", "s3:LifecycleExpiration:Delete",
            "s3:LifecycleExpiration:DeleteMarkerCreated", "s3:LifecycleTransition",
            "s3:IntelligentTiering");

    private static final Pattern QUEUE_ARN = Pattern.compile("arn:aws[a-z-]*:sqs:[a-z0-9-]+:\\d{12}:[\\w-]{1,80}(\\.fifo)?");
    private static final Pattern TOPIC_ARN = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[\\w-]{1,256}(\\.fifo)?");
    private static final Pattern FUNCTION_ARN = Pattern.compile(
            "arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[\\w-]{1,64}(:[\\w$-]+)?");

    private final ObjectStore store;
    private final BucketAccess access;
    private final QueueNotifications queueNotifications;

    BucketNotificationOperations(ObjectStore store, BucketAccess access, QueueNotifications queueNotifications) {
        this.store = store;
        this.access = access;
        this.queueNotifications = queueNotifications;
    }

    public PutBucketNotificationConfigurationResponse putBucketNotificationConfiguration(
            RequestContext context, PutBucketNotificationConfigurationRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        NotificationConfiguration given = request.notificationConfiguration();
        if (given == null) {
            throw S3Errors.malformedXml();
        }
        List<TopicConfiguration> topics = new ArrayList<>();
        for (TopicConfiguration topic : given.topicConfigurations()) {
            check(topic.topicArn(), TOPIC_ARN, topic.eventsAsStrings(), topic.filter());
            topics.add(topic.toBuilder().id(idOf(topic.id())).build());
        }
        List<QueueConfiguration> queues = new ArrayList<>();
        for (QueueConfiguration queue : given.queueConfigurations()) {
            check(queue.queueArn(), QUEUE_ARN, queue.eventsAsStrings(), queue.filter());
            queues.add(queue.toBuilder().id(idOf(queue.id())).build());
        }
        List<LambdaFunctionConfiguration> functions = new ArrayList<>();
        for (LambdaFunctionConfiguration function : given.lambdaFunctionConfigurations()) {
            check(function.lambdaFunctionArn(), FUNCTION_ARN, function.eventsAsStrings(), function.filter());
            functions.add(function.toBuilder().id(idOf(function.id())).build());
        }
        NotificationConfiguration stored = NotificationConfiguration.builder()
                .topicConfigurations(topics.isEmpty() ? null : topics)
                .queueConfigurations(queues.isEmpty() ? null : queues)
                .lambdaFunctionConfigurations(functions.isEmpty() ? null : functions)
                .eventBridgeConfiguration(given.eventBridgeConfiguration())
                .build();
        for (QueueConfiguration queue : queues) {
            queueNotifications.sendTestEvent(bucket, queue.queueArn(), context.requestId(), context.now());
        }
        store.putNotificationConfiguration(bucket.name(), stored);
        return PutBucketNotificationConfigurationResponse.builder().build();
    }

    public GetBucketNotificationConfigurationResponse getBucketNotificationConfiguration(
            RequestContext context, GetBucketNotificationConfigurationRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        NotificationConfiguration stored = store.notificationConfiguration(bucket.name()).orElse(null);
        if (stored == null) {
            return GetBucketNotificationConfigurationResponse.builder().build();
        }
        return GetBucketNotificationConfigurationResponse.builder()
                .topicConfigurations(stored.hasTopicConfigurations() ? stored.topicConfigurations() : null)
                .queueConfigurations(stored.hasQueueConfigurations() ? stored.queueConfigurations() : null)
                .lambdaFunctionConfigurations(stored.hasLambdaFunctionConfigurations()
                        ? stored.lambdaFunctionConfigurations() : null)
                .eventBridgeConfiguration(stored.eventBridgeConfiguration())
                .build();
    }

    private static String idOf(String given) {
        return given == null || given.isEmpty() ? UUID.randomUUID().toString() : given;
    }

    private static void check(String arn, Pattern arnShape, List<String> events, NotificationConfigurationFilter filter) {
        if (arn == null || events == null || events.isEmpty()) {
            throw S3Errors.malformedXml();
        }
        if (!arnShape.matcher(arn).matches()) {
            throw S3Errors.invalidArgument("Unable to validate the following destination configurations", arn,
                    "The destination ARN is not valid");
        }
        for (String event : events) {
            if (!EVENTS.contains(event)) {
                throw S3Errors.invalidArgument("The event is not supported for notifications", "Event", event);
            }
        }
        if (filter == null || filter.key() == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (FilterRule rule : filter.key().filterRules()) {
            String name = rule.nameAsString() == null ? "" : rule.nameAsString().toLowerCase(Locale.ROOT);
            if (!name.equals("prefix") && !name.equals("suffix")) {
                throw S3Errors.invalidArgument("filter rule name must be either prefix or suffix", "FilterRule.Name",
                        rule.nameAsString());
            }
            if (!seen.add(name)) {
                throw S3Errors.invalidArgument("Cannot specify more than one " + name + " rule in a filter.",
                        "FilterRule.Name", rule.nameAsString());
            }
            if (rule.value() == null || rule.value().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 1024) {
                throw S3Errors.invalidArgument("The " + name + " rule value is not valid.", "FilterRule.Value",
                        rule.value());
            }
        }
    }
}
