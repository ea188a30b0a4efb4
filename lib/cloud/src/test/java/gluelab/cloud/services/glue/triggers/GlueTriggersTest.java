package gluelab.cloud.services.glue.triggers;

import static gluelab.cloud.services.glue.jobs.GlueLabSupport.advanceClock;
import static gluelab.cloud.services.glue.jobs.GlueLabSupport.sparkJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.services.glue.jobs.GlueLabSupport;
import gluelab.cloud.services.glue.worker.DisabledExecutor;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.glue.model.Logical;
import software.amazon.awssdk.services.glue.model.Trigger;
import software.amazon.awssdk.services.glue.model.TriggerState;
import software.amazon.awssdk.services.glue.model.TriggerType;

/** Triggers in a Lab Cloud whose worker is off: their runs still exist, named by the trigger, and fail fast. */
class GlueTriggersTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory().withGlueRoles();
    static GlueClient glue;

    @BeforeAll
    static void client() {
        glue = cloud.client(GlueClient.builder());
    }

    @AfterAll
    static void closeClient() {
        glue.close();
    }

    @Test
    void aScheduledTriggerRunsItsJobOncePerFireTimeInTheAdvancedWindowInOrder() {
        glue.createJob(sparkJob("nightly", "com.example.Nightly").build());
        Instant created = Instant.parse(GlueLabSupport.get(cloud, "/_lab/clock").path("now").asText());
        glue.createTrigger(r -> r.name("every-5").type(TriggerType.SCHEDULED).schedule("cron(0/5 * * * ? *)")
                .startOnCreation(true).actions(a -> a.jobName("nightly")));
        assertThat(glue.getTrigger(r -> r.name("every-5")).trigger().state()).isEqualTo(TriggerState.ACTIVATED);

        JsonNode advance = advanceClock(cloud, Duration.ofMinutes(30));
        Instant from = Instant.parse(advance.path("from").asText());
        Instant to = Instant.parse(advance.path("to").asText());
        // Real time passes too: a fire time between the trigger's creation and the advance fires on its own.
        List<Instant> fireTimes = fiveMinuteMarksBetween(created, to);

        List<JobRun> runs = new ArrayList<>(GlueLabSupport.awaitRuns(glue, "nightly", fireTimes.size()));
        runs.sort(Comparator.comparing(JobRun::startedOn));
        assertThat(runs).extracting(JobRun::startedOn).containsExactlyElementsOf(fireTimes);
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.triggerName()).isEqualTo("every-5");
            assertThat(run.jobRunState()).isEqualTo(JobRunState.FAILED);
            assertThat(run.errorMessage()).isEqualTo(DisabledExecutor.MESSAGE);
        });
        List<String> fired = new ArrayList<>();
        advance.path("fired").forEach(f -> {
            if (f.path("name").asText().equals("ScheduledTrigger")) {
                fired.add(f.path("time").asText());
            }
        });
        assertThat(fired).containsExactlyElementsOf(fiveMinuteMarksBetween(from, to).stream().map(Instant::toString).toList());

        glue.stopTrigger(r -> r.name("every-5"));
        advanceClock(cloud, Duration.ofMinutes(30));

        assertThat(glue.getTrigger(r -> r.name("every-5")).trigger().state()).isEqualTo(TriggerState.DEACTIVATED);
        assertThat(glue.getJobRuns(r -> r.jobName("nightly")).jobRuns()).as("no runs after StopTrigger")
                .hasSize(fireTimes.size());

        glue.startTrigger(r -> r.name("every-5"));
        advanceClock(cloud, Duration.ofMinutes(10));
        assertThat(GlueLabSupport.awaitRuns(glue, "nightly", fireTimes.size() + 2)).hasSize(fireTimes.size() + 2);
        glue.deleteTrigger(r -> r.name("every-5"));
        advanceClock(cloud, Duration.ofMinutes(10));
        assertThat(glue.getJobRuns(r -> r.jobName("nightly")).jobRuns()).as("none after DeleteTrigger")
                .hasSize(fireTimes.size() + 2);
    }

    /** The fire times of cron(0/5 * * * ? *): every minute divisible by five, after {@code from}, up to {@code to}. */
    private static List<Instant> fiveMinuteMarksBetween(Instant from, Instant to) {
        long step = Duration.ofMinutes(5).toMillis();
        List<Instant> marks = new ArrayList<>();
        for (long t = (from.toEpochMilli() / step + 1) * step; t <= to.toEpochMilli(); t += step) {
            marks.add(Instant.ofEpochMilli(t));
        }
        return marks;
    }

    @Test
    void aScheduledTriggerCreatedWithoutStartOnCreationWaitsForStartTrigger() {
        glue.createJob(sparkJob("waiting", "X").build());
        glue.createTrigger(r -> r.name("not-yet").type(TriggerType.SCHEDULED).schedule("cron(0/5 * * * ? *)")
                .actions(a -> a.jobName("waiting")));

        advanceClock(cloud, Duration.ofMinutes(15));

        assertThat(glue.getTrigger(r -> r.name("not-yet")).trigger().state()).isEqualTo(TriggerState.CREATED);
        assertThat(glue.getJobRuns(r -> r.jobName("waiting")).jobRuns()).isEmpty();
    }

    @Test
    void anInvalidScheduleIsInvalidInputSayingWhy() {
        glue.createJob(sparkJob("bad-schedule", "X").build());

        assertThatThrownBy(() -> glue.createTrigger(r -> r.name("bad").type(TriggerType.SCHEDULED)
                .schedule("cron(0 12 * * * *)").actions(a -> a.jobName("bad-schedule"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("Invalid schedule cron(0 12 * * * *): Exactly one of day-of-month and day-of-week"));
        assertThatThrownBy(() -> glue.createTrigger(r -> r.name("bad").type(TriggerType.SCHEDULED)
                .actions(a -> a.jobName("bad-schedule"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a Schedule");
        assertThatThrownBy(() -> glue.createTrigger(r -> r.name("bad").type(TriggerType.SCHEDULED)
                .schedule("rate(5 minutes)").actions(a -> a.jobName("bad-schedule"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not a cron expression");
    }

    @Test
    void createTriggerChecksItsActionsAndPredicate() {
        glue.createJob(sparkJob("checked", "X").build());

        assertThatThrownBy(() -> glue.createTrigger(r -> r.name("t").type(TriggerType.ON_DEMAND)
                .actions(a -> a.jobName("no-such-job"))))
                .isInstanceOf(EntityNotFoundException.class).hasMessageContaining("Job with name: no-such-job not found.");
        assertThatThrownBy(() -> glue.createTrigger(r -> r.name("t").type(TriggerType.ON_DEMAND).startOnCreation(true)
                .actions(a -> a.jobName("checked"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("StartOnCreation is not supported for ON_DEMAND");
        assertThatThrownBy(() -> glue.createTrigger(r -> r.name("t").type(TriggerType.CONDITIONAL)
                .actions(a -> a.jobName("checked"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a Predicate");
        assertThatThrownBy(() -> glue.createTrigger(r -> r.name("t").type(TriggerType.CONDITIONAL)
                .predicate(p -> p.conditions(c -> c.jobName("checked").state("SUCCEEDED"),
                        c -> c.jobName("checked").state("FAILED")))
                .actions(a -> a.jobName("checked"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a Logical");
        assertThatThrownBy(() -> glue.createTrigger(r -> r.name("t").type(TriggerType.CONDITIONAL)
                .predicate(p -> p.conditions(c -> c.jobName("checked").state("RUNNING")))
                .actions(a -> a.jobName("checked"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not RUNNING");
        assertThatThrownBy(() -> glue.createTrigger(r -> r.name("t").type(TriggerType.ON_DEMAND)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one action");
    }

    @Test
    void aTriggerIsCreatedOnceAndShownAsCreated() {
        glue.createJob(sparkJob("shown", "X").build());
        assertThatThrownBy(() -> glue.createTrigger(r -> r.name("shown-trigger").type(TriggerType.ON_DEMAND)
                .workflowName("wf-later").actions(a -> a.jobName("shown"))))
                .isInstanceOfSatisfying(EntityNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Workflow with name: wf-later not found."));
        glue.createWorkflow(r -> r.name("wf-later"));
        glue.createTrigger(r -> r.name("shown-trigger").type(TriggerType.CONDITIONAL).description("after shown")
                .workflowName("wf-later")
                .predicate(p -> p.conditions(c -> c.jobName("shown").state("SUCCEEDED")))
                .actions(a -> a.jobName("shown").arguments(Map.of("--x", "1"))));

        Trigger trigger = glue.getTrigger(r -> r.name("shown-trigger")).trigger();

        assertThat(trigger.type()).isEqualTo(TriggerType.CONDITIONAL);
        assertThat(trigger.state()).isEqualTo(TriggerState.CREATED);
        assertThat(trigger.description()).isEqualTo("after shown");
        assertThat(trigger.workflowName()).isEqualTo("wf-later");
        assertThat(trigger.predicate().conditions().get(0).logicalOperatorAsString()).isEqualTo("EQUALS");
        assertThat(trigger.actions().get(0).arguments()).containsEntry("--x", "1");
        assertThatThrownBy(() -> glue.createTrigger(r -> r.name("shown-trigger").type(TriggerType.ON_DEMAND)
                .actions(a -> a.jobName("shown"))))
                .isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void updateTriggerChangesTheScheduleItRunsOn() {
        glue.createJob(sparkJob("hourly", "X").build());
        glue.createTrigger(r -> r.name("hourly-trigger").type(TriggerType.SCHEDULED).schedule("cron(0 * * * ? *)")
                .actions(a -> a.jobName("hourly")));

        Trigger updated = glue.updateTrigger(r -> r.name("hourly-trigger")
                .triggerUpdate(u -> u.schedule("cron(0 0 1 1 ? 2199)").description("once, far away"))).trigger();
        glue.startTrigger(r -> r.name("hourly-trigger"));
        advanceClock(cloud, Duration.ofHours(3));

        assertThat(updated.schedule()).isEqualTo("cron(0 0 1 1 ? 2199)");
        assertThat(updated.description()).isEqualTo("once, far away");
        assertThat(updated.actions()).extracting(a -> a.jobName()).containsExactly("hourly");
        assertThat(glue.getJobRuns(r -> r.jobName("hourly")).jobRuns()).isEmpty();
    }

    @Test
    void getTriggersWithADependentJobNameReturnsTheTriggersThatStartIt() {
        glue.createJob(sparkJob("dep-a", "X").build());
        glue.createJob(sparkJob("dep-b", "X").build());
        glue.createTrigger(r -> r.name("dep-starts-a").type(TriggerType.ON_DEMAND).actions(a -> a.jobName("dep-a")));
        glue.createTrigger(r -> r.name("dep-starts-b").type(TriggerType.ON_DEMAND).actions(a -> a.jobName("dep-b"))
                .tags(Map.of("team", "etl")));

        assertThat(glue.getTriggers(r -> r.dependentJobName("dep-a")).triggers()).extracting(Trigger::name)
                .containsExactly("dep-starts-a");
        assertThat(glue.listTriggers(r -> r.dependentJobName("dep-b")).triggerNames()).containsExactly("dep-starts-b");
        assertThat(glue.listTriggers(r -> r.tags(Map.of("team", "etl"))).triggerNames()).containsExactly("dep-starts-b");
        assertThat(glue.batchGetTriggers(r -> r.triggerNames("dep-starts-a", "dep-missing")).triggersNotFound())
                .containsExactly("dep-missing");
    }

    @Test
    void stoppingAnOnDemandTriggerIsInvalidAndMissingTriggersAreNotFound() {
        glue.createJob(sparkJob("od", "X").build());
        glue.createTrigger(r -> r.name("od-trigger").type(TriggerType.ON_DEMAND).actions(a -> a.jobName("od")));

        assertThatThrownBy(() -> glue.stopTrigger(r -> r.name("od-trigger"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> glue.getTrigger(r -> r.name("ghost")))
                .isInstanceOfSatisfying(EntityNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Trigger with name: ghost not found."));
        assertThatThrownBy(() -> glue.startTrigger(r -> r.name("ghost"))).isInstanceOf(EntityNotFoundException.class);
        assertThat(glue.deleteTrigger(r -> r.name("ghost")).name()).isEqualTo("ghost");
    }

    @Test
    void aConditionalTriggerWatchingFailuresStartsItsActionWhenTheWatchedRunFails() {
        glue.createJob(sparkJob("watched", "X").build());
        glue.createJob(sparkJob("on-failure", "X").build());
        glue.createTrigger(r -> r.name("alert").type(TriggerType.CONDITIONAL).startOnCreation(true)
                .predicate(p -> p.logical(Logical.ANY).conditions(c -> c.jobName("watched").state("FAILED")))
                .actions(a -> a.jobName("on-failure")));

        GlueLabSupport.awaitEnd(glue, "watched", glue.startJobRun(r -> r.jobName("watched")).jobRunId());

        JobRun triggered = GlueLabSupport.awaitRuns(glue, "on-failure", 1).get(0);
        assertThat(triggered.triggerName()).isEqualTo("alert");
    }
}
