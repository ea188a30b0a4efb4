package gluelab.cloud.services.iam;

import gluelab.cloud.policy.PolicyDocument;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.CommonErrors;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleResponse;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.TagRoleResponse;
import software.amazon.awssdk.services.iam.model.UntagRoleRequest;
import software.amazon.awssdk.services.iam.model.UntagRoleResponse;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.UpdateRoleDescriptionRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleDescriptionResponse;
import software.amazon.awssdk.services.iam.model.UpdateRoleRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleResponse;

/**
 * Roles: who may assume them (the trust policy, checked as AWS checks it when it is stored: its principals must
 * exist), for how long, and their tags. What a role may do is its inline and attached policies
 * ({@link RolePolicyOperations}, {@link ManagedPolicyOperations}).
 */
public final class RoleOperations {

    /** AWS's quota on a trust policy: 2,048 characters, whitespace not counted. */
    static final int TRUST_POLICY_QUOTA = 2048;
    private static final int DEFAULT_MAX_SESSION = 3600;

    private final IamAccounts accounts;

    RoleOperations(IamAccounts accounts) {
        this.accounts = accounts;
    }

    public CreateRoleResponse createRole(RequestContext context, CreateRoleRequest request) {
        IamConstraints.check().roleName(request.roleName()).path(request.path())
                .document("assumeRolePolicyDocument", request.assumeRolePolicyDocument())
                .roleDescription(request.description()).maxSessionDuration(request.maxSessionDuration())
                .tags(request.hasTags() ? request.tags() : null, false)
                .orThrow();
        if (request.permissionsBoundary() != null) {
            throw CommonErrors.notImplemented(context.service(), "CreateRole with a PermissionsBoundary");
        }
        List<IamTag> tags = IamTags.ROLES.given(request.hasTags() ? request.tags() : List.of());
        checkTrustPolicy(request.assumeRolePolicyDocument());
        RoleRecord role = new RoleRecord(request.roleName(), request.path() == null ? "/" : request.path(),
                IamIds.next(IamIds.ROLE), context.now().truncatedTo(ChronoUnit.SECONDS), request.assumeRolePolicyDocument(),
                request.description(),
                request.maxSessionDuration() == null ? DEFAULT_MAX_SESSION : request.maxSessionDuration(), tags, List.of());
        accounts.of(context).createRole(role);
        return CreateRoleResponse.builder().role(created(context, role)).build();
    }

    public GetRoleResponse getRole(RequestContext context, GetRoleRequest request) {
        IamConstraints.check().roleName(request.roleName()).orThrow();
        RoleRecord role = accounts.of(context).role(request.roleName());
        Role.Builder view = described(context, role).maxSessionDuration(role.maxSessionDuration())
                .roleLastUsed(RoleLastUsed.builder().build());
        return GetRoleResponse.builder().role(withTags(view, role).build()).build();
    }

    public ListRolesResponse listRoles(RequestContext context, ListRolesRequest request) {
        IamConstraints.check().pathPrefix(request.pathPrefix()).orThrow();
        String prefix = request.pathPrefix() == null ? "/" : request.pathPrefix();
        List<RoleRecord> matching = accounts.of(context).roles().stream().filter(r -> r.path().startsWith(prefix)).toList();
        Pages.Page<RoleRecord> page = IamPages.page(matching, r -> r.name().toLowerCase(Locale.ROOT),
                request.marker(), request.maxItems());
        return ListRolesResponse.builder()
                .roles(page.items().stream().map(r -> listed(context, r)).toList())
                .isTruncated(page.nextToken() != null)
                .marker(page.nextToken())
                .build();
    }

    public UpdateRoleResponse updateRole(RequestContext context, UpdateRoleRequest request) {
        IamConstraints.check().roleName(request.roleName()).roleDescription(request.description())
                .maxSessionDuration(request.maxSessionDuration()).orThrow();
        accounts.of(context).updateRole(request.roleName(), role -> {
            RoleRecord updated = request.description() == null ? role : role.withDescription(request.description());
            return request.maxSessionDuration() == null ? updated : updated.withMaxSessionDuration(request.maxSessionDuration());
        });
        return UpdateRoleResponse.builder().build();
    }

    public UpdateRoleDescriptionResponse updateRoleDescription(RequestContext context, UpdateRoleDescriptionRequest request) {
        IamConstraints.check().roleName(request.roleName()).required("description", request.description())
                .roleDescription(request.description()).orThrow();
        RoleRecord role = accounts.of(context).updateRole(request.roleName(), r -> r.withDescription(request.description()));
        return UpdateRoleDescriptionResponse.builder().role(created(context, role)).build();
    }

