package gluelab.cloud.services.ses;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.sesv2.model.CreateEmailIdentityRequest;
import software.amazon.awssdk.services.sesv2.model.CreateEmailIdentityResponse;
import software.amazon.awssdk.services.sesv2.model.DeleteEmailIdentityRequest;
import software.amazon.awssdk.services.sesv2.model.DeleteEmailIdentityResponse;
import software.amazon.awssdk.services.sesv2.model.GetEmailIdentityRequest;
import software.amazon.awssdk.services.sesv2.model.GetEmailIdentityResponse;
import software.amazon.awssdk.services.sesv2.model.IdentityInfo;
import software.amazon.awssdk.services.sesv2.model.IdentityType;
import software.amazon.awssdk.services.sesv2.model.ListEmailIdentitiesRequest;
import software.amazon.awssdk.services.sesv2.model.ListEmailIdentitiesResponse;
import software.amazon.awssdk.services.sesv2.model.VerificationStatus;

/** SES v2's email identities: the same identities as v1's, in v2's shapes. */
public final class EmailIdentityOperations {

    private static final Pages.Limits LIST_EMAIL_IDENTITIES = new Pages.Limits("pageSize", 100, 1000);

    private final AccountRegionStore<SesState> states;
    private final Identities identities;

    EmailIdentityOperations(AccountRegionStore<SesState> states, Identities identities) {
        this.states = states;
        this.identities = identities;
    }

    /** An address gets a verification email, as with v1's VerifyEmailIdentity; a domain waits for its record. */
    public CreateEmailIdentityResponse createEmailIdentity(RequestContext context, CreateEmailIdentityRequest request) {
        String name = required(request.emailIdentity());
        if (identities.find(states.get(context), name).isPresent()) {
            throw SesErrors.identityExists(name);
        }
        IdentityRecord identity = Addresses.isEmailAddress(name)
                ? identities.verifyEmail(context, name) : identities.verifyDomain(context, name);
        return CreateEmailIdentityResponse.builder().identityType(type(identity))
                .verifiedForSendingStatus(identity.verified()).build();
    }

    public GetEmailIdentityResponse getEmailIdentity(RequestContext context, GetEmailIdentityRequest request) {
        IdentityRecord identity = require(context, request.emailIdentity());
        return GetEmailIdentityResponse.builder().identityType(type(identity))
                .verifiedForSendingStatus(identity.verified()).verificationStatus(status(identity))
                .feedbackForwardingStatus(true).build();
    }

    public ListEmailIdentitiesResponse listEmailIdentities(RequestContext context, ListEmailIdentitiesRequest request) {
        List<IdentityRecord> all = List.copyOf(states.get(context).identities.values());
        Pages.Page<IdentityRecord> page = SesErrors.V2_PAGES.page(all, i -> SesState.key(i.identity()),
                request.nextToken(), request.pageSize(), LIST_EMAIL_IDENTITIES);
        return ListEmailIdentitiesResponse.builder()
                .emailIdentities(page.items().stream().map(i -> IdentityInfo.builder().identityName(i.identity())
                        .identityType(type(i)).sendingEnabled(i.verified()).verificationStatus(status(i)).build())
                        .toList())
                .nextToken(page.nextToken()).build();
    }

    public DeleteEmailIdentityResponse deleteEmailIdentity(RequestContext context, DeleteEmailIdentityRequest request) {
        require(context, request.emailIdentity());
        identities.delete(states.get(context), request.emailIdentity());
        return DeleteEmailIdentityResponse.builder().build();
    }

    private IdentityRecord require(RequestContext context, String name) {
        return identities.find(states.get(context), required(name))
                .orElseThrow(() -> SesErrors.identityNotFound(name));
    }

    private static String required(String name) {
        if (name == null || name.isEmpty()) {
            throw SesErrors.badRequest("EmailIdentity is required.");
        }
        return name;
    }

    private static IdentityType type(IdentityRecord identity) {
        return identity.type().equals(IdentityRecord.DOMAIN) ? IdentityType.DOMAIN : IdentityType.EMAIL_ADDRESS;
    }

    /** v1's {@code Pending} is v2's {@code PENDING}. */
    private static VerificationStatus status(IdentityRecord identity) {
        return VerificationStatus.fromValue(identity.status().toUpperCase(Locale.ROOT));
    }
}
