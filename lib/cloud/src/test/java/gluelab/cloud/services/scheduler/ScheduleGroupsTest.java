package gluelab.cloud.services.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import gluelab.cloud.testing.TestRoles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleGroupResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleGroupState;
import software.amazon.awssdk.services.scheduler.model.ScheduleGroupSummary;
import software.amazon.awssdk.services.scheduler.model.Tag;
import software.amazon.awssdk.services.scheduler.model.ValidationException;

/** Schedule groups: the default one every account has, groups of one's own with their tags, and deleting them. */
class ScheduleGroupsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static SchedulerClient scheduler;
    static String role;

    @BeforeAll
    static void clients() {
        scheduler = cloud.client(SchedulerClient.builder());
        try (IamClient iam = cloud.client(IamClient.builder())) {
            role = TestRoles.createSchedulerRole(iam, "GroupsTestRole", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"glue:StartJobRun","Resource":"*"}]}""");
        }
    }

    @AfterAll
    static void close() {
        scheduler.close();
    }

    @Test
    void theDefaultGroupIsThereFromTheStartAndCannotBeDeleted() {
        GetScheduleGroupResponse group = scheduler.getScheduleGroup(r -> r.name("default"));

        assertThat(group.arn()).isEqualTo("arn:aws:scheduler:us-east-1:000000000000:schedule-group/default");
        assertThat(group.state()).isEqualTo(ScheduleGroupState.ACTIVE);
        assertThat(scheduler.listScheduleGroups(r -> r.namePrefix("def")).scheduleGroups())
                .extracting(ScheduleGroupSummary::name).containsExactly("default");
        assertThatThrownBy(() -> scheduler.deleteScheduleGroup(r -> r.name("default"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> scheduler.createScheduleGroup(r -> r.name("default"))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aGroupKeepsItsTagsAndDeletingItDeletesItsSchedules() {
        String arn = scheduler.createScheduleGroup(r -> r.name("nightly-jobs")
                .tags(Tag.builder().key("team").value("data").build())).scheduleGroupArn();
        scheduler.createSchedule(r -> r.name("in-group").groupName("nightly-jobs").scheduleExpression("cron(0 2 * * ? *)")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn("arn:aws:scheduler:::aws-sdk:glue:startJobRun").roleArn(role).input("{\"JobName\":\"x\"}")));

        scheduler.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("stage").value("lab").build()));
        scheduler.untagResource(r -> r.resourceArn(arn).tagKeys("team"));
        assertThat(scheduler.listTagsForResource(r -> r.resourceArn(arn)).tags())
                .containsExactly(Tag.builder().key("stage").value("lab").build());
        assertThatThrownBy(() -> scheduler.listTagsForResource(r -> r.resourceArn(
                "arn:aws:scheduler:us-east-1:000000000000:schedule/nightly-jobs/in-group")))
                .as("schedules take no tags").isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> scheduler.createScheduleGroup(r -> r.name("nightly-jobs"))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Schedule group nightly-jobs already exists.");

        scheduler.deleteScheduleGroup(r -> r.name("nightly-jobs"));

        assertThatThrownBy(() -> scheduler.getScheduleGroup(r -> r.name("nightly-jobs")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Schedule group nightly-jobs does not exist.");
        assertThatThrownBy(() -> scheduler.getSchedule(r -> r.name("in-group").groupName("nightly-jobs")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> scheduler.listTagsForResource(r -> r.resourceArn(arn)))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
