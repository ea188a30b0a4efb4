package gluelab.cloud.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** A role's session may do with rules and buses what its policy allows on their ARNs, and nothing more. */
class EventsAccessTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void aRoleSessionManagesOnlyTheRulesItsPolicyNames() {
        try (IamClient iam = cloud.client(IamClient.builder());
             StsClient sts = cloud.client(StsClient.builder())) {
            iam.createRole(r -> r.roleName("rule-keeper").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},\
                    "Action":"sts:AssumeRole"}]}"""));
            iam.putRolePolicy(r -> r.roleName("rule-keeper").policyName("own-rules").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["events:PutRule","events:PutTargets",\
                    "events:ListTargetsByRule"],"Resource":"arn:aws:events:us-east-1:000000000000:rule/keeper-*"}]}"""));
            Credentials session = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/rule-keeper")
                    .roleSessionName("keeper")).credentials();
            try (EventBridgeClient events = cloud.client(EventBridgeClient.builder(), StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(), session.sessionToken())))) {
                events.putRule(r -> r.name("keeper-1").eventPattern("{\"source\":[\"a\"]}"));
                events.putTargets(r -> r.rule("keeper-1").targets(t -> t.id("x")
                        .arn("arn:aws:lambda:us-east-1:000000000000:function:f")));
                assertThat(events.listTargetsByRule(r -> r.rule("keeper-1")).targets()).hasSize(1);

                assertThatThrownBy(() -> events.putRule(r -> r.name("other").eventPattern("{\"source\":[\"a\"]}")))
                        .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                            assertThat(e.awsErrorDetails().errorMessage()).contains(
                                    "is not authorized to perform: events:PutRule on resource: "
                                            + "arn:aws:events:us-east-1:000000000000:rule/other");
                        });
                assertThatThrownBy(() -> events.deleteRule(r -> r.name("keeper-1")))
                        .isInstanceOf(EventBridgeException.class).hasMessageContaining("events:DeleteRule");
            }
        }
    }
}
