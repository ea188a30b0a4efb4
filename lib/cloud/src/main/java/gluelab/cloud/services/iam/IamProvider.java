package gluelab.cloud.services.iam;

import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;
import java.util.List;

/**
 * AWS IAM: roles ({@link RoleOperations}), their inline policies ({@link RolePolicyOperations}) and managed policies,
 * the account's own and AWS's ({@link ManagedPolicyOperations}). IAM is global: an account has one IAM whatever
 * region a request is signed for. IAM is also what the access control judges role sessions by: it installs its roles
 * as the platform's {@link gluelab.cloud.provider.RoleDirectory}.
 *
 * <p>Where Lab Cloud differs from AWS: there are no IAM users, groups or instance profiles, and no permissions
 * boundaries (CreateRole refuses one rather than ignore it); a trust policy keeps the role ARNs it names, where AWS
 * shows a deleted role's unique id instead.
 */
public final class IamProvider implements ServiceProvider {

    public static final String SERVICE = "iam";

    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.query(
            SERVICE, "iam", "2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/",
            "software.amazon.awssdk.services.iam.model");

    private final IamAccounts accounts;
    private final RoleOperations roles;
    private final RolePolicyOperations rolePolicies;
    private final ManagedPolicyOperations managedPolicies;
    private final IamAccessRules accessRules;

    public IamProvider(Platform platform) {
        this.accounts = new IamAccounts(platform.state(), AwsManagedPolicies.load());
        this.roles = new RoleOperations(accounts);
        this.rolePolicies = new RolePolicyOperations(accounts);
        this.managedPolicies = new ManagedPolicyOperations(accounts);
        this.accessRules = new IamAccessRules(accounts);
        platform.access().useDirectory(new IamRoleDirectory(accounts));
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Object> operationHandlers() {
        return List.of(roles, rolePolicies, managedPolicies);
    }

    @Override
    public AccessRules accessRules() {
        return accessRules;
    }

    /** Removes roles and customer managed policies named with {@code prefix}; AWS's own policies always stay. */
    @Override
    public int reset(String prefix) {
        int removed = 0;
        for (IamState state : accounts.all()) {
            removed += state.reset(prefix);
        }
        return removed;
    }
}
