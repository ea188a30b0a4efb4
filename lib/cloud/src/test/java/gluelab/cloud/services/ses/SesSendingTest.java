package gluelab.cloud.services.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.MessageRejectedException;
import software.amazon.awssdk.services.ses.model.SesException;
import software.amazon.awssdk.services.ses.model.TemplateDoesNotExistException;

class SesSendingTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @BeforeAll
    static void verifiedSenderAndRecipients() {
        try (SesClient ses = cloud.client(SesClient.builder())) {
            SesMailbox.verified(cloud, ses, "reports@send.example");
            SesMailbox.verified(cloud, ses, "ana@send.example");
            SesMailbox.verified(cloud, ses, "ben@send.example");
        }
    }

    private static JsonNode onlyMessage(String recipient, String subject) {
        List<JsonNode> found = SesMailbox.messagesTo(cloud, recipient).stream()
                .filter(m -> m.path("subject").asText().equals(subject)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void anUnverifiedSenderIsRejectedWithAwsText() {
        try (SesClient ses = cloud.client(SesClient.builder())) {
            assertThatThrownBy(() -> ses.sendEmail(r -> r.source("stranger@send.example")
                    .destination(d -> d.toAddresses("ana@send.example"))
                    .message(m -> m.subject(s -> s.data("hi")).body(b -> b.text(t -> t.data("hello"))))))
                    .isInstanceOfSatisfying(MessageRejectedException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Email address is not verified. The "
                                + "following identities failed the check in region US-EAST-1: stranger@send.example");
                    });
            assertThat(SesMailbox.messagesTo(cloud, "ana@send.example").stream()
                    .filter(m -> m.path("subject").asText().equals("hi"))).isEmpty();
        }
    }

    @Test
    void inTheSandboxAnUnverifiedRecipientIsRejectedButTheMailboxSimulatorIsNot() {
        try (SesClient ses = cloud.client(SesClient.builder())) {
            assertThatThrownBy(() -> ses.sendEmail(r -> r.source("reports@send.example")
                    .destination(d -> d.toAddresses("ana@send.example", "Carl <carl@elsewhere.example>"))
                    .message(m -> m.subject(s -> s.data("sandboxed")).body(b -> b.text(t -> t.data("x"))))))
                    .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).endsWith("region US-EAST-1: Carl <carl@elsewhere.example>"));
            String id = ses.sendEmail(r -> r.source("reports@send.example")
                    .destination(d -> d.toAddresses("success@simulator.amazonses.com"))
                    .message(m -> m.subject(s -> s.data("simulated")).body(b -> b.text(t -> t.data("x"))))).messageId();
            assertThat(onlyMessage("success@simulator.amazonses.com", "simulated").path("messageId").asText())
                    .isEqualTo(id);
        }
    }

    @Test
    void aSentEmailLandsInTheMailboxWithItsRecipientsAndBothBodies() {
        try (SesClient ses = cloud.client(SesClient.builder())) {
            String id = ses.sendEmail(r -> r.source("Reports <reports@send.example>")
                    .destination(d -> d.toAddresses("ana@send.example").ccAddresses("ben@send.example"))
                    .replyToAddresses("reports@send.example")
                    .message(m -> m.subject(s -> s.data("Daily load"))
                            .body(b -> b.text(t -> t.data("3 files loaded")).html(h -> h.data("<b>3</b> files loaded")))))
                    .messageId();

            JsonNode message = onlyMessage("ben@send.example", "Daily load");
            assertThat(message.path("messageId").asText()).isEqualTo(id);
            assertThat(message.path("from").asText()).isEqualTo("Reports <reports@send.example>");
            assertThat(message.path("to").get(0).asText()).isEqualTo("ana@send.example");
            assertThat(message.path("cc").get(0).asText()).isEqualTo("ben@send.example");
            assertThat(message.path("text").asText()).isEqualTo("3 files loaded");
            assertThat(message.path("html").asText()).isEqualTo("<b>3</b> files loaded");
            assertThat(message.path("account").asText()).isEqualTo("000000000000");
            assertThat(message.path("region").asText()).isEqualTo("us-east-1");
            assertThat(message.path("time").asText()).isNotBlank();
            assertThat(LabAdmin.events(cloud, "ses", "Email Sent")).anyMatch(e -> e.path("resource").asText().equals(id));
        }
    }

    @Test
    void aRawMimeMessagesPartsLandInTheMailbox() {
        String mime = """
                From: Reports <reports@send.example>
                To: ana@send.example
                Subject: Raw report
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/plain; charset=UTF-8

                Plain part
                --inner
                Content-Type: text/html; charset=UTF-8

                <p>HTML part</p>
                --inner--
                --outer
                Content-Type: text/csv; name="rows.csv"
                Content-Disposition: attachment; filename="rows.csv"

                a,b
                --outer--
                """.replace("\n", "\r\n");
        try (SesClient ses = cloud.client(SesClient.builder())) {
            String id = ses.sendRawEmail(r -> r.destinations("ana@send.example", "ben@send.example")
                    .rawMessage(m -> m.data(SdkBytes.fromUtf8String(mime)))).messageId();

            JsonNode message = onlyMessage("ben@send.example", "Raw report");
            assertThat(message.path("messageId").asText()).isEqualTo(id);
            assertThat(message.path("from").asText()).isEqualTo("Reports <reports@send.example>");
            assertThat(message.path("to").get(0).asText()).isEqualTo("ana@send.example");
            assertThat(message.path("bcc").get(0).asText()).isEqualTo("ben@send.example");
            assertThat(message.path("text").asText()).isEqualTo("Plain part");
            assertThat(message.path("html").asText()).isEqualTo("<p>HTML part</p>");
        }
    }

    @Test
    void aTemplatedEmailSubstitutesItsVariables() {
        try (SesClient ses = cloud.client(SesClient.builder())) {
            ses.createTemplate(r -> r.template(t -> t.templateName("run-report").subjectPart("Run {{run.id}} {{status}}")
                    .textPart("Hello {{name}}, run {{run.id}} is {{status}}.").htmlPart("<p>{{name}}: {{status}}</p>")));
            assertThat(ses.getTemplate(r -> r.templateName("run-report")).template().subjectPart())
                    .isEqualTo("Run {{run.id}} {{status}}");
            assertThat(ses.listTemplates(r -> { }).templatesMetadata()).anyMatch(t -> t.name().equals("run-report"));

            ses.sendTemplatedEmail(r -> r.source("reports@send.example").destination(d -> d.toAddresses("ana@send.example"))
                    .template("run-report").templateData("{\"name\":\"Ana\",\"status\":\"SUCCEEDED\",\"run\":{\"id\":\"jr_7\"}}"));

            JsonNode message = onlyMessage("ana@send.example", "Run jr_7 SUCCEEDED");
            assertThat(message.path("text").asText()).isEqualTo("Hello Ana, run jr_7 is SUCCEEDED.");
            assertThat(message.path("html").asText()).isEqualTo("<p>Ana: SUCCEEDED</p>");
        }
    }

    @Test
    void aTemplateTheDataCannotFillIsAcceptedButNotDeliveredAsOnAws() {
        try (SesClient ses = cloud.client(SesClient.builder())) {
            ses.createTemplate(r -> r.template(t -> t.templateName("needs-name").subjectPart("Missing {{who}}")
                    .textPart("Hi {{who}}")));
            String id = ses.sendTemplatedEmail(r -> r.source("reports@send.example")
                    .destination(d -> d.toAddresses("ana@send.example")).template("needs-name").templateData("{}"))
                    .messageId();

            assertThat(SesMailbox.messagesTo(cloud, "ana@send.example"))
                    .noneMatch(m -> m.path("messageId").asText().equals(id));
            assertThat(LabAdmin.events(cloud, "ses", "Rendering Failure")).anyMatch(e -> e.path("resource").asText()
                    .equals(id) && e.path("detail").path("errorMessage").asText().contains("'who'"));
        }
    }

    @Test
    void sendingWithATemplateThatDoesNotExistIsRefused() {
        try (SesClient ses = cloud.client(SesClient.builder())) {
            assertThatThrownBy(() -> ses.sendTemplatedEmail(r -> r.source("reports@send.example")
                    .destination(d -> d.toAddresses("ana@send.example")).template("nope").templateData("{}")))
                    .isInstanceOfSatisfying(TemplateDoesNotExistException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Template nope does not exist."));
        }
    }

    @Test
    void creatingATemplateTwiceIsRefusedAsAlreadyExists() {
        try (SesClient ses = cloud.client(SesClient.builder())) {
            ses.createTemplate(r -> r.template(t -> t.templateName("twice").subjectPart("s").textPart("t")));
            assertThatThrownBy(() -> ses.createTemplate(r -> r.template(t -> t.templateName("twice").subjectPart("s"))))
                    .isInstanceOfSatisfying(SesException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AlreadyExists"));
        }
    }

    @Test
    void getSendQuotaIsASandboxedAccountsAndCountsWhatWasSent() {
        try (SesClient ses = cloud.client(SesClient.builder(), RunningLabCloud.TEST_CREDENTIALS,
                software.amazon.awssdk.regions.Region.US_WEST_2)) {
            SesMailbox.verified(cloud, ses, "quota@send.example");
            ses.sendEmail(r -> r.source("quota@send.example").destination(d -> d.toAddresses("quota@send.example"))
                    .message(m -> m.subject(s -> s.data("q")).body(b -> b.text(t -> t.data("q")))));
            var quota = ses.getSendQuota();
            assertThat(quota.max24HourSend()).isEqualTo(200.0);
            assertThat(quota.maxSendRate()).isEqualTo(1.0);
            assertThat(quota.sentLast24Hours()).isEqualTo(1.0);
        }
    }

    @Test
    void theMailboxIsKeptPerAccount() {
        var accountB = software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test-b", "test-b"));
        try (SesClient ses = cloud.client(SesClient.builder(), accountB)) {
            ses.verifyEmailIdentity(r -> r.emailAddress("b@accounts.example"));
        }
        assertThat(LabAdmin.get(cloud, "/_lab/ses/messages?account=111111111111").path("messages"))
                .allMatch(m -> m.path("account").asText().equals("111111111111")).isNotEmpty();
        assertThat(LabAdmin.get(cloud, "/_lab/ses/messages?account=000000000000").path("messages"))
                .noneMatch(m -> m.path("to").get(0).asText().equals("b@accounts.example"));
    }
}
