package gluelab.cloud.services.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.cloud.testing.TestRoles;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * SQS and EventBridge Scheduler: the templated SQS target sends the schedule's input as a message, and a dead-letter
 * queue receives what was given up on, with Scheduler's message attributes, both as the schedule's role.
 */
class ScheduleSqsTargetsTest {

    private static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:scheduled";
    private static final String DEAD_LETTERS = "arn:aws:sqs:us-east-1:000000000000:schedule-dead-letters";

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static SchedulerClient scheduler;
    static SqsClient sqs;
    static String maySend;

    @BeforeAll
    static void clients() {
        scheduler = cloud.client(SchedulerClient.builder());
        sqs = cloud.client(SqsClient.builder());
        try (IamClient iam = cloud.client(IamClient.builder())) {
            maySend = TestRoles.createSchedulerRole(iam, "SendsToQueues", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage",\
                    "Resource":["%s","%s"]}]}""".formatted(QUEUE, DEAD_LETTERS));
        }
    }

    @AfterAll
    static void close() {
        scheduler.close();
        sqs.close();
    }

    private static String at(Instant when) {
        return "at(" + when.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "") + ")";
    }

    @Test
    void aScheduleSendsItsInputToAQueueAsItsRole() {
        String url = sqs.createQueue(r -> r.queueName("scheduled")).queueUrl();
        scheduler.createSchedule(r -> r.name("to-queue").scheduleExpression(at(LabAdmin.now(cloud).plusSeconds(300)))
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(QUEUE).roleArn(maySend).input("{\"report\":\"daily\"}")));

        LabAdmin.advanceClock(cloud, Duration.ofMinutes(10));

        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(10)).messages();
        assertThat(messages).extracting(Message::body).containsExactly("{\"report\":\"daily\"}");
    }

    @Test
    void whatAScheduleGaveUpOnGoesToItsDeadLetterQueueWithSchedulersAttributes() {
        String url = sqs.createQueue(r -> r.queueName("schedule-dead-letters")).queueUrl();
        scheduler.createSchedule(r -> r.name("to-missing").scheduleExpression(at(LabAdmin.now(cloud).plusSeconds(300)))
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn("arn:aws:sqs:us-east-1:000000000000:no-such-queue").roleArn(maySend)
                        .input("{\"n\":1}").retryPolicy(p -> p.maximumRetryAttempts(0))
                        .deadLetterConfig(d -> d.arn(DEAD_LETTERS))));

        LabAdmin.advanceClock(cloud, Duration.ofMinutes(10));

        Message dead = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(10).messageAttributeNames("All"))
                .messages().get(0);
        assertThat(dead.body()).isEqualTo("{\"n\":1}");
        // The role may send to two queues only: IAM refuses the third before SQS looks for it, as on AWS.
        assertThat(dead.messageAttributes().get("ERROR_CODE").stringValue()).isEqualTo("AccessDeniedException");
        assertThat(dead.messageAttributes().get("SCHEDULE_ARN").stringValue())
                .isEqualTo("arn:aws:scheduler:us-east-1:000000000000:schedule/default/to-missing");
        assertThat(dead.messageAttributes().get("RETRY_ATTEMPTS").stringValue()).isEqualTo("0");
    }
}
