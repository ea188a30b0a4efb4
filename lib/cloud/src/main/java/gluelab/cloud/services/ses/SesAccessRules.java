package gluelab.cloud.services.ses;

import gluelab.cloud.provider.Access;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Members;
import gluelab.cloud.provider.RequestContext;
import java.util.List;
import java.util.Set;

/**
 * What each SES operation (v1 and v2) needs permission for, as the Service Authorization Reference lists it:
 * {@code ses:<Operation>}; the sending operations on the ARN of the identity they send from
 * ({@code arn:aws:ses:<region>:<account>:identity/<address or domain>}), so a policy can allow sending from one
 * verified address only. That identity is the address when it is an identity itself, else its domain when that is
 * one, else the address (SES then rejects the send as unverified). A send that names no sender (a raw message with
 * only a {@code From:} header) and every other operation are judged on {@code *}.
 */
final class SesAccessRules implements AccessRules {

    private static final Set<String> SENDING = Set.of("SendEmail", "SendRawEmail", "SendTemplatedEmail",
            "SendBulkTemplatedEmail", "SendBulkEmail");

    private final AccountRegionStore<SesState> states;
    private final Identities identities;

    SesAccessRules(AccountRegionStore<SesState> states, Identities identities) {
        this.states = states;
        this.identities = identities;
    }

    @Override
    public List<Access> required(RequestContext context, String operation, Object request) {
        String action = "ses:" + operation;
        String from = Members.string(request, "FromEmailAddress");
        if (from == null) {
            from = Members.string(request, "Source");
        }
        if (!SENDING.contains(operation) || from == null) {
            return List.of(Access.of(action, "*"));
        }
        String address;
        try {
            address = Addresses.bare(from);
        } catch (RuntimeException notAnAddress) {
            // The operation refuses it with SES's own error; the access check must not answer first with another.
            return List.of(Access.of(action, "*"));
        }
        return List.of(Access.of(action, Arn.of("ses", context.region(), context.accountId(),
                "identity/" + sendingIdentity(context, address))));
    }

    private String sendingIdentity(RequestContext context, String address) {
        SesState state = states.get(context);
        return identities.find(state, address).or(() -> identities.find(state, Addresses.domainOf(address)))
                .map(IdentityRecord::identity).orElse(address);
    }
}
