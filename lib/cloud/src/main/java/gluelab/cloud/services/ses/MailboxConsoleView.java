package gluelab.cloud.services.ses;

import static gluelab.cloud.console.ConsoleLinks.to;

import gluelab.cloud.console.ConsoleBlock.Field;
import gluelab.cloud.console.ConsoleBlock.Fields;
import gluelab.cloud.console.ConsoleBlock.HtmlDocument;
import gluelab.cloud.console.ConsoleBlock.LogLine;
import gluelab.cloud.console.ConsoleBlock.LogLines;
import gluelab.cloud.console.ConsoleBlock.Table;
import gluelab.cloud.console.ConsoleBlock;
import gluelab.cloud.console.ConsolePage.Crumb;
import gluelab.cloud.console.ConsolePage;
import gluelab.cloud.console.ConsoleRequest;
import gluelab.cloud.console.ConsoleView;
import java.util.ArrayList;
import java.util.List;

/**
 * SES in the console: the lab mailbox of the account, newest first, and each message with its text, and its HTML
 * body in a sandboxed frame (the browser runs none of its scripts).
 */
final class MailboxConsoleView extends ConsoleView {

    private final Mailbox mailbox;

    MailboxConsoleView(Mailbox mailbox) {
        super("ses", "SES mailbox");
        this.mailbox = mailbox;
    }

    @Override
    public ConsolePage page(ConsoleRequest request) {
        if (request.is()) {
            return messages(request);
        }
        if (request.is("messages", null)) {
            return message(request, request.segment(1));
        }
        throw request.notFound();
    }

    private ConsolePage messages(ConsoleRequest request) {
        Table.Builder table = Table.titled("Messages, newest first", "Subject", "From", "To", "Sent");
        List<MailMessage> messages = new ArrayList<>(mailbox.list(request.account(), null));
        messages.sort((a, b) -> b.time().compareTo(a.time()));
        for (MailMessage message : messages) {
            table.row(to("ses", "messages", message.messageId()), message.subject(), message.from(),
                    String.join(", ", message.recipients()), message.time());
        }
        return ConsolePage.of("SES mailbox", List.of(), table.orElse("No mail yet. Every message SES accepts "
                + "(SendEmail, SendTemplatedEmail, a verification email) lands here; nothing leaves the machine."));
    }

    private ConsolePage message(ConsoleRequest request, String id) {
        MailMessage message = mailbox.list(request.account(), null).stream()
                .filter(m -> m.messageId().equals(id)).findFirst().orElseThrow(request::notFound);
        List<ConsoleBlock> blocks = new ArrayList<>();
        blocks.add(Fields.of("Message", Field.of("Message id", message.messageId()), Field.of("From", message.from()),
                Field.of("To", String.join(", ", message.to())), Field.of("Cc", String.join(", ", message.cc())),
                Field.of("Bcc", String.join(", ", message.bcc())),
                Field.of("Reply to", String.join(", ", message.replyTo())), Field.of("Sent", message.time()),
                Field.of("Region", message.region())));
        if (message.html() != null) {
            blocks.add(new HtmlDocument("HTML body", message.html()));
        }
        if (message.text() != null) {
            blocks.add(new LogLines("Text body", message.text().lines().map(line -> new LogLine(null, line)).toList(),
                    "The text body is empty."));
        }
        return new ConsolePage(message.subject() == null ? "(no subject)" : message.subject(),
                List.of(new Crumb("SES mailbox", "ses")), blocks);
    }
}
