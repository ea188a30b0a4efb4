package gluelab.lab.ses;

import java.time.Instant;
import java.util.List;

/**
 * One message SES accepted, as the lab mailbox holds it: who sent it to whom, its subject, and its text and HTML
 * bodies (either may be null: a message has the parts its sender gave it).
 */
public record EmailMessage(String messageId, Instant time, String from, List<String> to, List<String> cc,
                           String subject, String text, String html) {

    public EmailMessage {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
    }

    /** Whether {@code address} is among its To and Cc recipients, compared as mail servers do, case aside. */
    public boolean isTo(String address) {
        String wanted = MailAddress.bare(address);
        return to.stream().anyMatch(r -> MailAddress.bare(r).equals(wanted))
                || cc.stream().anyMatch(r -> MailAddress.bare(r).equals(wanted));
    }
}
