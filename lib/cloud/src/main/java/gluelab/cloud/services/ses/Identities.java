package gluelab.cloud.services.ses;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.EdgeEndpoint;
import gluelab.cloud.provider.RequestContext;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verification as on AWS, for v1 and v2 alike. An email address stays {@code Pending} until the link in the
 * verification email (sent to the lab mailbox) is followed; a domain until its TXT record would be seen, which
 * in the lab is {@code /_lab/ses/verify-domain?domain=…&token=…} with the token VerifyDomainIdentity returned. An
 * address in a verified domain is verified too, as on AWS.
 */
final class Identities {

    static final String VERIFICATION_SENDER = "no-reply-aws@amazon.com";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRegionStore<SesState> states;
    private final Mailbox mailbox;
    private final EdgeEndpoint edge;

    Identities(AccountRegionStore<SesState> states, Mailbox mailbox, EdgeEndpoint edge) {
        this.states = states;
        this.mailbox = mailbox;
        this.edge = edge;
    }

    /**
     * Starts verifying an address: it is {@code Pending} (again, if it was already) and a verification email with
     * a fresh link goes to it. An address already verified stays verified, and gets no email, as on AWS.
     */
    IdentityRecord verifyEmail(RequestContext context, String address) {
        String bare = Addresses.bare(address);
        if (!bare.equals(address.trim())) {
            throw SesErrors.invalidParameter("Invalid email address<" + address + ">.");
        }
        SesState state = states.get(context);
        IdentityRecord existing = state.identities.get(SesState.key(bare));
        if (existing != null && existing.verified()) {
            return existing;
        }
        IdentityRecord pending = new IdentityRecord(bare, IdentityRecord.EMAIL_ADDRESS, IdentityRecord.PENDING,
                newToken(), context.now());
        state.identities.put(SesState.key(bare), pending);
        mailbox.deliver(state, verificationEmail(context, pending));
        return pending;
    }

    /** Starts verifying a domain: {@code Pending}, with the token its {@code _amazonses} TXT record would hold. */
    IdentityRecord verifyDomain(RequestContext context, String domain) {
        if (domain == null || domain.isBlank() || domain.contains("@") || !domain.contains(".")) {
            throw SesErrors.invalidParameter("Invalid domain name " + domain + ".");
        }
        SesState state = states.get(context);
        return state.identities.update(SesState.key(domain), existing -> existing != null ? existing
                : new IdentityRecord(domain, IdentityRecord.DOMAIN, IdentityRecord.PENDING, newToken(), context.now()));
    }

    Optional<IdentityRecord> find(SesState state, String identity) {
        return state.identities.find(SesState.key(identity));
    }

    /** Whether {@code bareAddress} may send, or (in the sandbox) receive: it, or its domain, is verified. */
    boolean isVerified(SesState state, String bareAddress) {
        return find(state, bareAddress).map(IdentityRecord::verified).orElse(false)
                || find(state, Addresses.domainOf(bareAddress)).map(IdentityRecord::verified).orElse(false);
    }

    boolean delete(SesState state, String identity) {
        return state.identities.remove(SesState.key(identity)) != null;
    }

    /** Follows a verification link: the address whose token it is becomes {@code Success}. */
    Optional<IdentityRecord> confirmEmail(String token) {
        return confirm(IdentityRecord.EMAIL_ADDRESS, token, null);
    }

    /** Stands in for SES seeing a domain's TXT record: the domain holding that token becomes {@code Success}. */
    Optional<IdentityRecord> confirmDomain(String domain, String token) {
        return confirm(IdentityRecord.DOMAIN, token, SesState.key(domain));
    }

    private Optional<IdentityRecord> confirm(String type, String token, String key) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        for (SesState state : states.all().values()) {
            for (Map.Entry<String, IdentityRecord> entry : state.identities.view().entrySet()) {
                IdentityRecord identity = entry.getValue();
                if (identity.type().equals(type) && token.equals(identity.token())
                        && (key == null || key.equals(entry.getKey()))) {
                    return Optional.of(state.identities.update(entry.getKey(), IdentityRecord::verifiedNow));
                }
            }
        }
        return Optional.empty();
    }

    private MailMessage verificationEmail(RequestContext context, IdentityRecord identity) {
        String link = edge.uri().resolve("/_lab/ses/verify?token=" + identity.token()).toString();
        String region = context.region();
        String text = "Dear Amazon Web Services Customer,\n\n"
                + "We have received a request to authorize this email address for use with Amazon SES in region "
                + region + ". If you requested this verification, please go to the following URL to confirm that you "
                + "are authorized to use this email address:\n\n" + link + "\n\n"
                + "Your request will not be processed unless you confirm the address using this URL.\n\n"
                + "Sincerely,\n\nThe Amazon Web Services Team.";
        String html = "<p>Dear Amazon Web Services Customer,</p><p>We have received a request to authorize this email "
                + "address for use with Amazon SES in region " + region + ". If you requested this verification, "
                + "please go to the following URL to confirm that you are authorized to use this email address:</p>"
                + "<p><a href=\"" + link + "\">" + link + "</a></p>"
                + "<p>Your request will not be processed unless you confirm the address using this URL.</p>"
                + "<p>Sincerely,<br>The Amazon Web Services Team.</p>";
        return Mailbox.newMessage(context, VERIFICATION_SENDER, List.of(identity.identity()), List.of(), List.of(),
                List.of(), "Amazon Web Services – Email Address Verification Request in region " + region, text, html);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
