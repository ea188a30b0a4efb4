package gluelab.cloud.services.ses;

import static gluelab.cloud.provider.AdminAnswers.json;
import static gluelab.cloud.provider.AdminAnswers.notAllowed;
import static gluelab.cloud.provider.AdminAnswers.problem;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.http.HttpExchange;
import gluelab.cloud.http.HttpResponse;
import gluelab.cloud.http.QueryString;
import gluelab.cloud.state.Json;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What SES has outside its API, under {@code /_lab/ses/}: the mailbox ({@code GET /_lab/ses/messages}, filtered by
 * {@code ?to=} and {@code ?account=}; {@code DELETE} empties it, or one account's part), the verification link
 * sent to an address ({@code GET /_lab/ses/verify?token=…}), and what stands in for a domain's TXT record
 * ({@code POST /_lab/ses/verify-domain?domain=…&token=…}, the token VerifyDomainIdentity returned).
 */
final class MailboxRoutes {

    private static final Logger LOG = Logger.getLogger(MailboxRoutes.class.getName());

    private final Mailbox mailbox;
    private final Identities identities;

    MailboxRoutes(Mailbox mailbox, Identities identities) {
        this.mailbox = mailbox;
        this.identities = identities;
    }

    void handle(HttpExchange exchange) {
        HttpResponse response;
        try {
            response = answer(exchange.rawPath(), exchange.method(), exchange.query());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "SES admin route failure", e);
            response = problem(500, "InternalFailure", String.valueOf(e.getMessage()));
        }
        try {
            exchange.respond(response);
        } catch (IOException e) {
            LOG.log(Level.FINE, "The admin client went away", e);
        }
    }

    private HttpResponse answer(String path, String method, QueryString query) {
        return switch (path) {
            case "/_lab/ses/messages" -> switch (method) {
                case "GET" -> messages(query.get("account"), query.get("to"));
                case "DELETE" -> cleared(mailbox.clear(query.get("account")));
                default -> notAllowed(method);
            };
            case "/_lab/ses/verify" -> method.equals("GET") ? verifyEmail(query.get("token")) : notAllowed(method);
            case "/_lab/ses/verify-domain" -> method.equals("POST") || method.equals("GET")
                    ? verifyDomain(query.get("domain"), query.get("token")) : notAllowed(method);
            default -> problem(404, "NotFound", "No admin endpoint " + path
                    + " (try /_lab/ses/messages, /_lab/ses/verify, /_lab/ses/verify-domain)");
        };
    }

    private HttpResponse messages(String account, String to) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("messages");
        for (MailMessage message : mailbox.list(account, to)) {
            list.add(Json.MAPPER.valueToTree(message));
        }
        return json(200, body);
    }

    private static HttpResponse cleared(int removed) {
        ObjectNode body = Json.object();
        body.put("removed", removed);
        return json(200, body);
    }

    /** The page a verification link opens, in AWS's words. */
    private HttpResponse verifyEmail(String token) {
        Optional<IdentityRecord> verified = identities.confirmEmail(token);
        if (verified.isEmpty()) {
            return HttpResponse.of(404, "text/html; charset=utf-8", "<html><body><h1>Verification failed</h1>"
                    + "<p>This verification link is not valid: the address was deleted, or a newer link was sent."
                    + "</p></body></html>");
        }
        return HttpResponse.of(200, "text/html; charset=utf-8", "<html><body><h1>Congratulations!</h1>"
                + "<p>You have successfully verified an email address. You can now start sending email from "
                + escape(verified.get().identity()) + ".</p></body></html>");
    }

    private HttpResponse verifyDomain(String domain, String token) {
        if (domain == null || token == null) {
            return problem(400, "BadRequest", "Say which domain and its TXT value: ?domain=example.com&token=<the "
                    + "VerificationToken VerifyDomainIdentity returned>");
        }
        Optional<IdentityRecord> verified = identities.confirmDomain(domain, token);
        if (verified.isEmpty()) {
            return problem(404, "NotFound", "No pending domain " + domain + " has that verification token");
        }
        ObjectNode body = Json.object();
        body.put("identity", verified.get().identity());
        body.put("verificationStatus", verified.get().status());
        return json(200, body);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
