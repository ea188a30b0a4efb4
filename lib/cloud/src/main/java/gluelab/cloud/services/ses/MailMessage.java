package gluelab.cloud.services.ses;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A message SES accepted, as it lands in the lab mailbox ({@code GET /_lab/ses/messages}): who sent it to whom,
 * and its subject and text and HTML bodies, whichever it has.
 */
record MailMessage(String messageId, String account, String region, Instant time, String from, List<String> to,
                   List<String> cc, List<String> bcc, List<String> replyTo, String subject, String text, String html) {

    /** Every recipient: To, Cc and Bcc. */
    List<String> recipients() {
        return Stream.of(to, cc, bcc).flatMap(List::stream).toList();
    }
}
