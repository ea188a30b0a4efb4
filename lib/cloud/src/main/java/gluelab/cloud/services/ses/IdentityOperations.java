package gluelab.cloud.services.ses;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ses.model.DeleteIdentityRequest;
import software.amazon.awssdk.services.ses.model.DeleteIdentityResponse;
import software.amazon.awssdk.services.ses.model.GetIdentityVerificationAttributesRequest;
import software.amazon.awssdk.services.ses.model.GetIdentityVerificationAttributesResponse;
import software.amazon.awssdk.services.ses.model.IdentityType;
import software.amazon.awssdk.services.ses.model.IdentityVerificationAttributes;
import software.amazon.awssdk.services.ses.model.ListIdentitiesRequest;
import software.amazon.awssdk.services.ses.model.ListIdentitiesResponse;
import software.amazon.awssdk.services.ses.model.VerifyDomainIdentityRequest;
import software.amazon.awssdk.services.ses.model.VerifyDomainIdentityResponse;
import software.amazon.awssdk.services.ses.model.VerifyEmailAddressRequest;
import software.amazon.awssdk.services.ses.model.VerifyEmailAddressResponse;
import software.amazon.awssdk.services.ses.model.VerifyEmailIdentityRequest;
import software.amazon.awssdk.services.ses.model.VerifyEmailIdentityResponse;

/** SES v1's identities: verifying addresses and domains, listing them and where their verification stands. */
public final class IdentityOperations {

    private static final Pages.Limits LIST_IDENTITIES = new Pages.Limits("maxItems", 1000, 1000);

    private final AccountRegionStore<SesState> states;
    private final Identities identities;

    IdentityOperations(AccountRegionStore<SesState> states, Identities identities) {
        this.states = states;
        this.identities = identities;
    }

    public VerifyEmailIdentityResponse verifyEmailIdentity(RequestContext context, VerifyEmailIdentityRequest request) {
        identities.verifyEmail(context, required("EmailAddress", request.emailAddress()));
        return VerifyEmailIdentityResponse.builder().build();
    }

    /** The older name of VerifyEmailIdentity, which SES still answers. */
    public VerifyEmailAddressResponse verifyEmailAddress(RequestContext context, VerifyEmailAddressRequest request) {
        identities.verifyEmail(context, required("EmailAddress", request.emailAddress()));
        return VerifyEmailAddressResponse.builder().build();
    }

    public VerifyDomainIdentityResponse verifyDomainIdentity(RequestContext context, VerifyDomainIdentityRequest request) {
        IdentityRecord domain = identities.verifyDomain(context, required("Domain", request.domain()));
        return VerifyDomainIdentityResponse.builder().verificationToken(domain.token()).build();
    }

    public ListIdentitiesResponse listIdentities(RequestContext context, ListIdentitiesRequest request) {
        if (request.identityType() == IdentityType.UNKNOWN_TO_SDK_VERSION) {
            throw SesErrors.invalidParameter("Invalid IdentityType: " + request.identityTypeAsString());
        }
        List<IdentityRecord> all = states.get(context).identities.values().stream()
                .filter(i -> request.identityType() == null || i.type().equals(request.identityTypeAsString()))
                .toList();
        Pages.Page<IdentityRecord> page = SesErrors.V1_PAGES.page(all, i -> SesState.key(i.identity()),
                request.nextToken(), request.maxItems(), LIST_IDENTITIES);
        return ListIdentitiesResponse.builder()
                .identities(page.items().stream().map(IdentityRecord::identity).toList())
                .nextToken(page.nextToken()).build();
    }

    /** Identities SES does not know are left out of the answer, as on AWS. */
    public GetIdentityVerificationAttributesResponse getIdentityVerificationAttributes(
            RequestContext context, GetIdentityVerificationAttributesRequest request) {
        if (!request.hasIdentities()) {
            throw SesErrors.invalidParameter("Identities is required.");
        }
        if (request.identities().size() > 100) {
            throw SesErrors.invalidParameter("Too many identities: at most 100.");
        }
        SesState state = states.get(context);
        Map<String, IdentityVerificationAttributes> attributes = new LinkedHashMap<>();
        for (String name : request.identities()) {
            identities.find(state, name).ifPresent(identity -> attributes.put(name,
                    IdentityVerificationAttributes.builder().verificationStatus(identity.status())
                            .verificationToken(identity.type().equals(IdentityRecord.DOMAIN) ? identity.token() : null)
                            .build()));
        }
        return GetIdentityVerificationAttributesResponse.builder().verificationAttributes(attributes).build();
    }

    /** Deleting an identity SES does not know succeeds, as on AWS. */
    public DeleteIdentityResponse deleteIdentity(RequestContext context, DeleteIdentityRequest request) {
        identities.delete(states.get(context), required("Identity", request.identity()));
        return DeleteIdentityResponse.builder().build();
    }

    static String required(String member, String value) {
        if (value == null || value.isEmpty()) {
            throw SesErrors.invalidParameter(member + " is required.");
        }
        return value;
    }
}
