package gluelab.cloud.services.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sesv2.model.IdentityType;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.VerificationStatus;

class SesV2Test {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static void verifiedWithV2(SesV2Client ses, String address) {
        ses.createEmailIdentity(r -> r.emailIdentity(address));
        assertThat(SesMailbox.follow(cloud, SesMailbox.verificationLink(cloud, address)).statusCode()).isEqualTo(200);
    }

    @Test
    void anEmailIdentityCreatedWithV2IsPendingUntilItsLinkIsFollowedAndV1SeesTheSameIdentity() {
        try (SesV2Client ses = cloud.client(SesV2Client.builder()); SesClient v1 = cloud.client(SesClient.builder())) {
            var created = ses.createEmailIdentity(r -> r.emailIdentity("v2@identity.example"));
            assertThat(created.identityType()).isEqualTo(IdentityType.EMAIL_ADDRESS);
            assertThat(created.verifiedForSendingStatus()).isFalse();
            assertThat(ses.getEmailIdentity(r -> r.emailIdentity("v2@identity.example")).verificationStatus())
                    .isEqualTo(VerificationStatus.PENDING);

            SesMailbox.follow(cloud, SesMailbox.verificationLink(cloud, "v2@identity.example"));

            var identity = ses.getEmailIdentity(r -> r.emailIdentity("v2@identity.example"));
            assertThat(identity.verificationStatus()).isEqualTo(VerificationStatus.SUCCESS);
            assertThat(identity.verifiedForSendingStatus()).isTrue();
            assertThat(v1.listIdentities().identities()).contains("v2@identity.example");
            assertThat(ses.listEmailIdentities(r -> { }).emailIdentities())
                    .anyMatch(i -> i.identityName().equals("v2@identity.example") && i.sendingEnabled());
        }
    }

    @Test
    void creatingAnIdentityTwiceIsAlreadyExistsAndAMissingOneIsNotFound() {
        try (SesV2Client ses = cloud.client(SesV2Client.builder())) {
            ses.createEmailIdentity(r -> r.emailIdentity("twice.example"));
            assertThatThrownBy(() -> ses.createEmailIdentity(r -> r.emailIdentity("twice.example")))
                    .isInstanceOf(AlreadyExistsException.class);
            ses.deleteEmailIdentity(r -> r.emailIdentity("twice.example"));
            assertThatThrownBy(() -> ses.getEmailIdentity(r -> r.emailIdentity("twice.example")))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        }
    }

    @Test
    void anUnverifiedSenderIsRejectedWithAwsText() {
        try (SesV2Client ses = cloud.client(SesV2Client.builder())) {
            assertThatThrownBy(() -> ses.sendEmail(r -> r.fromEmailAddress("nobody@v2send.example")
                    .destination(d -> d.toAddresses("success@simulator.amazonses.com"))
                    .content(c -> c.simple(m -> m.subject(s -> s.data("x")).body(b -> b.text(t -> t.data("x")))))))
                    .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).isEqualTo("Email address is not verified. The following "
                            + "identities failed the check in region US-EAST-1: nobody@v2send.example"));
        }
    }

    @Test
    void simpleRawAndTemplatedContentAllLandInTheMailbox() {
        try (SesV2Client ses = cloud.client(SesV2Client.builder()); SesClient v1 = cloud.client(SesClient.builder())) {
            verifiedWithV2(ses, "ops@v2send.example");
            verifiedWithV2(ses, "dev@v2send.example");

            String simple = ses.sendEmail(r -> r.fromEmailAddress("ops@v2send.example")
                    .destination(d -> d.toAddresses("dev@v2send.example"))
                    .content(c -> c.simple(m -> m.subject(s -> s.data("v2 simple"))
                            .body(b -> b.html(h -> h.data("<i>simple</i>")))))).messageId();
            String raw = ses.sendEmail(r -> r.content(c -> c.raw(m -> m.data(SdkBytes.fromUtf8String(
                    "From: ops@v2send.example\r\nTo: dev@v2send.example\r\nSubject: v2 raw\r\n"
                            + "Content-Type: text/plain\r\n\r\nraw body"))))).messageId();
            v1.createTemplate(t -> t.template(p -> p.templateName("v2-shared").subjectPart("v2 {{kind}}")
                    .textPart("templated {{kind}}")));
            String templated = ses.sendEmail(r -> r.fromEmailAddress("ops@v2send.example")
                    .destination(d -> d.toAddresses("dev@v2send.example"))
                    .content(c -> c.template(t -> t.templateName("v2-shared").templateData("{\"kind\":\"template\"}"))))
                    .messageId();

            List<JsonNode> inbox = SesMailbox.messagesTo(cloud, "dev@v2send.example").stream()
                    .filter(m -> m.path("subject").asText().startsWith("v2 ")).toList();
            assertThat(inbox).extracting(m -> m.path("messageId").asText()).containsExactly(simple, raw, templated);
            assertThat(inbox.get(0).path("html").asText()).isEqualTo("<i>simple</i>");
            assertThat(inbox.get(1).path("text").asText()).isEqualTo("raw body");
            assertThat(inbox.get(2).path("subject").asText()).isEqualTo("v2 template");
            assertThat(inbox.get(2).path("text").asText()).isEqualTo("templated template");
        }
    }

    @Test
    void aTemplateThatDoesNotExistIsNotFound() {
        try (SesV2Client ses = cloud.client(SesV2Client.builder())) {
            assertThatThrownBy(() -> ses.sendEmail(r -> r.fromEmailAddress("ops@v2send.example")
                    .destination(d -> d.toAddresses("dev@v2send.example"))
                    .content(c -> c.template(t -> t.templateName("missing").templateData("{}")))))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void getAccountSaysTheAccountIsInTheSandbox() {
        try (SesV2Client ses = cloud.client(SesV2Client.builder())) {
            var account = ses.getAccount(r -> { });
            assertThat(account.productionAccessEnabled()).isFalse();
            assertThat(account.sendingEnabled()).isTrue();
            assertThat(account.sendQuota().max24HourSend()).isEqualTo(200.0);
        }
    }
}
