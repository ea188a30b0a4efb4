package gluelab.cloud.services.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.Await;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.cloud.testing.TestRoles;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;

/**
 * Schedules firing on the lab clock, each fire writing one log event through a universal target
 * ({@code cloudwatchlogs:putLogEvents}) whose message is the fire's {@code <aws.scheduler.scheduled-time>}: so what
 * fired, and when, is read back from CloudWatch Logs.
 */
class ScheduleFiringTest {

    private static final String PUT_LOG_EVENTS = "arn:aws:scheduler:::aws-sdk:cloudwatchlogs:putLogEvents";
    private static final AtomicInteger STREAMS = new AtomicInteger();

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static SchedulerClient scheduler;
    static CloudWatchLogsClient logs;
    static String role;

    @BeforeAll
    static void clients() {
        scheduler = cloud.client(SchedulerClient.builder());
        logs = cloud.client(CloudWatchLogsClient.builder());
        logs.createLogGroup(r -> r.logGroupName("/lab/fires"));
        try (IamClient iam = cloud.client(IamClient.builder())) {
            role = TestRoles.createSchedulerRole(iam, "FiringTestRole", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:PutLogEvents",\
                    "Resource":"arn:aws:logs:us-east-1:000000000000:log-group:/lab/fires:*"}]}""");
        }
    }

    @AfterAll
    static void close() {
        scheduler.close();
        logs.close();
    }

