package gluelab.cloud.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeNameException;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeValueException;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** Queues with SDK v2 (SQS's JSON protocol): create, find, list, attributes, purge, delete and tags. */
class SqsQueuesTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static SqsClient sqs;

    @BeforeAll
    static void clients() {
        sqs = cloud.client(SqsClient.builder());
    }

    @AfterAll
    static void closeClients() {
        sqs.close();
    }

    @Test
    void createQueueAnswersAUrlOfTheAccountAndNameThatGetQueueUrlAlsoAnswers() {
        String url = sqs.createQueue(r -> r.queueName("orders")).queueUrl();

        assertThat(url).isEqualTo(cloud.endpoint().toString().replaceAll("/$", "") + "/000000000000/orders");
        assertThat(sqs.getQueueUrl(r -> r.queueName("orders")).queueUrl()).isEqualTo(url);
        assertThat(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributesAsStrings()).containsExactly(Map.entry("QueueArn", "arn:aws:sqs:us-east-1:000000000000:orders"));
    }

    @Test
    void createQueueIsIdempotentForTheSameAttributesAndRefusesDifferentOnes() {
        String url = sqs.createQueue(r -> r.queueName("idem").attributesWithStrings(Map.of("VisibilityTimeout", "45")))
                .queueUrl();

        assertThat(sqs.createQueue(r -> r.queueName("idem").attributesWithStrings(Map.of("VisibilityTimeout", "45")))
                .queueUrl()).isEqualTo(url);
        assertThatThrownBy(() -> sqs.createQueue(r -> r.queueName("idem")
                .attributesWithStrings(Map.of("VisibilityTimeout", "46"))))
                .isInstanceOf(QueueNameExistsException.class)
                .hasMessageContaining("different value for attribute VisibilityTimeout")
                .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode())
                        .as("the Query code, from x-amzn-query-error").isEqualTo("QueueAlreadyExists"));
    }

    @Test
    void aNewQueueHasAwsDefaultsAndComputedAttributes() {
        String url = sqs.createQueue(r -> r.queueName("defaults")).queueUrl();

        Map<String, String> all = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributesAsStrings();
        assertThat(all).containsEntry("VisibilityTimeout", "30").containsEntry("DelaySeconds", "0")
                .containsEntry("MessageRetentionPeriod", "345600").containsEntry("MaximumMessageSize", "262144")
                .containsEntry("ReceiveMessageWaitTimeSeconds", "0").containsEntry("ApproximateNumberOfMessages", "0")
                .containsEntry("SqsManagedSseEnabled", "true").containsKeys("CreatedTimestamp",
                        "LastModifiedTimestamp", "ApproximateNumberOfMessagesNotVisible")
                .doesNotContainKey("FifoQueue");
    }

    @Test
    void badAttributeNamesAndValuesGetSqsErrors() {
        assertThatThrownBy(() -> sqs.createQueue(r -> r.queueName("bad")
                .attributesWithStrings(Map.of("VisibilityTimeout", "43201"))))
                .isInstanceOf(InvalidAttributeValueException.class)
                .hasMessageContaining("Invalid value for the parameter VisibilityTimeout");
        assertThatThrownBy(() -> sqs.createQueue(r -> r.queueName("bad")
                .attributesWithStrings(Map.of("ContentBasedDeduplication", "true"))))
                .isInstanceOf(InvalidAttributeNameException.class)
                .hasMessageContaining("Unknown Attribute ContentBasedDeduplication");
        assertThatThrownBy(() -> sqs.createQueue(r -> r.queueName("bad")
                .attributesWithStrings(Map.of("RedrivePolicy",
                        "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:nowhere\",\"maxReceiveCount\":3}"))))
                .isInstanceOf(InvalidAttributeValueException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> sqs.createQueue(r -> r.queueName("bad name!")))
                .isInstanceOf(SqsException.class).hasMessageContaining("alphanumeric")
                .satisfies(e -> assertThat(((SqsException) e).statusCode()).isEqualTo(400));
        String url = sqs.createQueue(r -> r.queueName("good")).queueUrl();
        assertThatThrownBy(() -> sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("Colour")))
                .isInstanceOf(InvalidAttributeNameException.class);
    }

    @Test
    void setQueueAttributesChangesWhatGetQueueAttributesAnswers() {
        String url = sqs.createQueue(r -> r.queueName("settable")).queueUrl();

        sqs.setQueueAttributes(r -> r.queueUrl(url).attributesWithStrings(Map.of("DelaySeconds", "5",
                "Policy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                        + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"arn:aws:sqs:us-east-1:000000000000:settable\"}]}")));

        Map<String, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNamesWithStrings("DelaySeconds", "Policy")).attributesAsStrings();
        assertThat(attributes).containsEntry("DelaySeconds", "5");
        assertThat(attributes.get("Policy")).contains("sqs:SendMessage");
    }

    @Test
    void listQueuesFiltersByPrefixAndPagesWithMaxResults() {
        for (String name : new String[] {"list-a", "list-b", "list-c", "other"}) {
            sqs.createQueue(r -> r.queueName(name));
        }

        assertThat(sqs.listQueues(r -> r.queueNamePrefix("list-")).queueUrls()).hasSize(3)
                .allSatisfy(url -> assertThat(url).contains("/000000000000/list-"));
        ListQueuesResponse first = sqs.listQueues(r -> r.queueNamePrefix("list-").maxResults(2));
        assertThat(first.queueUrls()).hasSize(2);
        assertThat(first.nextToken()).isNotNull();
        ListQueuesResponse second = sqs.listQueues(r -> r.queueNamePrefix("list-").maxResults(2)
                .nextToken(first.nextToken()));
        assertThat(second.queueUrls()).hasSize(1).allSatisfy(url -> assertThat(url).endsWith("/list-c"));
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void aSecondPurgeWithinSixtySecondsIsRefusedAndOneAMinuteLaterIsAllowed() {
        String url = sqs.createQueue(r -> r.queueName("purged")).queueUrl();
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("one"));

        sqs.purgeQueue(r -> r.queueUrl(url));

        assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).isEmpty();
        assertThatThrownBy(() -> sqs.purgeQueue(r -> r.queueUrl(url)))
                .isInstanceOf(PurgeQueueInProgressException.class).hasMessageContaining("every 60 seconds");
        LabAdmin.advanceClock(cloud, Duration.ofSeconds(61));
        sqs.purgeQueue(r -> r.queueUrl(url));
    }

    @Test
    void aDeletedQueueDoesNotExistAndItsNameWaitsAMinute() {
        String url = sqs.createQueue(r -> r.queueName("gone")).queueUrl();

        sqs.deleteQueue(r -> r.queueUrl(url));

        assertThatThrownBy(() -> sqs.getQueueUrl(r -> r.queueName("gone")))
                .isInstanceOf(QueueDoesNotExistException.class)
                .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode())
                        .isEqualTo("AWS.SimpleQueueService.NonExistentQueue"));
        assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(url).messageBody("x")))
                .isInstanceOf(QueueDoesNotExistException.class);
        assertThatThrownBy(() -> sqs.createQueue(r -> r.queueName("gone"))).isInstanceOf(SqsException.class)
                .hasMessageContaining("wait 60 seconds");
        LabAdmin.advanceClock(cloud, Duration.ofSeconds(61));
        assertThat(sqs.createQueue(r -> r.queueName("gone")).queueUrl()).isEqualTo(url);
    }

    @Test
    void tagsAreSetAtCreationAddedAndRemoved() {
        String url = sqs.createQueue(r -> r.queueName("tagged").tags(Map.of("team", "data"))).queueUrl();

        sqs.tagQueue(r -> r.queueUrl(url).tags(Map.of("env", "lab")));
        sqs.untagQueue(r -> r.queueUrl(url).tagKeys("team"));

        assertThat(sqs.listQueueTags(r -> r.queueUrl(url)).tags()).containsExactly(Map.entry("env", "lab"));
    }
}
