package gluelab.cloud.services.iam;

import gluelab.cloud.policy.PolicyDocument;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;

/** A role's inline policies: permissions that belong to the role alone and go when it goes. */
public final class RolePolicyOperations {

    private final IamAccounts accounts;

    RolePolicyOperations(IamAccounts accounts) {
        this.accounts = accounts;
    }

    public PutRolePolicyResponse putRolePolicy(RequestContext context, PutRolePolicyRequest request) {
        IamConstraints.check().roleName(request.roleName()).policyName(request.policyName())
                .document("policyDocument", request.policyDocument()).orThrow();
        IamState state = accounts.of(context);
        state.role(request.roleName());
        PolicyText.parse(request.policyDocument(), PolicyDocument.Kind.IDENTITY);
        state.putRolePolicy(request.roleName(), request.policyName(), request.policyDocument());
        return PutRolePolicyResponse.builder().build();
    }

    public GetRolePolicyResponse getRolePolicy(RequestContext context, GetRolePolicyRequest request) {
        IamConstraints.check().roleName(request.roleName()).policyName(request.policyName()).orThrow();
        InlinePolicyRecord policy = accounts.of(context).rolePolicy(request.roleName(), request.policyName());
        return GetRolePolicyResponse.builder()
                .roleName(policy.roleName())
                .policyName(policy.policyName())
                .policyDocument(PolicyText.encoded(policy.document()))
                .build();
    }

    public DeleteRolePolicyResponse deleteRolePolicy(RequestContext context, DeleteRolePolicyRequest request) {
        IamConstraints.check().roleName(request.roleName()).policyName(request.policyName()).orThrow();
        accounts.of(context).deleteRolePolicy(request.roleName(), request.policyName());
        return DeleteRolePolicyResponse.builder().build();
    }

    public ListRolePoliciesResponse listRolePolicies(RequestContext context, ListRolePoliciesRequest request) {
        IamConstraints.check().roleName(request.roleName()).orThrow();
        IamState state = accounts.of(context);
        state.role(request.roleName());
        Pages.Page<InlinePolicyRecord> page = IamPages.page(state.rolePolicies(request.roleName()),
                InlinePolicyRecord::policyName, request.marker(), request.maxItems());
        return ListRolePoliciesResponse.builder()
                .policyNames(page.items().stream().map(InlinePolicyRecord::policyName).toList())
                .isTruncated(page.nextToken() != null)
                .marker(page.nextToken())
                .build();
    }
}
