package gluelab.cloud.services.ses;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.RequestContext;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.GetAccountRequest;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sesv2.model.SendQuota;
import software.amazon.awssdk.services.sesv2.model.Template;

/** SES v2's sending (Simple, Raw or Template content) and the account it sends from. */
public final class EmailOperations {

    private final AccountRegionStore<SesState> states;
    private final Outbox outbox;

    EmailOperations(AccountRegionStore<SesState> states, Outbox outbox) {
        this.states = states;
        this.outbox = outbox;
    }

    public SendEmailResponse sendEmail(RequestContext context, SendEmailRequest request) {
        EmailContent content = request.content();
        if (content == null) {
            throw SesErrors.badRequest("Content is required.");
        }
        String messageId;
        if (content.simple() != null) {
            messageId = sendSimple(context, request, content.simple());
        } else if (content.raw() != null && content.raw().data() != null) {
            messageId = sendRaw(context, request);
        } else if (content.template() != null) {
            messageId = sendTemplated(context, request, content.template());
        } else {
            throw SesErrors.badRequest("Content must hold Simple, Raw or Template.");
        }
        return SendEmailResponse.builder().messageId(messageId).build();
    }

    /** Every account is in the sandbox, with a new AWS account's quota. */
    public GetAccountResponse getAccount(RequestContext context, GetAccountRequest request) {
        return GetAccountResponse.builder().productionAccessEnabled(false).sendingEnabled(true)
                .enforcementStatus("HEALTHY").dedicatedIpAutoWarmupEnabled(false)
                .sendQuota(SendQuota.builder().max24HourSend(Outbox.MAX_24_HOUR_SEND).maxSendRate(Outbox.MAX_SEND_RATE)
                        .sentLast24Hours(outbox.sentLast24Hours(context)).build())
                .build();
    }

    private String sendSimple(RequestContext context, SendEmailRequest request, Message message) {
        if (message.subject() == null || message.body() == null) {
            throw SesErrors.badRequest("Simple content needs a Subject and a Body.");
        }
        Body body = message.body();
        return outbox.send(context, envelope(request, request.fromEmailAddress()), message.subject().data(),
                data(body.text()), data(body.html())).messageId();
    }

    /** The raw message's headers name the sender and recipients where the request does not. */
    private String sendRaw(RequestContext context, SendEmailRequest request) {
        RawMessages.Parsed raw = RawMessages.parse(request.content().raw().data().asByteArray());
        String from = request.fromEmailAddress() != null ? request.fromEmailAddress() : raw.from();
        Outbox.Envelope envelope = request.destination() != null ? envelope(request, from)
                : new Outbox.Envelope(from, raw.to(), raw.cc(), raw.bcc(), raw.replyTo());
        return outbox.send(context, envelope, raw.subject(), raw.text(), raw.html()).messageId();
    }

    /** A stored template by name (v1's and v2's templates are the same ones), or one given inline. */
    private String sendTemplated(RequestContext context, SendEmailRequest request, Template template) {
        TemplateRecord record;
        if (template.templateContent() != null) {
            var inline = template.templateContent();
            record = new TemplateRecord("inline", inline.subject(), inline.text(), inline.html(), context.now());
        } else {
            String name = template.templateName();
            if (name == null || name.isEmpty()) {
                throw SesErrors.badRequest("Template needs a TemplateName or TemplateContent.");
            }
            record = states.get(context).templates.get(name);
            if (record == null) {
                throw SesErrors.v2TemplateNotFound(name);
            }
        }
        if (template.templateData() == null) {
            throw SesErrors.badRequest("TemplateData is required.");
        }
        return outbox.sendTemplated(context, envelope(request, request.fromEmailAddress()), record,
                template.templateData());
    }

    private static Outbox.Envelope envelope(SendEmailRequest request, String from) {
        if (from == null || from.isEmpty()) {
            throw SesErrors.badRequest("FromEmailAddress is required.");
        }
        Destination destination = request.destination();
        if (destination == null) {
            throw SesErrors.badRequest("Destination is required.");
        }
        return new Outbox.Envelope(from, destination.toAddresses(), destination.ccAddresses(),
                destination.bccAddresses(), request.replyToAddresses());
    }

    private static String data(Content content) {
        return content == null ? null : content.data();
    }
}
