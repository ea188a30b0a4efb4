package gluelab.lab.ses;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.lab.Check;
import gluelab.lab.DataTable;
import gluelab.lab.Durations;
import gluelab.lab.LabSetupException;
import gluelab.lab.targets.LabCloudAdmin;
import gluelab.lab.wait.StateWaiter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lab mailbox, as a notebook reads it: every message SES on Lab Cloud accepted in the lab's account (where AWS
 * would hand it to the recipient's mail server), from {@code GET /_lab/ses/messages}. A message can be shown as a
 * mail client shows it ({@link #card}), and the link in a verification email followed as the learner would click
 * it ({@link #followVerificationLink}). LocalStack and AWS have no such mailbox: there the mailbox is empty, each
 * call says where the mail went instead, and a check that fails afterwards says it needs the lab mailbox.
 */
public final class Mailbox {

    /** How every verification email's subject starts (the region follows). */
    public static final String VERIFICATION_SUBJECT = "Amazon Web Services – Email Address Verification Request";

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

    private final LabCloudAdmin admin;
    private final String account;
    private final String elsewhere;
    /** The messages this view has handed out, or that were there when it was opened: the read ones. */
    private final Set<String> read = new HashSet<>();
    private boolean saidWhereMailGoes;

    private Mailbox(LabCloudAdmin admin, String account, String elsewhere) {
        this.admin = admin;
        this.account = account;
        this.elsewhere = elsewhere;
        if (admin != null) {
            fetch(null).forEach(message -> read.add(message.messageId()));
        }
    }

    /** The mailbox of {@code account} on the Lab Cloud {@code admin} talks to. */
    public static Mailbox onLabCloud(LabCloudAdmin admin, String account) {
        return new Mailbox(admin, account, null);
    }

    /** A target without a lab mailbox: it is empty, and says {@code whereMailGoes} when first read. */
    public static Mailbox absent(String whereMailGoes) {
        return new Mailbox(null, null, whereMailGoes);
    }

    /** Every message in the lab's account, oldest first. */
    public List<EmailMessage> messages() {
        return markedRead(fetch(null));
    }

    /** The messages to {@code address} (To or Cc), oldest first. */
    public List<EmailMessage> messagesTo(String address) {
        return markedRead(fetch(address));
    }

    /** The messages as a table, oldest first: time, from, to, subject. */
    public DataTable table() {
        List<List<Object>> rows = new ArrayList<>();
        for (EmailMessage message : messages()) {
            rows.add(List.of(message.time().truncatedTo(ChronoUnit.MILLIS).toString(), message.from(),
                    String.join(", ", message.to()), message.subject()));
        }
        return DataTable.builder("time", "from", "to", "subject").rows(rows).build().from("the lab mailbox");
    }

    /** The newest message to {@code address}, or null when there is none. */
    public EmailMessage newestTo(String address) {
        List<EmailMessage> messages = messagesTo(address);
        return messages.isEmpty() ? null : messages.get(messages.size() - 1);
    }

    /**
     * Waits for new mail to {@code address}, as a mail client shows unread mail: a message that was not in the
     * mailbox when it was opened ({@code lab.mailbox()}) and that no call has returned since (messages, messagesTo,
     * table, followVerificationLink). Returns the newest such message, read from then on. Without a lab mailbox:
     * null at once, having said where the mail went.
     */
    public EmailMessage waitForMessageTo(String address, Duration timeout) {
        if (admin == null) {
            sayWhereMailGoes();
            return null;
        }
        List<EmailMessage> arrived = StateWaiter.onStdout(Duration.ofMillis(250), Duration.ofSeconds(2)).await(
                "Mail to " + address, () -> newMessagesTo(address),
                found -> found.isEmpty() ? "no new message" : found.size() + (found.size() == 1 ? " message" : " messages"),
                found -> !found.isEmpty(), (found, waited) -> "in " + Durations.describe(waited), timeout,
                "Look at what should send it: the sender's log, and whether SES refused it (MessageRejected)");
        return markedRead(arrived).get(arrived.size() - 1);
    }

    /**
     * Follows the link in the newest "Email Address Verification Request" to {@code address}, as its owner would
     * click it, and returns the page that opens (as text). The identity is verified from then on. Without a lab
     * mailbox the owner of the address clicks it: this says so and returns an empty page.
     */
    public String followVerificationLink(String address) {
        if (admin == null) {
            sayWhereMailGoes();
            System.out.println("Open the verification email to " + address + " in its inbox and click the link in it;"
                    + " then run the next cell.");
            return "";
        }
        List<EmailMessage> requests = messagesTo(address).stream()
                .filter(m -> m.subject() != null && m.subject().startsWith(VERIFICATION_SUBJECT)).toList();
        if (requests.isEmpty()) {
            throw new LabSetupException("No verification email to " + address + " in the lab mailbox: ask SES to "
                    + "verify it first (sesv2 CreateEmailIdentity, or ses VerifyEmailIdentity). An address already "
                    + "verified gets no new email.");
        }
        EmailMessage newest = requests.get(requests.size() - 1);
        URI link = verificationLink(newest).orElseThrow(() -> new LabSetupException(
                "The verification email to " + address + " (" + newest.messageId() + ") holds no link"));
        HttpResponse<String> page = admin.open(link);
        String text = pageText(page.body());
        if (page.statusCode() != 200) {
            throw new LabSetupException("The verification link to " + address + " answered " + page.statusCode()
                    + ": " + text + " (a newer verification email has a newer link)");
        }
        System.out.println("Followed the link in \"" + newest.subject() + "\" to " + address + ": " + text);
        return text;
    }

    /**
     * {@code message} drawn as a mail client shows it. Works on every target: it needs no mailbox. No message (null)
     * draws a note saying why there is none.
     */
    public EmailCard card(EmailMessage message) {
        if (message == null) {
            return EmailCard.none(admin == null ? elsewhere : "No such message is in the lab mailbox.");
        }
        return new EmailCard(message);
    }

    static Optional<URI> verificationLink(EmailMessage message) {
        for (String body : new String[] {message.text(), message.html()}) {
            if (body != null) {
                Matcher link = LINK.matcher(body);
                if (link.find()) {
                    return Optional.of(URI.create(link.group()));
                }
            }
        }
        return Optional.empty();
    }

    private List<EmailMessage> newMessagesTo(String address) {
        return fetch(address).stream().filter(m -> !read.contains(m.messageId())).toList();
    }

    private List<EmailMessage> markedRead(List<EmailMessage> messages) {
        messages.forEach(message -> read.add(message.messageId()));
        return messages;
    }

    private List<EmailMessage> fetch(String recipient) {
        if (admin == null) {
            sayWhereMailGoes();
            return List.of();
        }
        List<EmailMessage> messages = new ArrayList<>();
        for (JsonNode item : admin.mailboxMessages(account, recipient).path("messages")) {
            messages.add(new EmailMessage(item.path("messageId").asText(), Instant.parse(item.path("time").asText()),
                    item.path("from").asText(), strings(item.path("to")), strings(item.path("cc")),
                    text(item, "subject"), text(item, "text"), text(item, "html")));
        }
        messages.sort(Comparator.comparing(EmailMessage::time));
        return messages;
    }

    /** Once per mailbox, on stdout (never stderr: nbgrader scores a cell with stderr output 0). */
    private void sayWhereMailGoes() {
        Check.mailboxAbsent(elsewhere);
        if (!saidWhereMailGoes) {
            saidWhereMailGoes = true;
            System.out.println(elsewhere);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    /** What a browser shows of a small page: its text, tags dropped, spaces collapsed. */
    private static String pageText(String html) {
        return html.replaceAll("<[^>]*>", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replaceAll("\\s+", " ").trim();
    }
}