    public UpdateAssumeRolePolicyResponse updateAssumeRolePolicy(RequestContext context,
                                                                 UpdateAssumeRolePolicyRequest request) {
        IamConstraints.check().roleName(request.roleName()).document("policyDocument", request.policyDocument()).orThrow();
        IamState state = accounts.of(context);
        state.role(request.roleName());
        checkTrustPolicy(request.policyDocument());
        state.updateRole(request.roleName(), role -> role.withTrustPolicy(request.policyDocument()));
        return UpdateAssumeRolePolicyResponse.builder().build();
    }

    public DeleteRoleResponse deleteRole(RequestContext context, DeleteRoleRequest request) {
        IamConstraints.check().roleName(request.roleName()).orThrow();
        accounts.of(context).deleteRole(request.roleName());
        return DeleteRoleResponse.builder().build();
    }

    public TagRoleResponse tagRole(RequestContext context, TagRoleRequest request) {
        IamConstraints.check().roleName(request.roleName()).tags(request.hasTags() ? request.tags() : null, true).orThrow();
        accounts.of(context).updateRole(request.roleName(), role -> role.withTags(IamTags.ROLES.tagged(role.tags(),
                request.tags())));
        return TagRoleResponse.builder().build();
    }

    public UntagRoleResponse untagRole(RequestContext context, UntagRoleRequest request) {
        IamConstraints.check().roleName(request.roleName()).tagKeys(request.hasTagKeys() ? request.tagKeys() : null)
                .orThrow();
        accounts.of(context).updateRole(request.roleName(), role -> role.withTags(IamTags.ROLES.untagged(role.tags(),
                request.tagKeys())));
        return UntagRoleResponse.builder().build();
    }

    public ListRoleTagsResponse listRoleTags(RequestContext context, ListRoleTagsRequest request) {
        IamConstraints.check().roleName(request.roleName()).orThrow();
        RoleRecord role = accounts.of(context).role(request.roleName());
        Pages.Page<IamTag> page = IamPages.page(IamTags.sorted(role.tags()), IamTag::key, request.marker(),
                request.maxItems());
        return ListRoleTagsResponse.builder()
                .tags(IamTags.sdk(page.items()))
                .isTruncated(page.nextToken() != null)
                .marker(page.nextToken())
                .build();
    }

    /**
     * Refuses a trust policy AWS would refuse: malformed, over its quota, or naming a role or user that does not
     * exist (AWS turns each into the principal's unique id when the policy is stored, so it must exist then).
     */
    private void checkTrustPolicy(String text) {
        PolicyDocument trust = PolicyText.parse(text, PolicyDocument.Kind.TRUST);
        if (PolicyText.size(text) > TRUST_POLICY_QUOTA) {
            throw IamErrors.limitExceeded("Cannot exceed quota for ACLSizePerRole: " + TRUST_POLICY_QUOTA);
        }
        for (String principal : trust.awsPrincipals()) {
            if (!principalExists(principal)) {
                throw IamErrors.malformedPolicy("Invalid principal in policy: \"AWS\":\"" + principal + "\"");
            }
        }
    }

    /** Account ids, {@code *}, accounts' roots and role sessions always name something; roles must exist. */
    private boolean principalExists(String principal) {
        Optional<Arn> arn = Arn.parse(principal);
        if (arn.isEmpty() || arn.get().resource().equals("root") || arn.get().service().equals("sts")) {
            return true;
        }
        return accounts.role(arn.get()).filter(role -> role.arn(arn.get().account()).toString().equals(principal))
                .isPresent();
    }

    /** What every answer says of a role. */
    private static Role.Builder described(RequestContext context, RoleRecord role) {
        return Role.builder()
                .path(role.path())
                .roleName(role.name())
                .roleId(role.roleId())
                .arn(role.arn(context.accountId()).toString())
                .createDate(role.createDate())
                .assumeRolePolicyDocument(PolicyText.encoded(role.trustPolicy()))
                .description(role.description());
    }

    /** A role as CreateRole and UpdateRoleDescription answer it: with its tags, if it has any. */
    private static Role created(RequestContext context, RoleRecord role) {
        return withTags(described(context, role), role).build();
    }

    /** A role as ListRoles lists it: with its maximum session, without its tags. */
    private static Role listed(RequestContext context, RoleRecord role) {
        return described(context, role).maxSessionDuration(role.maxSessionDuration()).build();
    }

    private static Role.Builder withTags(Role.Builder view, RoleRecord role) {
        return role.tags().isEmpty() ? view : view.tags(IamTags.sdk(role.tags()));
    }
}
