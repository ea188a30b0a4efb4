package gluelab.lab.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import gluelab.lab.Check;
import gluelab.lab.DataTable;
import gluelab.lab.LabSetupException;
import gluelab.lab.LabTimeoutException;
import gluelab.lab.display.MimeBundle;
import gluelab.lab.targets.LabCloudAdmin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.VerificationStatus;

/** The lab mailbox as a notebook reads it: verification the real way, messages, their table, and the email card. */
class MailboxTest {

    private static final String ACCOUNT = "000000000000";

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static Mailbox mailbox() {
        return Mailbox.onLabCloud(new LabCloudAdmin(cloud.endpoint()), ACCOUNT);
    }

    private static void verified(SesV2Client ses, Mailbox mailbox, String address) {
        ses.createEmailIdentity(r -> r.emailIdentity(address));
        mailbox.followVerificationLink(address);
    }

    @Test
    void followingTheLinkInTheVerificationEmailVerifiesTheIdentity() {
        try (SesV2Client ses = cloud.client(SesV2Client.builder())) {
            Mailbox mailbox = mailbox();
            ses.createEmailIdentity(r -> r.emailIdentity("ops@verify.example"));
            assertThat(ses.getEmailIdentity(r -> r.emailIdentity("ops@verify.example")).verificationStatus())
                    .isEqualTo(VerificationStatus.PENDING);

            String page = mailbox.followVerificationLink("ops@verify.example");

            assertThat(page).contains("Congratulations").contains("ops@verify.example");
            assertThat(ses.getEmailIdentity(r -> r.emailIdentity("ops@verify.example")).verificationStatus())
                    .isEqualTo(VerificationStatus.SUCCESS);
        }
    }

    @Test
    void anAddressWithNoVerificationEmailSaysSoInsteadOfFollowingAnything() {
        assertThatThrownBy(() -> mailbox().followVerificationLink("never-asked@verify.example"))
                .isInstanceOf(LabSetupException.class).hasMessageContaining("No verification email to never-asked@verify.example");
    }

    @Test
    void aSentMessageIsReadBackWithItsHeadersAndBothBodiesAndOnlyByItsRecipients() {
        try (SesV2Client ses = cloud.client(SesV2Client.builder())) {
            Mailbox mailbox = mailbox();
            verified(ses, mailbox, "etl@send.example");
            verified(ses, mailbox, "team@send.example");
            verified(ses, mailbox, "boss@send.example");
            Instant before = Instant.now().minusSeconds(5);

            String id = ses.sendEmail(r -> r.fromEmailAddress("ETL <etl@send.example>")
                    .destination(d -> d.toAddresses("team@send.example").ccAddresses("boss@send.example"))
                    .content(c -> c.simple(m -> m.subject(s -> s.data("Nightly load SUCCEEDED"))
                            .body(b -> b.text(t -> t.data("12 rows in")).html(h -> h.data("<b>12</b> rows in"))))))
                    .messageId();

            EmailMessage message = mailbox.waitForMessageTo("team@send.example", Duration.ofSeconds(10));
            assertThat(message.messageId()).isEqualTo(id);
            assertThat(message.from()).isEqualTo("ETL <etl@send.example>");
            assertThat(message.to()).containsExactly("team@send.example");
            assertThat(message.cc()).containsExactly("boss@send.example");
            assertThat(message.subject()).isEqualTo("Nightly load SUCCEEDED");
            assertThat(message.text()).isEqualTo("12 rows in");
            assertThat(message.html()).isEqualTo("<b>12</b> rows in");
            assertThat(message.time()).isAfter(before);
            assertThat(message.isTo("BOSS@send.example")).isTrue();
            assertThat(mailbox.messagesTo("boss@send.example")).extracting(EmailMessage::messageId).contains(id);
            assertThat(mailbox.messagesTo("etl@send.example")).extracting(EmailMessage::messageId).doesNotContain(id);

            DataTable table = mailbox.table();
            assertThat(table.columnNames()).containsExactly("time", "from", "to", "subject");
            assertThat(table.values("subject")).contains("Nightly load SUCCEEDED");
        }
    }

