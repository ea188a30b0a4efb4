package gluelab.cloud.services.ses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.ChildLabCloud;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.VerificationStatus;

class SesRestartTest {

    @Test
    void aSentMessageAndAVerifiedIdentitySurviveKillNine(@TempDir Path stateDir) throws Exception {
        String messageId;
        try (ChildLabCloud first = ChildLabCloud.start(stateDir); SesClient ses = first.client(SesClient.builder())) {
            ses.verifyEmailIdentity(r -> r.emailAddress("durable@restart.example"));
            String text = first.adminGet("/_lab/ses/messages?to=durable@restart.example").path("messages").get(0)
                    .path("text").asText();
            String link = text.lines().filter(l -> l.contains("/_lab/ses/verify?token=")).findFirst().orElseThrow();
            HttpResponse<String> followed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    first.endpoint().resolve(link.substring(link.indexOf("/_lab/")))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(followed.statusCode()).isEqualTo(200);
            messageId = ses.sendEmail(r -> r.source("durable@restart.example")
                    .destination(d -> d.toAddresses("durable@restart.example"))
                    .message(m -> m.subject(s -> s.data("Kept")).body(b -> b.text(t -> t.data("across a restart")))))
                    .messageId();
            first.kill();
        }
        try (ChildLabCloud second = ChildLabCloud.start(stateDir); SesClient ses = second.client(SesClient.builder())) {
            JsonNode kept = second.adminGet("/_lab/ses/messages?to=durable@restart.example").path("messages");
            assertThat(kept).anyMatch(m -> m.path("messageId").asText().equals(messageId)
                    && m.path("text").asText().equals("across a restart"));
            assertThat(ses.getIdentityVerificationAttributes(r -> r.identities("durable@restart.example"))
                    .verificationAttributes().get("durable@restart.example").verificationStatus())
                    .isEqualTo(VerificationStatus.SUCCESS);
        }
    }
}
