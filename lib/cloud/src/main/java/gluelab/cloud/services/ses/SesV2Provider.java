package gluelab.cloud.services.ses;

import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;
import java.util.List;
import java.util.Map;

/**
 * Amazon SES v2 (REST-JSON, under {@code /v2/email/}): email identities ({@link EmailIdentityOperations}) and
 * sending ({@link EmailOperations}). Made by {@link SesProvider}, whose state it shares, as v1 and v2 are one
 * service on AWS; both are signed as {@code ses}.
 */
public final class SesV2Provider implements ServiceProvider {

    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.restJson("sesv2", "ses", "2019-09-27",
            "software.amazon.awssdk.services.sesv2.model");

    private final List<Object> handlers;
    private final AccessRules accessRules;

    SesV2Provider(AccountRegionStore<SesState> states, Identities identities, Outbox outbox, AccessRules accessRules) {
        this.accessRules = accessRules;
        this.handlers = List.of(new EmailIdentityOperations(states, identities),
                new EmailOperations(states, outbox));
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public AccessRules accessRules() {
        return accessRules;
    }

    @Override
    public List<Object> operationHandlers() {
        return handlers;
    }

    /** boto3 1.26 and AWS CLI 2.9 list identities as the 2019 model did. */
    @Override
    public Map<String, String> olderRestRoutes() {
        return Map.of("ListEmailIdentities", "GET /v2/email/identities");
    }
}
