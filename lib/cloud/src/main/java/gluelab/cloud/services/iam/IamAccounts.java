package gluelab.cloud.services.iam;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.state.StateStore;
import java.util.Collection;
import java.util.Optional;

/**
 * IAM's state in every account, and the managed policies an account sees: its own and AWS's. IAM is global, so an
 * account has one state whatever region a request is signed for (the SDKs sign IAM for us-east-1).
 */
final class IamAccounts {

    /** The region part of IAM's state names: IAM has no regions. */
    static final String GLOBAL = "global";

    private final AccountRegionStore<IamState> states;
    private final AwsManagedPolicies awsPolicies;

    IamAccounts(StateStore store, AwsManagedPolicies awsPolicies) {
        this.states = new AccountRegionStore<>(IamProvider.SERVICE, store, IamState::new);
        this.awsPolicies = awsPolicies;
    }

    IamState of(RequestContext context) {
        return in(context.accountId());
    }

    IamState in(String account) {
        return states.get(account, GLOBAL);
    }

    Collection<IamState> all() {
        return states.all().values();
    }

    /** The role an ARN names, by its account and name (the path may be left out, as role names are unique). */
    Optional<RoleRecord> role(Arn arn) {
        if (!arn.service().equals("iam") || !arn.resourceType().equals("role") || arn.account().isEmpty()) {
            return Optional.empty();
        }
        return in(arn.account()).findRole(arn.resourceName());
    }

    /** The managed policy with this ARN that {@code account} may use: one of its own, or one of AWS's. */
    Optional<ManagedPolicyRecord> policy(String account, String arn) {
        if (arn.startsWith(IamArns.AWS_POLICY_PREFIX)) {
            return awsPolicies.byArn(arn);
        }
        return IamArns.parsePolicy(arn).filter(a -> a.account().equals(account)).flatMap(a -> in(account).findPolicy(arn));
    }

    Collection<ManagedPolicyRecord> awsPolicies() {
        return awsPolicies.all();
    }
}
