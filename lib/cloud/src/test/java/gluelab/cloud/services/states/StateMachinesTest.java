package gluelab.cloud.services.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/**
 * State machines through the AWS SDK, as Step Functions keeps them: create (idempotent for the same definition),
 * describe, update (a new revision), list in pages, tags, delete, and definitions checked with AWS's diagnostics.
 */
class StateMachinesTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static final String PASS = """
            {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";

    private static SfnClient client() {
        return cloud.client(SfnClient.builder());
    }

    private static void assertError(Runnable call, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SfnException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).contains(message);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }

    @Test
    void aCreatedMachineIsDescribedWithItsDefinitionRoleAndTypeAndCreatingItAgainIsIdempotent() {
        String role = StepFunctionsFixture.role(cloud);
        try (SfnClient sfn = client()) {
            String arn = sfn.createStateMachine(r -> r.name("orders").roleArn(role).definition(PASS)
                    .type(StateMachineType.EXPRESS)).stateMachineArn();
            assertThat(arn).isEqualTo("arn:aws:states:us-east-1:000000000000:stateMachine:orders");
            DescribeStateMachineResponse described = sfn.describeStateMachine(r -> r.stateMachineArn(arn));
            assertThat(described.name()).isEqualTo("orders");
            assertThat(described.definition()).isEqualTo(PASS);
            assertThat(described.roleArn()).isEqualTo(role);
            assertThat(described.type()).isEqualTo(StateMachineType.EXPRESS);
            assertThat(described.statusAsString()).isEqualTo("ACTIVE");
            assertThat(described.revisionId()).isNotBlank();

            assertThat(sfn.createStateMachine(r -> r.name("orders").roleArn(role).definition(PASS)
                    .type(StateMachineType.EXPRESS)).stateMachineArn()).isEqualTo(arn);
            assertError(() -> sfn.createStateMachine(r -> r.name("orders").roleArn(role)
                    .definition(PASS.replace("\"P\"", "\"Q\""))), "StateMachineAlreadyExists", arn);
        }
    }

    @Test
    void anUpdateChangesTheDefinitionAndTheRevisionAndADeletedMachineIsGone() {
        String role = StepFunctionsFixture.role(cloud);
        try (SfnClient sfn = client()) {
            String arn = sfn.createStateMachine(r -> r.name("to-update").roleArn(role).definition(PASS))
                    .stateMachineArn();
            String revision = sfn.describeStateMachine(r -> r.stateMachineArn(arn)).revisionId();
            String other = PASS.replace("\"End\":true", "\"Result\":1,\"End\":true");
            String newRevision = sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition(other)).revisionId();
            assertThat(newRevision).isNotEqualTo(revision);
            assertThat(sfn.describeStateMachine(r -> r.stateMachineArn(arn)).definition()).isEqualTo(other);
            assertError(() -> sfn.updateStateMachine(r -> r.stateMachineArn(arn)), "MissingRequiredParameter",
                    "must be specified");

            sfn.deleteStateMachine(r -> r.stateMachineArn(arn));
            assertError(() -> sfn.describeStateMachine(r -> r.stateMachineArn(arn)), "StateMachineDoesNotExist",
                    "State Machine Does Not Exist: '" + arn + "'");
            assertError(() -> sfn.describeStateMachine(r -> r.stateMachineArn("not-an-arn")), "InvalidArn",
                    "Invalid Arn");
        }
    }

    @Test
    void machinesAreListedInPagesByName() {
        String role = StepFunctionsFixture.role(cloud);
        try (SfnClient sfn = client()) {
            for (String name : List.of("list-c", "list-a", "list-b")) {
                sfn.createStateMachine(r -> r.name(name).roleArn(role).definition(PASS));
            }
            List<String> names = sfn.listStateMachinesPaginator(r -> r.maxResults(1)).stateMachines().stream()
                    .map(StateMachineListItem::name).filter(n -> n.startsWith("list-")).toList();
            assertThat(names).containsExactly("list-a", "list-b", "list-c");
        }
    }

    @Test
    void tagsAreAddedListedAndRemoved() {
        String role = StepFunctionsFixture.role(cloud);
        try (SfnClient sfn = client()) {
            String arn = sfn.createStateMachine(r -> r.name("tagged").roleArn(role).definition(PASS)
                    .tags(t -> t.key("team").value("data"))).stateMachineArn();
            sfn.tagResource(r -> r.resourceArn(arn).tags(t -> t.key("stage").value("dev")));
            assertThat(sfn.listTagsForResource(r -> r.resourceArn(arn)).tags())
                    .extracting(t -> t.key() + "=" + t.value()).containsExactlyInAnyOrder("team=data", "stage=dev");
            sfn.untagResource(r -> r.resourceArn(arn).tagKeys("team"));
            assertThat(sfn.listTagsForResource(r -> r.resourceArn(arn)).tags())
                    .extracting(t -> t.key()).containsExactly("stage");
            assertError(() -> sfn.listTagsForResource(r -> r.resourceArn(arn + "-gone")), "ResourceNotFound",
                    arn + "-gone");
        }
    }

    @Test
    void anInvalidDefinitionIsRefusedWithTheCodeAndLocationOfEachProblem() {
        String role = StepFunctionsFixture.role(cloud);
        try (SfnClient sfn = client()) {
            assertError(() -> sfn.createStateMachine(r -> r.name("bad").roleArn(role).definition("""
                    {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"}}}""")), "InvalidDefinition",
                    "MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere at /States/A");
            assertError(() -> sfn.createStateMachine(r -> r.name("bad").roleArn(role).definition("""
                    {"StartAt":"A","States":{"A":{"Type":"Wait","End":true}}}""")), "InvalidDefinition",
                    "SCHEMA_VALIDATION_FAILED");
            assertError(() -> sfn.createStateMachine(r -> r.name("bad").roleArn(role).definition("{not json")),
                    "InvalidDefinition", "INVALID_JSON_DESCRIPTION");
            assertError(() -> sfn.createStateMachine(r -> r.name("bad name").roleArn(role).definition(PASS)),
                    "InvalidName", "Invalid Name: 'bad name'");
        }
    }

    @Test
    void validateStateMachineDefinitionReportsDiagnosticsWithoutCreatingAnything() {
        try (SfnClient sfn = client()) {
            ValidateStateMachineDefinitionResponse ok = sfn.validateStateMachineDefinition(r -> r.definition(PASS));
            assertThat(ok.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
            assertThat(ok.diagnostics()).isEmpty();

            ValidateStateMachineDefinitionResponse bad = sfn.validateStateMachineDefinition(r -> r.definition("""
                    {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::nothing:here",\
                    "End":true},"B":{"Type":"Choice","Choices":[]}}}"""));
            assertThat(bad.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
            assertThat(bad.diagnostics()).extracting(d -> d.code() + " " + d.location()).containsExactly(
                    "INVALID_RESOURCE /States/A/Resource", "SCHEMA_VALIDATION_FAILED /States/B/Choices");
            assertThat(bad.diagnostics()).allSatisfy(d -> assertThat(d.severityAsString()).isEqualTo("ERROR"));
        }
    }

    @Test
    void aMapToleratedFailureFieldAndItsPathFormTogetherOrAPercentageOver100AreRefused() {
        try (SfnClient sfn = client()) {
            String map = """
                    {"StartAt":"M","States":{"M":{"Type":"Map",%s,"ItemProcessor":{"StartAt":"P","States":\
                    {"P":{"Type":"Pass","End":true}}},"End":true}}}""";
            for (String fields : List.of("\"ToleratedFailureCount\":1,\"ToleratedFailureCountPath\":\"$.n\"",
                    "\"ToleratedFailurePercentage\":1,\"ToleratedFailurePercentagePath\":\"$.n\"",
                    "\"ToleratedFailurePercentage\":101", "\"ToleratedFailureCount\":-1")) {
                ValidateStateMachineDefinitionResponse bad = sfn.validateStateMachineDefinition(
                        r -> r.definition(map.formatted(fields)));
                assertThat(bad.diagnostics()).as(fields).extracting(d -> d.code() + " " + d.location())
                        .containsExactly("SCHEMA_VALIDATION_FAILED " + (fields.contains("Path") ? "/States/M"
                                : "/States/M/" + fields.substring(1, fields.indexOf('"', 1))));
            }
        }
    }

    @Test
    void aRoleStepFunctionsMayNotAssumeIsRefused() {
        try (SfnClient sfn = client()) {
            assertError(() -> sfn.createStateMachine(r -> r.name("no-role").definition(PASS)
                    .roleArn("arn:aws:iam::000000000000:role/does-not-exist")), "AccessDeniedException",
                    "states.amazonaws.com");
        }
    }
}
