package gluelab.cloud.services.iam;

import gluelab.cloud.provider.Access;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.Members;
import gluelab.cloud.provider.RequestContext;
import java.util.List;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;

/**
 * What each IAM operation needs, as the Service Authorization Reference lists it: {@code iam:<Operation>} on the
 * role it acts on (its full ARN, path included), else on the managed policy it names, else on {@code *} (ListRoles,
 * ListPolicies). Attaching and detaching act on the role and say which policy in {@code iam:PolicyARN}.
 */
final class IamAccessRules implements AccessRules {

    private final IamAccounts accounts;

    IamAccessRules(IamAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<Access> required(RequestContext context, String operation, Object request) {
        Access access = Access.of("iam:" + operation, resource(context.accountId(), request));
        if (request instanceof AttachRolePolicyRequest attach && attach.policyArn() != null) {
            access.withKey("iam:PolicyARN", attach.policyArn());
        } else if (request instanceof DetachRolePolicyRequest detach && detach.policyArn() != null) {
            access.withKey("iam:PolicyARN", detach.policyArn());
        }
        return List.of(access);
    }

    private String resource(String account, Object request) {
        String roleName = Members.string(request, "RoleName");
        if (roleName != null) {
            String path = request instanceof CreateRoleRequest create && create.path() != null ? create.path()
                    : accounts.in(account).findRole(roleName).map(RoleRecord::path).orElse("/");
            return IamArns.role(account, path, roleName).toString();
        }
        String policyArn = Members.string(request, "PolicyArn");
        if (policyArn != null) {
            return policyArn;
        }
        if (request instanceof CreatePolicyRequest create && create.policyName() != null) {
            return IamArns.policy(account, create.path() == null ? "/" : create.path(), create.policyName()).toString();
        }
        return "*";
    }
}
