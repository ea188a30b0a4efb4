package gluelab.cloud.services.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.RunningLabCloud;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.IdentityType;
import software.amazon.awssdk.services.ses.model.ListIdentitiesResponse;
import software.amazon.awssdk.services.ses.model.SesException;
import software.amazon.awssdk.services.ses.model.VerificationStatus;

class SesIdentityTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static VerificationStatus statusOf(SesClient ses, String identity) {
        return ses.getIdentityVerificationAttributes(r -> r.identities(identity)).verificationAttributes()
                .get(identity).verificationStatus();
    }

    @Test
    void anEmailIdentityStaysPendingUntilTheLinkInItsVerificationEmailIsFollowed() {
        try (SesClient ses = cloud.client(SesClient.builder())) {
            ses.verifyEmailIdentity(r -> r.emailAddress("ana@verify.example"));
            assertThat(statusOf(ses, "ana@verify.example")).isEqualTo(VerificationStatus.PENDING);

            List<JsonNode> inbox = SesMailbox.messagesTo(cloud, "ana@verify.example");
            assertThat(inbox).hasSize(1);
            assertThat(inbox.get(0).path("from").asText()).isEqualTo("no-reply-aws@amazon.com");
            assertThat(inbox.get(0).path("subject").asText()).contains("Email Address Verification Request");
            var page = SesMailbox.follow(cloud, SesMailbox.verificationLink(cloud, "ana@verify.example"));

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Congratulations");
            assertThat(statusOf(ses, "ana@verify.example")).isEqualTo(VerificationStatus.SUCCESS);
        }
    }

    @Test
    void aLinkThatNoIdentityHoldsVerifiesNothing() {
        var page = SesMailbox.follow(cloud, cloud.endpoint().resolve("/_lab/ses/verify?token=made-up"));
        assertThat(page.statusCode()).isEqualTo(404);
    }

    @Test
    void aDomainIsVerifiedByItsTokenStandingInForTheTxtRecordAndVerifiesItsAddresses() {
        try (SesClient ses = cloud.client(SesClient.builder())) {
            String token = ses.verifyDomainIdentity(r -> r.domain("shop.example")).verificationToken();
            assertThat(token).isNotBlank();
            var attributes = ses.getIdentityVerificationAttributes(r -> r.identities("shop.example"))
                    .verificationAttributes().get("shop.example");
            assertThat(attributes.verificationStatus()).isEqualTo(VerificationStatus.PENDING);
            assertThat(attributes.verificationToken()).isEqualTo(token);

            var wrong = cloud.http(cloud.request("/_lab/ses/verify-domain?domain=shop.example&token=nope")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertThat(wrong.statusCode()).isEqualTo(404);
            var right = cloud.http(cloud.request("/_lab/ses/verify-domain?domain=shop.example&token=" + token)
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertThat(right.statusCode()).isEqualTo(200);

            assertThat(statusOf(ses, "shop.example")).isEqualTo(VerificationStatus.SUCCESS);
            SesMailbox.verified(cloud, ses, "buyer@verify.example");
            String id = ses.sendEmail(r -> r.source("Shop <orders@shop.example>")
                    .destination(d -> d.toAddresses("buyer@verify.example"))
                    .message(m -> m.subject(s -> s.data("Your order")).body(b -> b.text(t -> t.data("Shipped"))))).messageId();
            assertThat(id).isNotBlank();
        }
    }

    @Test
    void listIdentitiesFiltersByTypeAndPages() {
        try (SesClient ses = cloud.client(SesClient.builder(), RunningLabCloud.TEST_CREDENTIALS,
                software.amazon.awssdk.regions.Region.EU_WEST_1)) {
            for (String address : List.of("a@list.example", "b@list.example", "c@list.example")) {
                ses.verifyEmailIdentity(r -> r.emailAddress(address));
            }
            ses.verifyDomainIdentity(r -> r.domain("list.example"));

            assertThat(ses.listIdentities(r -> r.identityType(IdentityType.DOMAIN)).identities())
                    .containsExactly("list.example");
            ListIdentitiesResponse first = ses.listIdentities(r -> r.identityType(IdentityType.EMAIL_ADDRESS).maxItems(2));
            assertThat(first.identities()).containsExactly("a@list.example", "b@list.example");
            ListIdentitiesResponse second = ses.listIdentities(r -> r.identityType(IdentityType.EMAIL_ADDRESS)
                    .maxItems(2).nextToken(first.nextToken()));
            assertThat(second.identities()).containsExactly("c@list.example");
            assertThat(second.nextToken()).isNull();
        }
    }

    @Test
    void deleteIdentityForgetsItAndItsLinkNoLongerVerifies() {
        try (SesClient ses = cloud.client(SesClient.builder())) {
            ses.verifyEmailAddress(r -> r.emailAddress("gone@verify.example"));
            URI link = SesMailbox.verificationLink(cloud, "gone@verify.example");
            ses.deleteIdentity(r -> r.identity("gone@verify.example"));

            assertThat(ses.getIdentityVerificationAttributes(r -> r.identities("gone@verify.example"))
                    .verificationAttributes()).isEmpty();
            assertThat(SesMailbox.follow(cloud, link).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void anAddressThatIsNotOneIsRefusedAsAnInvalidParameter() {
        try (SesClient ses = cloud.client(SesClient.builder())) {
            assertThatThrownBy(() -> ses.verifyEmailIdentity(r -> r.emailAddress("not-an-address")))
                    .isInstanceOfSatisfying(SesException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                        assertThat(e.statusCode()).isEqualTo(400);
                    });
        }
    }
}
