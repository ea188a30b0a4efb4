package gluelab.cloud.services.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** A role's session may send only from the identities its policy names by ARN, as on AWS. */
class SesAccessTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static final String IDENTITIES = "arn:aws:ses:us-east-1:000000000000:identity/";

    @Test
    void aRoleSessionSendsOnlyFromTheIdentityItsPolicyNamesByArnAddressOrDomain() {
        try (IamClient iam = cloud.client(IamClient.builder()); StsClient sts = cloud.client(StsClient.builder());
             SesClient v1 = cloud.client(SesClient.builder())) {
            SesMailbox.verified(cloud, v1, "etl@access.example");
            SesMailbox.verified(cloud, v1, "payroll@access.example");
            SesMailbox.verified(cloud, v1, "team@access.example");
            v1.verifyDomainIdentity(r -> r.domain("reports.example"));
            String token = v1.getIdentityVerificationAttributes(r -> r.identities("reports.example"))
                    .verificationAttributes().get("reports.example").verificationToken();
            cloud.http(cloud.request("/_lab/ses/verify-domain?domain=reports.example&token=" + token)
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            iam.createRole(r -> r.roleName("notifier").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},\
                    "Action":"sts:AssumeRole"}]}"""));
            iam.putRolePolicy(r -> r.roleName("notifier").policyName("send-as-etl").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ses:SendEmail",\
                    "Resource":["%1$setl@access.example","%1$sreports.example"]}]}""".formatted(IDENTITIES)));
            Credentials session = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/notifier")
                    .roleSessionName("notifier")).credentials();
            try (SesV2Client ses = cloud.client(SesV2Client.builder(), StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(), session.sessionToken())))) {
                String sent = ses.sendEmail(r -> r.fromEmailAddress("ETL <etl@access.example>")
                        .destination(d -> d.toAddresses("team@access.example"))
                        .content(c -> c.simple(m -> m.subject(s -> s.data("loaded")).body(b -> b.text(t -> t.data("12 rows"))))))
                        .messageId();
                assertThat(SesMailbox.messagesTo(cloud, "team@access.example"))
                        .anyMatch(m -> m.path("messageId").asText().equals(sent));
                ses.sendEmail(r -> r.fromEmailAddress("daily@reports.example").destination(d -> d.toAddresses("team@access.example"))
                        .content(c -> c.simple(m -> m.subject(s -> s.data("from the domain")).body(b -> b.text(t -> t.data("x"))))));

                assertThatThrownBy(() -> ses.sendEmail(r -> r.fromEmailAddress("payroll@access.example")
                        .destination(d -> d.toAddresses("team@access.example"))
                        .content(c -> c.simple(m -> m.subject(s -> s.data("x")).body(b -> b.text(t -> t.data("x")))))))
                        .isInstanceOfSatisfying(SesV2Exception.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(403);
                            assertThat(e.awsErrorDetails().errorMessage()).contains(
                                    "is not authorized to perform: ses:SendEmail on resource: " + IDENTITIES
                                            + "payroll@access.example");
                        });
            }
        }
    }
}
