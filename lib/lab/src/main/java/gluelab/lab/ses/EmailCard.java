package gluelab.lab.ses;

import gluelab.lab.display.Html;
import gluelab.lab.display.MimeBundle;
import gluelab.lab.display.Renderable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A message drawn as a mail client shows it: a header block (From, To, Cc, Subject, date), then the HTML body in a
 * sandboxed {@code <iframe srcdoc>} (an empty {@code sandbox} attribute: no scripts, no forms, no access to the
 * notebook, so the message's own CSS and scripts stay inside it), or the text body in a {@code <pre>} when there is
 * no HTML. Every header is text: a subject with markup shows the markup.
 */
public final class EmailCard implements Renderable {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String LABEL = "color: #57606a; padding: 1px 12px 1px 0; vertical-align: top; width: 1%;"
            + " white-space: nowrap";

    private final EmailMessage message;
    /** Why there is no message to draw, when there is none. */
    private final String absence;

    public EmailCard(EmailMessage message) {
        this(message, null);
    }

    private EmailCard(EmailMessage message, String absence) {
        this.message = message;
        this.absence = absence;
    }

    /** A card without a message: a note saying why there is none (nothing arrived, or no lab mailbox). */
    static EmailCard none(String why) {
        return new EmailCard(null, why);
    }

    public EmailMessage message() {
        return message;
    }

    @Override
    public MimeBundle toMimeBundle() {
        if (message == null) {
            return MimeBundle.html("<div style=\"" + Html.FONT + "; font-size: 13px; margin: 4px 0; max-width: 760px;"
                    + " border: 1px dashed #d0d7de; border-radius: 6px; padding: 8px 12px; color: #57606a\">(no message) "
                    + Html.escape(absence) + "</div>", "(no message) " + absence);
        }
        return MimeBundle.html(html(), plainText());
    }

    private String html() {
        StringBuilder html = new StringBuilder();
        html.append("<div style=\"").append(Html.FONT).append("; font-size: 13px; margin: 4px 0; max-width: 760px;")
                .append(" border: 1px solid #d0d7de; border-radius: 6px; overflow: hidden\">");
        html.append("<div style=\"background: #f6f8fa; border-bottom: 1px solid #d0d7de; padding: 8px 12px\">");
        html.append("<div style=\"font-size: 16px; font-weight: 600; margin-bottom: 6px\">")
                .append(Html.escape(message.subject())).append("</div>");
        html.append("<table style=\"border-collapse: collapse; font-size: 13px\">");
        header(html, "From", message.from());
        header(html, "To", String.join(", ", message.to()));
        if (!message.cc().isEmpty()) {
            header(html, "Cc", String.join(", ", message.cc()));
        }
        header(html, "Date", message.time() == null ? "" : DATE.format(message.time()));
        html.append("</table></div>");
        if (message.html() != null) {
            html.append("<iframe sandbox=\"\" srcdoc=\"").append(Html.escape(message.html()))
                    .append("\" title=\"").append(Html.escape(message.subject()))
                    .append("\" style=\"width: 100%; height: 320px; border: 0; background: white; display: block\">")
                    .append("</iframe>");
        } else {
            html.append("<pre style=\"").append(Html.MONO).append("; font-size: 12px; margin: 0; padding: 10px 12px;")
                    .append(" white-space: pre-wrap\">").append(Html.escape(message.text())).append("</pre>");
        }
        return html.append("</div>").toString();
    }

    private static void header(StringBuilder html, String label, String value) {
        html.append("<tr><td style=\"").append(LABEL).append("\">").append(label).append("</td><td>")
                .append(Html.escape(value)).append("</td></tr>");
    }

    private String plainText() {
        StringBuilder text = new StringBuilder();
        text.append("From:    ").append(message.from()).append('\n');
        text.append("To:      ").append(String.join(", ", message.to())).append('\n');
        if (!message.cc().isEmpty()) {
            text.append("Cc:      ").append(String.join(", ", message.cc())).append('\n');
        }
        text.append("Subject: ").append(message.subject()).append('\n');
        text.append("Date:    ").append(message.time() == null ? "" : DATE.format(message.time())).append("\n\n");
        text.append(message.text() != null ? message.text() : "(HTML only)");
        return text.toString();
    }

    @Override
    public String toString() {
        return message == null ? "(no message) " + absence : plainText();
    }
}
