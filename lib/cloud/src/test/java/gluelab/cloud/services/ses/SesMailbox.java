package gluelab.cloud.services.ses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ses.SesClient;

/** The lab mailbox, read as a learner reads it: through {@code /_lab/ses/messages}. */
final class SesMailbox {

    private static final Pattern LINK = Pattern.compile("http://\\S+/_lab/ses/verify\\?token=[A-Za-z0-9_-]+");

    private SesMailbox() {
    }

    static List<JsonNode> messagesTo(RunningLabCloud cloud, String recipient) {
        List<JsonNode> messages = new ArrayList<>();
        LabAdmin.get(cloud, "/_lab/ses/messages?to=" + URLEncoder.encode(recipient, StandardCharsets.UTF_8))
                .path("messages").forEach(messages::add);
        return messages;
    }

    /** The link in the newest verification email to {@code address}. */
    static URI verificationLink(RunningLabCloud cloud, String address) {
        List<JsonNode> messages = messagesTo(cloud, address);
        assertThat(messages).as("a verification email to " + address).isNotEmpty();
        Matcher link = LINK.matcher(messages.get(messages.size() - 1).path("text").asText());
        assertThat(link.find()).as("a verification link in the email").isTrue();
        return URI.create(link.group());
    }

    static HttpResponse<String> follow(RunningLabCloud cloud, URI link) {
        return cloud.http(HttpRequest.newBuilder(link).GET());
    }

    /** Asks SES to verify {@code address} and follows the link the verification email brings. */
    static void verified(RunningLabCloud cloud, SesClient ses, String address) {
        ses.verifyEmailIdentity(r -> r.emailAddress(address));
        assertThat(follow(cloud, verificationLink(cloud, address)).statusCode()).isEqualTo(200);
    }

    static void clear(RunningLabCloud cloud) {
        cloud.http(cloud.request("/_lab/ses/messages").DELETE());
    }
}
