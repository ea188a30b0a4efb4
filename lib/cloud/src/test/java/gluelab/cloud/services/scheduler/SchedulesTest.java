package gluelab.cloud.services.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import gluelab.cloud.testing.TestRoles;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ListSchedulesResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import software.amazon.awssdk.services.scheduler.model.ValidationException;

/** Schedules' definitions through the SDK: what is stored and answered, what is refused, and how, as on AWS. */
class SchedulesTest {

    static final String UNIVERSAL_PUT_LOG = "arn:aws:scheduler:::aws-sdk:cloudwatchlogs:putLogEvents";

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static SchedulerClient scheduler;
    static String role;

    @BeforeAll
    static void clients() {
        scheduler = cloud.client(SchedulerClient.builder());
        try (IamClient iam = cloud.client(IamClient.builder())) {
            role = TestRoles.createSchedulerRole(iam, "SchedulesTestRole", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:PutLogEvents","Resource":"*"}]}""");
        }
    }

    @AfterAll
    static void close() {
        scheduler.close();
    }

    static CreateScheduleRequest.Builder schedule(String name, String expression) {
        return CreateScheduleRequest.builder().name(name).scheduleExpression(expression)
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(UNIVERSAL_PUT_LOG).roleArn(role)
                        .input("{\"logGroupName\":\"/x\",\"logStreamName\":\"s\",\"logEvents\":[]}"));
    }

    @Test
    void aCreatedScheduleIsAnsweredWithAwsDefaultsFilledIn() {
        String arn = scheduler.createSchedule(schedule("nightly", "cron(0 2 * * ? *)").build()).scheduleArn();

        assertThat(arn).isEqualTo("arn:aws:scheduler:us-east-1:000000000000:schedule/default/nightly");
        GetScheduleResponse got = scheduler.getSchedule(r -> r.name("nightly"));
        assertThat(got.arn()).isEqualTo(arn);
        assertThat(got.groupName()).isEqualTo("default");
        assertThat(got.scheduleExpression()).isEqualTo("cron(0 2 * * ? *)");
        assertThat(got.scheduleExpressionTimezone()).isEqualTo("UTC");
        assertThat(got.state()).isEqualTo(ScheduleState.ENABLED);
        assertThat(got.actionAfterCompletion()).isEqualTo(ActionAfterCompletion.NONE);
        assertThat(got.flexibleTimeWindow().mode()).isEqualTo(FlexibleTimeWindowMode.OFF);
        assertThat(got.target().retryPolicy().maximumRetryAttempts()).isEqualTo(185);
        assertThat(got.target().retryPolicy().maximumEventAgeInSeconds()).isEqualTo(86_400);
        assertThat(got.creationDate()).isEqualTo(got.lastModificationDate());
        assertThat(got.creationDate()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(Duration.ofMinutes(1)));
    }

    @Test
    void updateReplacesTheWholeDefinitionAndKeepsTheCreationDate() {
        scheduler.createSchedule(schedule("changing", "rate(5 minutes)").description("first").build());
        GetScheduleResponse before = scheduler.getSchedule(r -> r.name("changing"));

        scheduler.updateSchedule(r -> r.name("changing").scheduleExpression("rate(1 hour)").state(ScheduleState.DISABLED)
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.FLEXIBLE).maximumWindowInMinutes(15))
                .target(t -> t.arn(UNIVERSAL_PUT_LOG).roleArn(role).retryPolicy(p -> p.maximumRetryAttempts(3))));

        GetScheduleResponse after = scheduler.getSchedule(r -> r.name("changing"));
        assertThat(after.scheduleExpression()).isEqualTo("rate(1 hour)");
        assertThat(after.description()).as("left out, so gone").isNull();
        assertThat(after.state()).isEqualTo(ScheduleState.DISABLED);
        assertThat(after.flexibleTimeWindow().maximumWindowInMinutes()).isEqualTo(15);
        assertThat(after.target().retryPolicy().maximumRetryAttempts()).isEqualTo(3);
        assertThat(after.creationDate()).isEqualTo(before.creationDate());
        assertThat(after.lastModificationDate()).isAfter(before.lastModificationDate());
    }

    @Test
    void aNameIsTakenOncePerGroupAndMissingOnesAreNotFound() {
        scheduler.createSchedule(schedule("twice", "rate(1 day)").build());

        assertThatThrownBy(() -> scheduler.createSchedule(schedule("twice", "rate(1 day)").build()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Schedule twice already exists.")
                .satisfies(e -> assertThat(((ConflictException) e).statusCode()).isEqualTo(409));
        assertThatThrownBy(() -> scheduler.getSchedule(r -> r.name("nobody")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Schedule nobody does not exist.")
                .satisfies(e -> assertThat(((ResourceNotFoundException) e).statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> scheduler.createSchedule(schedule("lost", "rate(1 day)").groupName("no-such-group").build()))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Schedule group no-such-group does not exist.");

        scheduler.deleteSchedule(r -> r.name("twice"));
        assertThatThrownBy(() -> scheduler.deleteSchedule(r -> r.name("twice"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void badDefinitionsAreValidationExceptionsSayingWhy() {
        assertThatThrownBy(() -> scheduler.createSchedule(schedule("bad-cron", "cron(0 2 * * *)").build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Invalid Schedule Expression cron(0 2 * * *).").hasMessageContaining("six fields");
        assertThatThrownBy(() -> scheduler.createSchedule(schedule("bad-zone", "cron(0 2 * * ? *)")
                .scheduleExpressionTimezone("Mars/Olympus").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> scheduler.createSchedule(schedule("no-window", "rate(1 hour)")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.FLEXIBLE)).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("MaximumWindowInMinutes");
        assertThatThrownBy(() -> scheduler.createSchedule(schedule("too-early", "rate(1 hour)")
                .startDate(Instant.now().minus(Duration.ofHours(1))).build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("The StartDate you specify cannot be earlier than 5 minutes ago.");
        assertThatThrownBy(() -> scheduler.createSchedule(r -> r.name("bad name!").scheduleExpression("rate(1 hour)")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(UNIVERSAL_PUT_LOG).roleArn("not-a-role"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("2 validation errors detected")
                .hasMessageContaining("Value 'bad name!' at 'name' failed to satisfy constraint: Member must satisfy "
                        + "regular expression pattern: ^[0-9a-zA-Z-_.]+$")
                .hasMessageContaining("Value 'not-a-role' at 'target.roleArn'");
        assertThatThrownBy(() -> scheduler.createSchedule(schedule("no-bus-parameters", "rate(1 hour)")
                .target(t -> t.arn("arn:aws:events:us-east-1:000000000000:event-bus/default").roleArn(role)).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("EventBridgeParameters");
    }

    @Test
    void aRoleSchedulerMayNotAssumeIsRefused() {
        try (IamClient iam = cloud.client(IamClient.builder())) {
            iam.createRole(r -> r.roleName("GlueOnlyRole").assumeRolePolicyDocument(TestRoles.GLUE_TRUST));
        }

        for (String unassumable : List.of("arn:aws:iam::000000000000:role/GlueOnlyRole",
                "arn:aws:iam::000000000000:role/NoSuchRole")) {
            assertThatThrownBy(() -> scheduler.createSchedule(schedule("unassumable", "rate(1 hour)")
                    .target(t -> t.arn(UNIVERSAL_PUT_LOG).roleArn(unassumable)).build()))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("The execution role you provide must allow AWS EventBridge Scheduler to assume the role.");
        }
    }

    @Test
    void listingFiltersByGroupPrefixAndStateAndPagesWithoutRepeats() {
        scheduler.createScheduleGroup(r -> r.name("listing"));
        for (int i = 0; i < 7; i++) {
            int n = i;
            scheduler.createSchedule(schedule("list-" + n, "rate(1 day)").groupName("listing")
                    .state(n % 2 == 0 ? ScheduleState.ENABLED : ScheduleState.DISABLED).build());
        }

        List<ScheduleSummary> all = new ArrayList<>();
        String token = null;
        do {
            String current = token;
            ListSchedulesResponse page = scheduler.listSchedules(r -> r.groupName("listing").maxResults(3).nextToken(current));
            assertThat(page.schedules()).hasSizeLessThanOrEqualTo(3);
            all.addAll(page.schedules());
            token = page.nextToken();
        } while (token != null);
        assertThat(all).extracting(ScheduleSummary::name).containsExactly("list-0", "list-1", "list-2", "list-3",
                "list-4", "list-5", "list-6");
        assertThat(all.get(0).target().arn()).isEqualTo(UNIVERSAL_PUT_LOG);
        assertThat(all.get(0).groupName()).isEqualTo("listing");
        assertThat(scheduler.listSchedules(r -> r.groupName("listing").state(ScheduleState.DISABLED)).schedules())
                .extracting(ScheduleSummary::name).containsExactly("list-1", "list-3", "list-5");
        assertThat(scheduler.listSchedules(r -> r.namePrefix("list-6")).schedules()).extracting(ScheduleSummary::name)
                .containsExactly("list-6");
        assertThatThrownBy(() -> scheduler.listSchedules(r -> r.nextToken("forged")))
                .isInstanceOf(ValidationException.class);
    }
}
