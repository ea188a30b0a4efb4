package gluelab.cloud.services.ses;

import static gluelab.cloud.testing.ConsolePages.block;
import static gluelab.cloud.testing.ConsolePages.field;
import static gluelab.cloud.testing.ConsolePages.links;
import static gluelab.cloud.testing.ConsolePages.page;
import static gluelab.cloud.testing.ConsolePages.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.RunningLabCloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ses.SesClient;

/** The SES mailbox in the web console: messages newest first, each with its HTML body as a document to frame. */
class MailboxConsoleViewTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void aSentMessageIsListedAndItsHtmlBodyIsHandedOverWholeForTheSandboxedFrame() {
        String html = "<h1>Daily report</h1><script>alert(1)</script>";
        String id;
        try (SesClient ses = cloud.client(SesClient.builder())) {
            SesMailbox.verified(cloud, ses, "reports@example.com");
            id = ses.sendEmail(r -> r.source("reports@example.com")
                    .destination(d -> d.toAddresses("success@simulator.amazonses.com"))
                    .message(m -> m.subject(s -> s.data("Daily report")).body(b -> b.html(h -> h.data(html))
                            .text(t -> t.data("Daily report\nAll good"))))).messageId();
        }

        JsonNode mailbox = page(cloud, "ses");
        assertThat(rows(mailbox, "Messages, newest first").get(0).subList(0, 3))
                .containsExactly("Daily report", "reports@example.com", "success@simulator.amazonses.com");
        assertThat(links(mailbox, "Messages, newest first").get(0)).isEqualTo("ses/messages/" + id);

        JsonNode message = page(cloud, "ses/messages/" + id);
        assertThat(field(message, "Message", "From")).isEqualTo("reports@example.com");
        assertThat(block(message, "HTML body").get("type").asText()).isEqualTo("html");
        assertThat(block(message, "HTML body").get("html").asText()).isEqualTo(html);
        assertThat(block(message, "Text body").get("lines")).hasSize(2);
        assertThat(page(cloud, "ses?account=111111111111").get("blocks").get(0).get("rows")).isEmpty();
    }
}
