package gluelab.cloud.services.scheduler;

import static gluelab.cloud.services.glue.jobs.GlueLabSupport.sparkJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.services.glue.jobs.GlueLabSupport;
import gluelab.cloud.services.glue.worker.DisabledExecutor;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.cloud.testing.TestRoles;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.Target;
import software.amazon.awssdk.services.scheduler.model.ValidationException;

/**
 * What a schedule's target does when it fires: a universal target makes its API call as the schedule's role, so
 * {@code glue:startJobRun} starts a real run (in this Lab Cloud without the Glue worker the run exists and fails
 * saying the worker is off), and IAM refuses it to a role that may not start the job; failed deliveries are
 * retried on the lab clock and then dead-lettered.
 */
class ScheduleTargetsTest {

    private static final String START_JOB_RUN = "arn:aws:scheduler:::aws-sdk:glue:startJobRun";
    private static final String DEAD_LETTERS = "arn:aws:sqs:us-east-1:000000000000:schedule-dlq";

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory().withGlueRoles();
    static SchedulerClient scheduler;
    static GlueClient glue;
    static String mayStartEtl;
    static String mayOnlyLog;

    @BeforeAll
    static void clients() {
        scheduler = cloud.client(SchedulerClient.builder());
        glue = cloud.client(GlueClient.builder());
        try (IamClient iam = cloud.client(IamClient.builder())) {
            mayStartEtl = TestRoles.createSchedulerRole(iam, "StartsEtl", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"glue:StartJobRun",\
                    "Resource":"arn:aws:glue:us-east-1:000000000000:job/lab19-etl"}]}""");
            mayOnlyLog = TestRoles.createSchedulerRole(iam, "OnlyLogs", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"*"}]}""");
        }
        glue.createJob(sparkJob("lab19-etl", "com.example.Etl").build());
    }

    @AfterAll
    static void close() {
        scheduler.close();
        glue.close();
    }

    @Test
    void aUniversalTargetStartsAGlueJobRunAsTheSchedulesRole() {
        Instant at = inMinutes(5);
        scheduler.createSchedule(r -> r.name("start-etl").scheduleExpression(atExpression(at))
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(START_JOB_RUN).roleArn(mayStartEtl)
                        .input("{\"JobName\":\"lab19-etl\",\"Arguments\":{\"--run_at\":\"<aws.scheduler.scheduled-time>\"}}")));
        assertThat(glue.getJobRuns(r -> r.jobName("lab19-etl")).jobRuns()).as("nothing before the fire time").isEmpty();

        LabAdmin.advanceClock(cloud, Duration.ofMinutes(10));

        List<JobRun> runs = GlueLabSupport.awaitRuns(glue, "lab19-etl", 1);
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.arguments()).containsEntry("--run_at", at.toString());
            assertThat(run.jobRunState()).isEqualTo(JobRunState.FAILED);
            assertThat(run.errorMessage()).isEqualTo(DisabledExecutor.MESSAGE);
        });
        assertThat(schedulerEvents(SchedulerTimeline.INVOKED, "default/start-etl")).hasSize(1);
    }

    @Test
    void aRoleThatMayNotStartTheJobIsDeniedRetriedAndDeadLettered() {
        Instant at = inMinutes(5);
        scheduler.createSchedule(r -> r.name("denied-etl").scheduleExpression(atExpression(at))
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(START_JOB_RUN).roleArn(mayOnlyLog).input("{\"JobName\":\"lab19-etl\"}")
                        .retryPolicy(p -> p.maximumRetryAttempts(2).maximumEventAgeInSeconds(3600))
                        .deadLetterConfig(d -> d.arn(DEAD_LETTERS))));
        int runsBefore = glue.getJobRuns(r -> r.jobName("lab19-etl")).jobRuns().size();

        LabAdmin.advanceClock(cloud, Duration.ofMinutes(20));

        List<JsonNode> failures = schedulerEvents(SchedulerTimeline.FAILED, "default/denied-etl");
        assertThat(failures).as("the first attempt and two retries").hasSize(3).allSatisfy(failure -> {
            assertThat(failure.path("detail").path("errorCode").asText()).isEqualTo("AccessDeniedException");
            assertThat(failure.path("detail").path("errorMessage").asText())
                    .contains("assumed-role/OnlyLogs/").contains("is not authorized to perform: glue:StartJobRun");
        });
        assertThat(failures).extracting(f -> f.path("detail").path("attemptNumber").asInt()).containsExactly(1, 2, 3);
        Instant firstRetry = Instant.parse(failures.get(0).path("detail").path("nextAttemptAt").asText());
        Instant secondRetry = Instant.parse(failures.get(1).path("detail").path("nextAttemptAt").asText());
        assertThat(firstRetry).as("the first retry 30 seconds after the fire").isBetween(at.plusSeconds(30), at.plusSeconds(31));
        assertThat(secondRetry).as("the second 60 seconds after that").isBetween(at.plusSeconds(90), at.plusSeconds(92));
        assertThat(Instant.parse(failures.get(1).path("time").asText())).isAfterOrEqualTo(firstRetry);
        assertThat(Instant.parse(failures.get(2).path("time").asText())).isAfterOrEqualTo(secondRetry);
        assertThat(failures.get(2).path("detail").path("finalAttempt").asBoolean()).isTrue();
        assertThat(schedulerEvents(SchedulerTimeline.DEAD_LETTERED, "default/denied-etl")).singleElement().satisfies(dead -> {
            JsonNode detail = dead.path("detail");
            assertThat(detail.path("deadLetterQueueArn").asText()).isEqualTo(DEAD_LETTERS);
            assertThat(detail.path("messageBody").asText()).isEqualTo("{\"JobName\":\"lab19-etl\"}");
            assertThat(detail.path("messageAttributes").path("ERROR_CODE").asText()).isEqualTo("AccessDeniedException");
            assertThat(detail.path("messageAttributes").path("RETRY_ATTEMPTS").asText()).isEqualTo("2");
            assertThat(detail.path("messageAttributes").path("SCHEDULE_ARN").asText())
                    .isEqualTo("arn:aws:scheduler:us-east-1:000000000000:schedule/default/denied-etl");
            assertThat(detail.path("messageAttributes").path("TARGET_ARN").asText()).isEqualTo(START_JOB_RUN);
            assertThat(detail.path("messageAttributes").path("EXECUTION_ID").asText()).matches("[0-9a-f]{32}");
        });
        assertThat(glue.getJobRuns(r -> r.jobName("lab19-etl")).jobRuns()).as("no run was started").hasSize(runsBefore);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arn:aws:scheduler:::aws-sdk:glue:getJobRun", "arn:aws:scheduler:::aws-sdk:s3:listBuckets",
            "arn:aws:scheduler:::aws-sdk:sqs:receiveMessage", "arn:aws:scheduler:::aws-sdk:glue:batchGetJobs",
            "arn:aws:scheduler:::aws-sdk:cloudwatchlogs:describeLogGroups"})
    void aReadOnlyUniversalTargetIsRefusedAsAwsRefusesIt(String readOnly) {
        assertThatThrownBy(() -> scheduler.createSchedule(r -> r.name("read-only").scheduleExpression("rate(1 hour)")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(readOnly).roleArn(mayStartEtl).input("{}"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("EventBridge Scheduler does not support read-only API actions");
    }

    @Test
    void aUniversalTargetsInputMustBeAJsonObjectAndItsArnWellFormed() {
        for (Target target : List.of(
                Target.builder().arn(START_JOB_RUN).roleArn(mayStartEtl).input("JobName=lab19-etl").build(),
                Target.builder().arn(START_JOB_RUN).roleArn(mayStartEtl).input("[\"lab19-etl\"]").build(),
                Target.builder().arn("arn:aws:scheduler:::aws-sdk:glue").roleArn(mayStartEtl).build())) {
            assertThatThrownBy(() -> scheduler.createSchedule(r -> r.name("malformed").scheduleExpression("rate(1 hour)")
                    .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF)).target(target)))
                    .as(target.toString()).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void aTemplatedTargetThatCannotBeInvokedIsRetriedAsItsPolicySaysThenDeadLettered() {
        scheduler.createSchedule(r -> r.name("lambda-missing").scheduleExpression(atExpression(inMinutes(5)))
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn("arn:aws:lambda:us-east-1:000000000000:function:no-such-function").roleArn(mayOnlyLog)
                        .input("{\"hello\":\"lambda\"}")
                        .retryPolicy(p -> p.maximumRetryAttempts(1).maximumEventAgeInSeconds(60))
                        .deadLetterConfig(d -> d.arn(DEAD_LETTERS))));

        LabAdmin.advanceClock(cloud, Duration.ofMinutes(20));

        assertThat(schedulerEvents(SchedulerTimeline.FAILED, "default/lambda-missing")).hasSize(2)
                .allSatisfy(f -> assertThat(f.path("detail").path("errorCode").asText()).isNotEmpty());
        assertThat(schedulerEvents(SchedulerTimeline.DEAD_LETTERED, "default/lambda-missing")).singleElement()
                .satisfies(dead -> assertThat(dead.path("detail").path("messageBody").asText()).isEqualTo("{\"hello\":\"lambda\"}"));
    }

    @Test
    void deletingAScheduleDropsTheRetriesOfItsFailedInvocations() {
        scheduler.createSchedule(r -> r.name("deleted-while-retrying").scheduleExpression(atExpression(inMinutes(5)))
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(START_JOB_RUN).roleArn(mayOnlyLog).input("{\"JobName\":\"lab19-etl\"}")
                        .retryPolicy(p -> p.maximumRetryAttempts(3).maximumEventAgeInSeconds(3600))
                        .deadLetterConfig(d -> d.arn(DEAD_LETTERS))));
        LabAdmin.advanceClock(cloud, Duration.ofMinutes(5).plusSeconds(10));
        assertThat(schedulerEvents(SchedulerTimeline.FAILED, "default/deleted-while-retrying")).as("the first attempt")
                .hasSize(1);

        scheduler.deleteSchedule(r -> r.name("deleted-while-retrying"));
        LabAdmin.advanceClock(cloud, Duration.ofMinutes(20));

        assertThat(schedulerEvents(SchedulerTimeline.FAILED, "default/deleted-while-retrying")).as("no retry").hasSize(1);
        assertThat(schedulerEvents(SchedulerTimeline.DEAD_LETTERED, "default/deleted-while-retrying")).isEmpty();
    }

    @Test
    void retriesStopAtTheEventsMaximumAge() {
        scheduler.createSchedule(r -> r.name("short-lived").scheduleExpression(atExpression(inMinutes(5)))
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(START_JOB_RUN).roleArn(mayOnlyLog).input("{\"JobName\":\"lab19-etl\"}")
                        .retryPolicy(p -> p.maximumRetryAttempts(185).maximumEventAgeInSeconds(120))));

        LabAdmin.advanceClock(cloud, Duration.ofMinutes(30));

        // Attempts at 0 s, 30 s and 90 s; the next would come at 210 s, past the two minutes.
        assertThat(schedulerEvents(SchedulerTimeline.FAILED, "default/short-lived")).hasSize(3);
    }

    private static List<JsonNode> schedulerEvents(String name, String schedule) {
        return LabAdmin.events(cloud, "scheduler", name).stream()
                .filter(e -> e.path("resource").asText().equals(schedule)).toList();
    }

    private static Instant inMinutes(int minutes) {
        return LabAdmin.now(cloud).plus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String atExpression(Instant at) {
        return "at(" + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC)) + ")";
    }
}
