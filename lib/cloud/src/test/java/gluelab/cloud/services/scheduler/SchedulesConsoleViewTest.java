package gluelab.cloud.services.scheduler;

import static gluelab.cloud.testing.ConsolePages.field;
import static gluelab.cloud.testing.ConsolePages.page;
import static gluelab.cloud.testing.ConsolePages.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.cloud.testing.TestRoles;
import java.net.http.HttpRequest;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Schedules and queues in the web console, and the console's one control: advancing the lab clock (the admin route
 * the page's button calls) fires a due schedule, whose message then shows in the queue's depth.
 */
class SchedulesConsoleViewTest {

    private static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:console-ticks";

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void advancingTheClockFiresAScheduleAndTheQueueItFeedsShowsTheMessage() {
        String role;
        try (IamClient iam = cloud.client(IamClient.builder())) {
            role = TestRoles.createSchedulerRole(iam, "ConsoleTicks", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage",\
                    "Resource":"%s"}]}""".formatted(QUEUE));
        }
        try (SchedulerClient scheduler = cloud.client(SchedulerClient.builder());
             SqsClient sqs = cloud.client(SqsClient.builder())) {
            sqs.createQueue(r -> r.queueName("console-ticks"));
            String at = "at(" + LabAdmin.now(cloud).plusSeconds(600).truncatedTo(ChronoUnit.SECONDS).toString()
                    .replace("Z", "") + ")";
            scheduler.createSchedule(r -> r.name("console-tick").scheduleExpression(at)
                    .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                    .target(t -> t.arn(QUEUE).roleArn(role).input("{\"tick\":1}")));

            JsonNode schedules = page(cloud, "scheduler");
            assertThat(rows(schedules, "Schedules")).containsExactly(
                    List.of("console-tick", "default", "ENABLED", QUEUE, rows(schedules, "Schedules").get(0).get(4)));
            JsonNode schedule = page(cloud, "scheduler/schedules/default/console-tick");
            assertThat(field(schedule, "Schedule", "Expression")).isEqualTo(at);
            assertThat(queueRow().subList(0, 4)).containsExactly("console-ticks", "0", "0", "0");

            JsonNode advanced = LabAdmin.json(cloud.http(cloud.request("/_lab/clock/advance")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"duration\":\"PT1H\"}"))));

            assertThat(advanced.get("fired").toString()).contains("console-tick");
            assertThat(queueRow().get(1)).isEqualTo("1");
        }
    }

    private static List<String> queueRow() {
        return rows(page(cloud, "sqs"), "Queues").stream().filter(row -> row.get(0).equals("console-ticks"))
                .findFirst().orElseThrow();
    }
}
