package gluelab.cloud.services.ses;

import gluelab.cloud.provider.RequestContext;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ses.model.Body;
import software.amazon.awssdk.services.ses.model.Content;
import software.amazon.awssdk.services.ses.model.Destination;
import software.amazon.awssdk.services.ses.model.GetSendQuotaRequest;
import software.amazon.awssdk.services.ses.model.GetSendQuotaResponse;
import software.amazon.awssdk.services.ses.model.Message;
import software.amazon.awssdk.services.ses.model.SendEmailRequest;
import software.amazon.awssdk.services.ses.model.SendEmailResponse;
import software.amazon.awssdk.services.ses.model.SendRawEmailRequest;
import software.amazon.awssdk.services.ses.model.SendRawEmailResponse;
import software.amazon.awssdk.services.ses.model.SendTemplatedEmailRequest;
import software.amazon.awssdk.services.ses.model.SendTemplatedEmailResponse;

/** SES v1's sending: formatted, raw and templated email, and the account's sending quota. */
public final class SendingOperations {

    private final Outbox outbox;
    private final TemplateOperations templates;

    SendingOperations(Outbox outbox, TemplateOperations templates) {
        this.outbox = outbox;
        this.templates = templates;
    }

    public SendEmailResponse sendEmail(RequestContext context, SendEmailRequest request) {
        Message message = request.message();
        if (message == null || message.subject() == null || message.body() == null) {
            throw SesErrors.invalidParameter("Message, with its Subject and Body, is required.");
        }
        Body body = message.body();
        MailMessage sent = outbox.send(context, envelope(request.source(), request.destination(),
                request.replyToAddresses()), message.subject().data(), data(body.text()), data(body.html()));
        return SendEmailResponse.builder().messageId(sent.messageId()).build();
    }

    /**
     * The message's own headers name the sender and recipients where the request does not; the request's
     * Destinations are who it goes to, and any of them the headers do not name are its Bcc, as SES delivers them.
     */
    public SendRawEmailResponse sendRawEmail(RequestContext context, SendRawEmailRequest request) {
        if (request.rawMessage() == null || request.rawMessage().data() == null) {
            throw SesErrors.invalidParameter("RawMessage is required.");
        }
        RawMessages.Parsed raw = RawMessages.parse(request.rawMessage().data().asByteArray());
        String from = request.source() != null ? request.source() : raw.from();
        Outbox.Envelope envelope = request.hasDestinations()
                ? withDestinations(from, raw, request.destinations())
                : new Outbox.Envelope(from, raw.to(), raw.cc(), raw.bcc(), raw.replyTo());
        MailMessage sent = outbox.send(context, envelope, raw.subject(), raw.text(), raw.html());
        return SendRawEmailResponse.builder().messageId(sent.messageId()).build();
    }

    public SendTemplatedEmailResponse sendTemplatedEmail(RequestContext context, SendTemplatedEmailRequest request) {
        TemplateRecord template = templates.require(context, request.template());
        String messageId = outbox.sendTemplated(context, envelope(request.source(), request.destination(),
                request.replyToAddresses()), template, IdentityOperations.required("TemplateData", request.templateData()));
        return SendTemplatedEmailResponse.builder().messageId(messageId).build();
    }

    /** Every account is in the sandbox, with a new AWS account's quota. */
    public GetSendQuotaResponse getSendQuota(RequestContext context, GetSendQuotaRequest request) {
        return GetSendQuotaResponse.builder().max24HourSend(Outbox.MAX_24_HOUR_SEND).maxSendRate(Outbox.MAX_SEND_RATE)
                .sentLast24Hours(outbox.sentLast24Hours(context)).build();
    }

    private static Outbox.Envelope envelope(String source, Destination destination, List<String> replyTo) {
        IdentityOperations.required("Source", source);
        if (destination == null) {
            throw SesErrors.invalidParameter("Destination is required.");
        }
        return new Outbox.Envelope(source, destination.toAddresses(), destination.ccAddresses(),
                destination.bccAddresses(), replyTo);
    }

    private static Outbox.Envelope withDestinations(String from, RawMessages.Parsed raw, List<String> destinations) {
        Set<String> wanted = bareAddresses(destinations);
        Set<String> named = bareAddresses(raw.to());
        named.addAll(bareAddresses(raw.cc()));
        List<String> to = raw.to().stream().filter(a -> wanted.contains(lowerBare(a))).toList();
        List<String> cc = raw.cc().stream().filter(a -> wanted.contains(lowerBare(a))).toList();
        List<String> bcc = destinations.stream().filter(d -> !named.contains(lowerBare(d))).toList();
        return new Outbox.Envelope(from, to, cc, bcc, raw.replyTo());
    }

    private static Set<String> bareAddresses(List<String> written) {
        return written.stream().map(SendingOperations::lowerBare).collect(Collectors.toCollection(HashSet::new));
    }

    private static String lowerBare(String written) {
        return Addresses.bare(written).toLowerCase(Locale.ROOT);
    }

    private static String data(Content content) {
        return content == null ? null : content.data();
    }
}