    @Test
    void waitingForMailReturnsOnlyUnreadMailNeitherThereAtOpeningNorListedSince() {
        try (SesV2Client ses = cloud.client(SesV2Client.builder())) {
            Mailbox first = mailbox();
            verified(ses, first, "old@wait.example");
            ses.sendEmail(r -> r.fromEmailAddress("old@wait.example").destination(d -> d.toAddresses("old@wait.example"))
                    .content(c -> c.simple(m -> m.subject(s -> s.data("old")).body(b -> b.text(t -> t.data("old"))))));

            Mailbox reopened = mailbox();

            assertThatThrownBy(() -> reopened.waitForMessageTo("old@wait.example", Duration.ofMillis(300)))
                    .isInstanceOf(LabTimeoutException.class);
            ses.sendEmail(r -> r.fromEmailAddress("old@wait.example").destination(d -> d.toAddresses("old@wait.example"))
                    .content(c -> c.simple(m -> m.subject(s -> s.data("new")).body(b -> b.text(t -> t.data("new"))))));
            assertThat(reopened.waitForMessageTo("old@wait.example", Duration.ofSeconds(10)).subject()).isEqualTo("new");
            assertThatThrownBy(() -> reopened.waitForMessageTo("old@wait.example", Duration.ofMillis(300)))
                    .as("the new message was read").isInstanceOf(LabTimeoutException.class);
            ses.sendEmail(r -> r.fromEmailAddress("old@wait.example").destination(d -> d.toAddresses("old@wait.example"))
                    .content(c -> c.simple(m -> m.subject(s -> s.data("listed")).body(b -> b.text(t -> t.data("x"))))));
            assertThat(reopened.messagesTo("old@wait.example")).extracting(EmailMessage::subject).contains("listed");
            assertThatThrownBy(() -> reopened.waitForMessageTo("old@wait.example", Duration.ofMillis(300)))
                    .as("a listed message is read").isInstanceOf(LabTimeoutException.class);
        }
    }

    @Test
    void theCardShowsHeadersAsTextAndTheHtmlBodyInASandboxedFrame() {
        EmailMessage message = new EmailMessage("id-1", Instant.parse("2026-12-07T14:00:00Z"), "etl@card.example",
                List.of("team@card.example"), List.of(), "<script>alert('subject')</script> run & done",
                "plain body", "<style>body{color:red}</style><p onclick=\"x()\">Hello \"team\"</p><script>alert(1)</script>");

        MimeBundle bundle = mailbox().card(message).toMimeBundle();
        String html = bundle.data().get("text/html");

        assertThat(html).doesNotContain("<script").doesNotContain("<style").doesNotContain("<p ");
        assertThat(html).contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt; run &amp; done");
        assertThat(html).contains("<iframe sandbox=\"\" srcdoc=\"&lt;style&gt;body{color:red}&lt;/style&gt;"
                + "&lt;p onclick=&quot;x()&quot;&gt;Hello &quot;team&quot;&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"");
        assertThat(html).contains("Mon, 7 Dec 2026 14:00:00 UTC").contains("team@card.example");
        assertThat(bundle.plainText()).contains("Subject: <script>alert('subject')</script> run & done")
                .contains("plain body");
    }

    @Test
    void aTextOnlyMessageIsShownInAPreWithNoFrame() {
        EmailMessage message = new EmailMessage("id-2", Instant.parse("2026-12-07T14:00:00Z"), "etl@card.example",
                List.of("team@card.example"), List.of("cc@card.example"), "text only", "line 1\n<b>not bold</b>", null);

        String html = mailbox().card(message).toMimeBundle().data().get("text/html");

        assertThat(html).doesNotContain("<iframe").contains("<pre").contains("line 1\n&lt;b&gt;not bold&lt;/b&gt;")
                .contains("cc@card.example");
    }

    @Test
    void withoutLabCloudTheMailboxIsEmptySaysOnceWhereTheMailWentAndAFailingCheckSaysItNeedsTheLabMailbox() {
        Check.clearResults();
        Mailbox absent = Mailbox.absent("LocalStack keeps it at /_aws/ses");
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(absent.messages()).isEmpty();
            assertThat(absent.table().rowCount()).isZero();
            assertThat(absent.newestTo("a@b.example")).isNull();
            assertThat(absent.waitForMessageTo("a@b.example", Duration.ofMinutes(1))).isNull();
            assertThat(absent.followVerificationLink("a@b.example")).isEmpty();
            assertThatThrownBy(() -> Check.that("the summary arrived", false, "no message"))
                    .hasMessageContaining("no message (this check " + Check.NEEDS_LAB_MAILBOX + ": LocalStack keeps it at /_aws/ses)");
        } finally {
            System.setOut(stdout);
            Check.clearResults();
        }
        String said = printed.toString(StandardCharsets.UTF_8);
        assertThat(said.split("LocalStack keeps it at /_aws/ses", -1)).as("said once: %s", said).hasSize(2);
        assertThat(said).contains("Open the verification email to a@b.example in its inbox and click the link in it");
        assertThat(absent.card(null).toMimeBundle().data().get("text/html")).contains("(no message) LocalStack keeps it at /_aws/ses");
        assertThat(absent.card(new EmailMessage("id", Instant.EPOCH, "a@b.example", List.of("c@d.example"), List.of(),
                "s", "t", null)).toMimeBundle().data()).containsKey("text/html");
    }
}