    /** A schedule whose every fire writes its scheduled time to a log stream of its own, which it returns. */
    private static String logStreamFor(CreateScheduleRequest.Builder request) {
        String stream = "stream-" + STREAMS.incrementAndGet();
        logs.createLogStream(r -> r.logGroupName("/lab/fires").logStreamName(stream));
        long timestamp = LabAdmin.now(cloud).toEpochMilli();
        scheduler.createSchedule(request.flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(PUT_LOG_EVENTS).roleArn(role).input("""
                        {"logGroupName":"/lab/fires","logStreamName":"%s",\
                        "logEvents":[{"timestamp":%d,"message":"<aws.scheduler.scheduled-time>"}]}"""
                        .formatted(stream, timestamp))).build());
        return stream;
    }

    private static List<Instant> firesLoggedIn(String stream) {
        return logs.getLogEvents(r -> r.logGroupName("/lab/fires").logStreamName(stream).startFromHead(true)).events()
                .stream().map(OutputLogEvent::message).map(Instant::parse).sorted().toList();
    }

    @Test
    void aCronScheduleFiresOncePerFireTimeInTheAdvancedWindowInOrder() {
        Instant created = LabAdmin.now(cloud);
        String stream = logStreamFor(CreateScheduleRequest.builder().name("every-5").scheduleExpression("cron(0/5 * * * ? *)"));

        JsonNode advance = LabAdmin.advanceClock(cloud, Duration.ofMinutes(30));

        // Real time passes too: a fire time between the creation and the advance fires on its own.
        List<Instant> marks = marksBetween(created, Instant.parse(advance.path("to").asText()), Duration.ofMinutes(5));
        assertThat(marks).hasSizeGreaterThanOrEqualTo(6);
        assertThat(firesLoggedIn(stream)).containsExactlyElementsOf(marks);
        assertThat(LabAdmin.events(cloud, "scheduler", SchedulerTimeline.INVOKED).stream()
                .filter(e -> e.path("resource").asText().equals("default/every-5"))).hasSize(marks.size());

        scheduler.updateSchedule(r -> r.name("every-5").scheduleExpression("cron(0/5 * * * ? *)").state(ScheduleState.DISABLED)
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF)).target(t -> t.arn(PUT_LOG_EVENTS).roleArn(role)));
        LabAdmin.advanceClock(cloud, Duration.ofMinutes(30));
        assertThat(firesLoggedIn(stream)).as("nothing fires while disabled").hasSize(marks.size());
        scheduler.deleteSchedule(r -> r.name("every-5"));
    }

    @Test
    void aRateScheduleFiresAtOnceAndThenOncePerPeriod() {
        String stream = logStreamFor(CreateScheduleRequest.builder().name("every-10").scheduleExpression("rate(10 minutes)"));
        Instant start = scheduler.getSchedule(r -> r.name("every-10")).lastModificationDate();

        awaitLogged(stream, 1);
        LabAdmin.advanceClockTo(cloud, start.plus(Duration.ofMinutes(30)).plusSeconds(1));

        assertThat(firesLoggedIn(stream)).containsExactly(seconds(start), seconds(start.plus(Duration.ofMinutes(10))),
                seconds(start.plus(Duration.ofMinutes(20))), seconds(start.plus(Duration.ofMinutes(30))));
        scheduler.deleteSchedule(r -> r.name("every-10"));
    }

    @Test
    void aStartDateAndAnEndDateBoundTheFires() {
        Instant now = LabAdmin.now(cloud);
        Instant start = now.plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        String stream = logStreamFor(CreateScheduleRequest.builder().name("bounded").scheduleExpression("rate(5 minutes)")
                .startDate(start).endDate(start.plus(Duration.ofMinutes(20))));

        LabAdmin.advanceClockTo(cloud, start.plus(Duration.ofMinutes(40)));

        assertThat(firesLoggedIn(stream)).as("from the start, and never at or after the end")
                .containsExactly(start, start.plus(Duration.ofMinutes(5)), start.plus(Duration.ofMinutes(10)),
                        start.plus(Duration.ofMinutes(15)));
        scheduler.deleteSchedule(r -> r.name("bounded"));
    }

    @Test
    void aOneTimeScheduleFiresOnceAndDeletesItselfWhenItsActionAfterCompletionIsDelete() {
        Instant at = LabAdmin.now(cloud).plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        String expression = "at(" + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC)) + ")";
        String deleting = logStreamFor(CreateScheduleRequest.builder().name("once-and-gone").scheduleExpression(expression)
                .actionAfterCompletion(ActionAfterCompletion.DELETE));
        String keeping = logStreamFor(CreateScheduleRequest.builder().name("once-and-kept").scheduleExpression(expression));

        LabAdmin.advanceClock(cloud, Duration.ofMinutes(30));

        assertThat(firesLoggedIn(deleting)).containsExactly(at);
        assertThat(firesLoggedIn(keeping)).containsExactly(at);
        assertThatThrownBy(() -> scheduler.getSchedule(r -> r.name("once-and-gone")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(LabAdmin.events(cloud, "scheduler", SchedulerTimeline.DELETED)).extracting(e -> e.path("resource").asText())
                .contains("default/once-and-gone");
        assertThat(scheduler.getSchedule(r -> r.name("once-and-kept")).state()).isEqualTo(ScheduleState.ENABLED);
        scheduler.deleteSchedule(r -> r.name("once-and-kept"));
    }

    @Test
    void aOneTimeScheduleWhoseTimeHasPassedFiresAtOnce() {
        String stream = logStreamFor(CreateScheduleRequest.builder().name("already-due")
                .scheduleExpression("at(2020-01-01T00:00:00)").actionAfterCompletion(ActionAfterCompletion.DELETE));

        awaitLogged(stream, 1);

        assertThatThrownBy(() -> scheduler.getSchedule(r -> r.name("already-due"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aCronInATimeZoneFiresOnThatZonesWallClock() {
        Instant now = LabAdmin.now(cloud);
        // 08:00 in Kolkata (UTC+05:30, no daylight saving time) is 02:30 UTC.
        Instant next = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofMinutes(150));
        Instant expected = next.isAfter(now.plusSeconds(5)) ? next : next.plus(Duration.ofDays(1));
        String stream = logStreamFor(CreateScheduleRequest.builder().name("kolkata-morning")
                .scheduleExpression("cron(0 8 * * ? *)").scheduleExpressionTimezone("Asia/Kolkata"));

        LabAdmin.advanceClockTo(cloud, expected.plusSeconds(1));

        assertThat(firesLoggedIn(stream)).containsExactly(expected);
        scheduler.deleteSchedule(r -> r.name("kolkata-morning"));
    }

    @Test
    void aFlexibleWindowDeliversEachFireAtAFixedMomentInsideTheWindow() {
        String stream = "flexible";
        logs.createLogStream(r -> r.logGroupName("/lab/fires").logStreamName(stream));
        long timestamp = LabAdmin.now(cloud).toEpochMilli();
        scheduler.createSchedule(r -> r.name("flexible").scheduleExpression("cron(0 * * * ? *)")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.FLEXIBLE).maximumWindowInMinutes(15))
                .target(t -> t.arn(PUT_LOG_EVENTS).roleArn(role).input("""
                        {"logGroupName":"/lab/fires","logStreamName":"flexible",\
                        "logEvents":[{"timestamp":%d,"message":"<aws.scheduler.scheduled-time>"}]}""".formatted(timestamp))));

        LabAdmin.advanceClock(cloud, Duration.ofHours(3));

        List<JsonNode> fired = LabAdmin.events(cloud, "scheduler", SchedulerTimeline.FIRED).stream()
                .filter(e -> e.path("resource").asText().equals("default/flexible")).toList();
        List<JsonNode> invoked = LabAdmin.events(cloud, "scheduler", SchedulerTimeline.INVOKED).stream()
                .filter(e -> e.path("resource").asText().equals("default/flexible")).toList();
        assertThat(fired).hasSizeGreaterThanOrEqualTo(3).hasSameSizeAs(invoked);
        for (int i = 0; i < fired.size(); i++) {
            Instant scheduled = Instant.parse(fired.get(i).path("detail").path("scheduledTime").asText());
            Instant deliverAt = Instant.parse(fired.get(i).path("detail").path("deliverAt").asText());
            assertThat(deliverAt).isAfterOrEqualTo(scheduled).isBefore(scheduled.plus(Duration.ofMinutes(15)));
            assertThat(Instant.parse(invoked.get(i).path("time").asText())).as("delivered at the moment picked")
                    .isBetween(deliverAt, deliverAt.plusSeconds(1));
        }
        assertThat(firesLoggedIn(stream)).as("each delivery still names its fire time")
                .containsExactlyElementsOf(fired.stream().map(e -> Instant.parse(e.path("detail").path("scheduledTime").asText()))
                        .toList());
        scheduler.deleteSchedule(r -> r.name("flexible"));
    }

    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static List<Instant> marksBetween(Instant from, Instant to, Duration step) {
        List<Instant> marks = new ArrayList<>();
        long millis = step.toMillis();
        for (long t = (from.toEpochMilli() / millis + 1) * millis; t <= to.toEpochMilli(); t += millis) {
            marks.add(Instant.ofEpochMilli(t));
        }
        return marks;
    }

    private static void awaitLogged(String stream, int count) {
        Await.until(() -> firesLoggedIn(stream), fires -> fires.size() >= count, count + " fires in " + stream);
    }
}
