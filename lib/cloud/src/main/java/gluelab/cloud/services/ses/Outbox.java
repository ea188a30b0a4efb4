package gluelab.cloud.services.ses;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where every send ends, v1 or v2, simple, raw or templated: the checks SES makes before it accepts a message,
 * then the mailbox. Every account is in the sandbox, as a new AWS account is: the sender must be verified, and so
 * must every recipient except the mailbox simulator's addresses.
 */
final class Outbox {

    /** The SES mailbox simulator's domain, whose addresses a sandboxed account may send to unverified. */
    static final String SIMULATOR_DOMAIN = "simulator.amazonses.com";
    /** A sandboxed account's quota, as AWS gives a new account. */
    static final double MAX_24_HOUR_SEND = 200;
    static final double MAX_SEND_RATE = 1;
    /** At most this many recipients, across To, Cc and Bcc. */
    private static final int MAX_RECIPIENTS = 50;

    private final AccountRegionStore<SesState> states;
    private final Identities identities;
    private final Mailbox mailbox;

    Outbox(AccountRegionStore<SesState> states, Identities identities, Mailbox mailbox) {
        this.states = states;
        this.identities = identities;
        this.mailbox = mailbox;
    }

    /** Accepts a message, or refuses it with {@code MessageRejected} as SES would. */
    MailMessage send(RequestContext context, Envelope envelope, String subject, String text, String html) {
        SesState state = check(context, envelope);
        MailMessage message = Mailbox.newMessage(context, envelope.from(), envelope.to(), envelope.cc(),
                envelope.bcc(), envelope.replyTo(), subject, text, html);
        mailbox.deliver(state, message);
        return message;
    }

    /**
     * Accepts a templated message and answers its id. As on AWS, a template the data cannot fill is found only
     * after the send is accepted: nothing is delivered, and the timeline says {@code Rendering Failure}.
     */
    String sendTemplated(RequestContext context, Envelope envelope, TemplateRecord template, String templateData) {
        SesState state = check(context, envelope);
        JsonNode data = TemplateRendering.data(templateData);
        MailMessage message;
        try {
            message = Mailbox.newMessage(context, envelope.from(), envelope.to(), envelope.cc(), envelope.bcc(),
                    envelope.replyTo(), TemplateRendering.render(template.subject(), data),
                    TemplateRendering.render(template.text(), data), TemplateRendering.render(template.html(), data));
        } catch (TemplateRendering.RenderingFailure failure) {
            MailMessage unsent = Mailbox.newMessage(context, envelope.from(), envelope.to(), envelope.cc(),
                    envelope.bcc(), envelope.replyTo(), template.subject(), null, null);
            mailbox.renderingFailed(unsent, template.name(), failure.getMessage());
            return unsent.messageId();
        }
        mailbox.deliver(state, message);
        return message.messageId();
    }

    /** The account's state, once the envelope passes SES's checks. */
    private SesState check(RequestContext context, Envelope envelope) {
        SesState state = states.get(context);
        List<String> recipients = Stream.of(envelope.to(), envelope.cc(), envelope.bcc())
                .flatMap(List::stream).toList();
        if (recipients.isEmpty()) {
            throw SesErrors.invalidParameter("Missing required header 'To'.");
        }
        if (recipients.size() > MAX_RECIPIENTS) {
            throw SesErrors.invalidParameter("Recipient count exceeds " + MAX_RECIPIENTS + ".");
        }
        List<String> failed = new ArrayList<>();
        if (!identities.isVerified(state, Addresses.bare(envelope.from()))) {
            failed.add(envelope.from());
        }
        for (String recipient : recipients) {
            String bare = Addresses.bare(recipient);
            if (!Addresses.domainOf(bare).equals(SIMULATOR_DOMAIN) && !identities.isVerified(state, bare)) {
                failed.add(recipient);
            }
        }
        if (!failed.isEmpty()) {
            throw SesErrors.notVerified(context.region(), failed);
        }
        return state;
    }

    /** Messages sent in the last 24 hours of the lab clock, for GetSendQuota and GetAccount. */
    double sentLast24Hours(RequestContext context) {
        var since = context.now().minusSeconds(24 * 3600);
        return states.get(context).mailbox.values().stream()
                .filter(m -> !m.from().equals(Identities.VERIFICATION_SENDER) && m.time().isAfter(since))
                .count();
    }

    /** Who a message is from and to. */
    record Envelope(String from, List<String> to, List<String> cc, List<String> bcc, List<String> replyTo) {

        Envelope {
            to = to == null ? List.of() : List.copyOf(to);
            cc = cc == null ? List.of() : List.copyOf(cc);
            bcc = bcc == null ? List.of() : List.copyOf(bcc);
            replyTo = replyTo == null ? List.of() : List.copyOf(replyTo);
        }
    }
}
