package gluelab.cloud.services.ses;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * A raw MIME message (SendRawEmail, v2's Raw content), read with Jakarta Mail: its headers give the envelope
 * where the request does not, and its first text/plain and text/html parts are the bodies (attachments are not
 * bodies).
 */
final class RawMessages {

    private static final Session SESSION = Session.getInstance(new Properties());

    private RawMessages() {
    }

    record Parsed(String from, List<String> to, List<String> cc, List<String> bcc, List<String> replyTo,
                  String subject, String text, String html) {
    }

    static Parsed parse(byte[] data) {
        if (data == null || data.length == 0) {
            throw SesErrors.invalidParameter("Empty raw message.");
        }
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(data));
            Bodies bodies = new Bodies();
            bodies.collect(message);
            Address[] from = message.getFrom();
            return new Parsed(from == null || from.length == 0 ? null : from[0].toString(),
                    addresses(message.getRecipients(Message.RecipientType.TO)),
                    addresses(message.getRecipients(Message.RecipientType.CC)),
                    addresses(message.getRecipients(Message.RecipientType.BCC)),
                    message.getHeader("Reply-To") == null ? List.of() : addresses(message.getReplyTo()),
                    message.getSubject(), bodies.text, bodies.html);
        } catch (MessagingException | IOException e) {
            throw SesErrors.invalidParameter("Could not parse the raw message: " + e.getMessage());
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    /** The first plain-text and the first HTML part that are not attachments, depth first. */
    private static final class Bodies {
        String text;
        String html;

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            } else if (text == null && part.isMimeType("text/plain")) {
                text = String.valueOf(part.getContent());
            } else if (html == null && part.isMimeType("text/html")) {
                html = String.valueOf(part.getContent());
            }
        }
    }
}
