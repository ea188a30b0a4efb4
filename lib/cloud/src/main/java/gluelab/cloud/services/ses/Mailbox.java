package gluelab.cloud.services.ses;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.events.EventBus;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.state.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The lab mailbox: every message SES accepts, kept durably per account and region (so it survives a restart with
 * the state dir) and read through {@code /_lab/ses/messages}. Where AWS would hand a message to the recipient's
 * mail server, Lab Cloud keeps it here, and puts an {@code Email Sent} event on the timeline.
 */
final class Mailbox {

    private final AccountRegionStore<SesState> states;
    private final EventBus events;

    Mailbox(AccountRegionStore<SesState> states, EventBus events) {
        this.states = states;
        this.events = events;
    }

    /** A message sent now by the caller of {@code context}, with an id in SES's shape. */
    static MailMessage newMessage(RequestContext context, String from, List<String> to, List<String> cc,
                                  List<String> bcc, List<String> replyTo, String subject, String text, String html) {
        return new MailMessage(messageId(context), context.accountId(), context.region(), context.now(), from,
                List.copyOf(to), List.copyOf(cc), List.copyOf(bcc), List.copyOf(replyTo), subject, text, html);
    }

    /** SES's ids: the send time in hex milliseconds, a UUID, and a six-digit suffix. */
    private static String messageId(RequestContext context) {
        String millis = HexFormat.of().toHexDigits(context.now().toEpochMilli()).substring(0, 16);
        return millis + "-" + UUID.randomUUID() + "-000000";
    }

    void deliver(SesState state, MailMessage message) {
        state.mailbox.put(SesState.mailboxKey(message), message);
        ObjectNode detail = Json.object();
        detail.put("from", message.from());
        detail.set("to", Json.MAPPER.valueToTree(message.recipients()));
        detail.put("subject", message.subject());
        events.publish(message.account(), message.region(), SesProvider.SERVICE, "Email Sent", message.messageId(),
                detail);
    }

    /** A templated send SES accepted but could not render: nothing is delivered; the timeline says why. */
    void renderingFailed(MailMessage unsent, String templateName, String reason) {
        ObjectNode detail = Json.object();
        detail.put("template", templateName);
        detail.put("errorMessage", reason);
        detail.set("to", Json.MAPPER.valueToTree(unsent.recipients()));
        events.publish(unsent.account(), unsent.region(), SesProvider.SERVICE, "Rendering Failure",
                unsent.messageId(), detail);
    }

    /** Messages in the order sent, of one account (or all, if null) and to one recipient (or any, if null). */
    List<MailMessage> list(String account, String recipient) {
        Predicate<MailMessage> toRecipient = recipient == null ? m -> true
                : m -> m.recipients().stream().anyMatch(r -> sameAddress(r, recipient));
        List<MailMessage> messages = new ArrayList<>();
        states.all().forEach((scope, state) -> {
            if (account == null || account.equals(scope.account())) {
                state.mailbox.values().stream().filter(toRecipient).forEach(messages::add);
            }
        });
        messages.sort(Comparator.comparing(MailMessage::time).thenComparing(MailMessage::messageId));
        return messages;
    }

    /** Empties the mailbox of one account, or all of it: how many messages were removed. */
    int clear(String account) {
        int removed = 0;
        for (var entry : states.all().entrySet()) {
            if (account == null || account.equals(entry.getKey().account())) {
                removed += entry.getValue().mailbox.clear();
            }
        }
        return removed;
    }

    private static boolean sameAddress(String written, String wanted) {
        String bare;
        try {
            bare = Addresses.bare(written);
        } catch (RuntimeException notAnAddress) {
            bare = written;
        }
        return bare.toLowerCase(Locale.ROOT).equals(wanted.trim().toLowerCase(Locale.ROOT));
    }
}
