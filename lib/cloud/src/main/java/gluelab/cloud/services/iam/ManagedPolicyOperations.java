package gluelab.cloud.services.iam;

import gluelab.cloud.policy.PolicyDocument;
import gluelab.cloud.provider.CommonErrors;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyResponse;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyRequest;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsResponse;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyRole;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.TagPolicyRequest;
import software.amazon.awssdk.services.iam.model.TagPolicyResponse;
import software.amazon.awssdk.services.iam.model.UntagPolicyRequest;
import software.amazon.awssdk.services.iam.model.UntagPolicyResponse;

/**
 * Managed policies: the account's own (created, versioned, deleted here) and AWS's (present in every account, never
 * changed), attached to roles by ARN. A role's sessions may do what the default version of each attached policy
 * allows.
 */
public final class ManagedPolicyOperations {

    /** AWS's quota on a managed policy's document: 6,144 characters, whitespace not counted. */
    static final int POLICY_SIZE_QUOTA = 6144;
    /** AWS's quota on the versions one managed policy keeps. */
    static final int MAX_VERSIONS = 5;
    /** AWS's default quota on the managed policies attached to one role. */
    static final int POLICIES_PER_ROLE = 10;
    private static final List<String> SCOPES = List.of("All", "AWS", "Local");
    private static final List<String> USAGES = List.of("PermissionsPolicy", "PermissionsBoundary");
    private static final List<String> ENTITY_TYPES = List.of("User", "Role", "Group", "LocalManagedPolicy",
            "AWSManagedPolicy");

    private final IamAccounts accounts;

    ManagedPolicyOperations(IamAccounts accounts) {
        this.accounts = accounts;
    }

    // ---- policies ----------------------------------------------------------------------------------------

    public CreatePolicyResponse createPolicy(RequestContext context, CreatePolicyRequest request) {
        IamConstraints.check().policyName(request.policyName()).policyPath("path", request.path())
                .document("policyDocument", request.policyDocument()).policyDescription(request.description())
                .tags(request.hasTags() ? request.tags() : null, false).orThrow();
        List<IamTag> tags = IamTags.POLICIES.given(request.hasTags() ? request.tags() : List.of());
        checkDocument(request.policyDocument());
        String path = request.path() == null ? "/" : request.path();
        Instant now = context.now().truncatedTo(ChronoUnit.SECONDS);
        ManagedPolicyRecord policy = new ManagedPolicyRecord(
                IamArns.policy(context.accountId(), path, request.policyName()).toString(), request.policyName(), path,
                IamIds.next(IamIds.POLICY), request.description(), now, now, "v1",
                List.of(new ManagedPolicyRecord.PolicyVersionRecord("v1", request.policyDocument(), now)), 2, tags);
        IamState state = accounts.of(context);
        state.createPolicy(policy);
        Policy.Builder view = described(state, policy);
        return CreatePolicyResponse.builder().policy((tags.isEmpty() ? view : view.tags(IamTags.sdk(tags))).build()).build();
    }

    public GetPolicyResponse getPolicy(RequestContext context, GetPolicyRequest request) {
        String arn = policyArn(request.policyArn());
        ManagedPolicyRecord policy = accounts.policy(context.accountId(), arn)
                .orElseThrow(() -> IamErrors.policyNotFound(arn));
        return GetPolicyResponse.builder().policy(described(accounts.of(context), policy)
                .description(policy.description()).tags(IamTags.sdk(policy.tags())).build()).build();
    }

    public ListPoliciesResponse listPolicies(RequestContext context, ListPoliciesRequest request) {
        IamConstraints.check().policyPath("pathPrefix", request.pathPrefix()).orThrow();
        Validation.withoutValues(IamErrors.VALIDATION).oneOf("scope", request.scopeAsString(), SCOPES)
                .oneOf("policyUsageFilter", request.policyUsageFilterAsString(), USAGES).orThrow();
        String scope = request.scopeAsString() == null ? "All" : request.scopeAsString();
        String prefix = request.pathPrefix() == null ? "/" : request.pathPrefix();
        IamState state = accounts.of(context);
        Stream<ManagedPolicyRecord> candidates = Stream.concat(
                scope.equals("Local") ? Stream.empty() : accounts.awsPolicies().stream(),
                scope.equals("AWS") ? Stream.empty() : state.policies().stream());
        List<ManagedPolicyRecord> matching = candidates
                .filter(p -> p.path().startsWith(prefix))
                .filter(p -> !Boolean.TRUE.equals(request.onlyAttached()) || !state.rolesAttachedTo(p.arn()).isEmpty())
                // No policy is used as a permissions boundary: Lab Cloud does not take boundaries.
                .filter(p -> !"PermissionsBoundary".equals(request.policyUsageFilterAsString()))
                .sorted(Comparator.comparing(ManagedPolicyOperations::listingKey))
                .toList();
        Pages.Page<ManagedPolicyRecord> page = IamPages.page(matching, ManagedPolicyOperations::listingKey,
                request.marker(), request.maxItems());
        return ListPoliciesResponse.builder()
                .policies(page.items().stream().map(p -> described(state, p).build()).toList())
                .isTruncated(page.nextToken() != null)
                .marker(page.nextToken())
                .build();
    }

    public DeletePolicyResponse deletePolicy(RequestContext context, DeletePolicyRequest request) {
        String arn = ownPolicyArn(context, request.policyArn());
        accounts.of(context).deletePolicy(arn);
        return DeletePolicyResponse.builder().build();
    }

    // ---- versions ----------------------------------------------------------------------------------------

    public CreatePolicyVersionResponse createPolicyVersion(RequestContext context, CreatePolicyVersionRequest request) {
        IamConstraints.check().arn("policyArn", request.policyArn()).document("policyDocument", request.policyDocument())
                .orThrow();
        String arn = ownPolicyArn(context, request.policyArn());
        checkDocument(request.policyDocument());
        Instant now = context.now().truncatedTo(ChronoUnit.SECONDS);
        boolean asDefault = Boolean.TRUE.equals(request.setAsDefault());
        ManagedPolicyRecord policy = accounts.of(context).updatePolicy(arn, p -> {
            if (p.versions().size() >= MAX_VERSIONS) {
                throw IamErrors.limitExceeded("A managed policy can have up to " + MAX_VERSIONS + " versions. Before you "
                        + "create a new version, you must delete an existing version.");
            }
            return p.withVersion(new ManagedPolicyRecord.PolicyVersionRecord("v" + p.nextVersion(),
                    request.policyDocument(), now), asDefault, now);
        });
        ManagedPolicyRecord.PolicyVersionRecord created = policy.versions().get(policy.versions().size() - 1);
        return CreatePolicyVersionResponse.builder().policyVersion(version(policy, created).build()).build();
    }

    public GetPolicyVersionResponse getPolicyVersion(RequestContext context, GetPolicyVersionRequest request) {
        IamConstraints.check().arn("policyArn", request.policyArn()).versionId(request.versionId()).orThrow();
        String arn = policyArn(request.policyArn());
        ManagedPolicyRecord policy = accounts.policy(context.accountId(), arn)
                .orElseThrow(() -> IamErrors.versionNotFound(arn, request.versionId()));
        ManagedPolicyRecord.PolicyVersionRecord found = policy.version(request.versionId())
                .orElseThrow(() -> IamErrors.versionNotFound(arn, request.versionId()));
        return GetPolicyVersionResponse.builder()
                .policyVersion(version(policy, found).document(PolicyText.encoded(found.document())).build())
                .build();
    }

    public ListPolicyVersionsResponse listPolicyVersions(RequestContext context, ListPolicyVersionsRequest request) {
        String arn = policyArn(request.policyArn());
        ManagedPolicyRecord policy = accounts.policy(context.accountId(), arn)
                .orElseThrow(() -> IamErrors.policyNotFound(arn));
        // Newest first, as IAM lists them.
        List<ManagedPolicyRecord.PolicyVersionRecord> newestFirst = new ArrayList<>(policy.versions());
        newestFirst.sort(Comparator.comparing(ManagedPolicyOperations::versionKey).reversed());
        Pages.Page<ManagedPolicyRecord.PolicyVersionRecord> page = IamPages.page(newestFirst,
                ManagedPolicyOperations::versionKey, Comparator.reverseOrder(), request.marker(), request.maxItems());
        return ListPolicyVersionsResponse.builder()
                .versions(page.items().stream().map(v -> version(policy, v).build()).toList())
                .isTruncated(page.nextToken() != null)
                .marker(page.nextToken())
                .build();
    }

    public DeletePolicyVersionResponse deletePolicyVersion(RequestContext context, DeletePolicyVersionRequest request) {
        IamConstraints.check().arn("policyArn", request.policyArn()).versionId(request.versionId()).orThrow();
        String arn = ownVersionedPolicyArn(context, request.policyArn(), request.versionId());
        accounts.of(context).updatePolicy(arn, p -> {
            p.version(request.versionId()).orElseThrow(() -> IamErrors.versionNotFound(arn, request.versionId()));
            if (p.defaultVersionId().equals(request.versionId())) {
                throw IamErrors.deleteConflict("Cannot delete the default version of a policy.");
            }
            return p.withoutVersion(request.versionId());
        });
        return DeletePolicyVersionResponse.builder().build();
    }

    public SetDefaultPolicyVersionResponse setDefaultPolicyVersion(RequestContext context,
                                                                   SetDefaultPolicyVersionRequest request) {
        IamConstraints.check().arn("policyArn", request.policyArn()).versionId(request.versionId()).orThrow();
        String arn = ownVersionedPolicyArn(context, request.policyArn(), request.versionId());
        Instant now = context.now().truncatedTo(ChronoUnit.SECONDS);
        accounts.of(context).updatePolicy(arn, p -> {
            p.version(request.versionId()).orElseThrow(() -> IamErrors.versionNotFound(arn, request.versionId()));
            return p.withDefaultVersion(request.versionId(), now);
        });
        return SetDefaultPolicyVersionResponse.builder().build();
    }

    // ---- attachments -------------------------------------------------------------------------------------

    public AttachRolePolicyResponse attachRolePolicy(RequestContext context, AttachRolePolicyRequest request) {
        IamConstraints.check().roleName(request.roleName()).arn("policyArn", request.policyArn()).orThrow();
        String arn = policyArn(request.policyArn());
        IamState state = accounts.of(context);
        state.role(request.roleName());
        accounts.policy(context.accountId(), arn).orElseThrow(() -> IamErrors.policyNotAttachable(arn));
        state.attach(request.roleName(), arn, POLICIES_PER_ROLE);
        return AttachRolePolicyResponse.builder().build();
    }

    public DetachRolePolicyResponse detachRolePolicy(RequestContext context, DetachRolePolicyRequest request) {
        IamConstraints.check().roleName(request.roleName()).arn("policyArn", request.policyArn()).orThrow();
        String arn = policyArn(request.policyArn());
        accounts.of(context).detach(request.roleName(), arn);
        return DetachRolePolicyResponse.builder().build();
    }

    public ListAttachedRolePoliciesResponse listAttachedRolePolicies(RequestContext context,
                                                                     ListAttachedRolePoliciesRequest request) {
        IamConstraints.check().roleName(request.roleName()).policyPath("pathPrefix", request.pathPrefix()).orThrow();
        String prefix = request.pathPrefix() == null ? "/" : request.pathPrefix();
        RoleRecord role = accounts.of(context).role(request.roleName());
        List<ManagedPolicyRecord> attached = role.attachedPolicies().stream()
                .flatMap(arn -> accounts.policy(context.accountId(), arn).stream())
                .filter(p -> p.path().startsWith(prefix))
                .sorted(Comparator.comparing(ManagedPolicyOperations::listingKey))
                .toList();
        Pages.Page<ManagedPolicyRecord> page = IamPages.page(attached, ManagedPolicyOperations::listingKey,
                request.marker(), request.maxItems());
        return ListAttachedRolePoliciesResponse.builder()
                .attachedPolicies(page.items().stream()
                        .map(p -> AttachedPolicy.builder().policyName(p.name()).policyArn(p.arn()).build()).toList())
                .isTruncated(page.nextToken() != null)
                .marker(page.nextToken())
                .build();
    }

    /** The roles a policy is attached to. Lab Cloud has no IAM users or groups, so those lists are always empty. */
    public ListEntitiesForPolicyResponse listEntitiesForPolicy(RequestContext context,
                                                               ListEntitiesForPolicyRequest request) {
        IamConstraints.check().arn("policyArn", request.policyArn()).path(request.pathPrefix()).orThrow();
        Validation.withoutValues(IamErrors.VALIDATION).oneOf("entityFilter", request.entityFilterAsString(), ENTITY_TYPES)
                .oneOf("policyUsageFilter", request.policyUsageFilterAsString(), USAGES).orThrow();
        String arn = policyArn(request.policyArn());
        accounts.policy(context.accountId(), arn).orElseThrow(() -> IamErrors.policyNotFound(arn));
        String filter = request.entityFilterAsString();
        boolean roles = (filter == null || filter.equals("Role"))
                && !"PermissionsBoundary".equals(request.policyUsageFilterAsString());
        String prefix = request.pathPrefix() == null ? "/" : request.pathPrefix();
        List<RoleRecord> attached = roles ? accounts.of(context).rolesAttachedTo(arn).stream()
                .filter(r -> r.path().startsWith(prefix)).toList() : List.of();
        Pages.Page<RoleRecord> page = IamPages.page(attached, r -> r.name().toLowerCase(Locale.ROOT), request.marker(),
                request.maxItems());
        return ListEntitiesForPolicyResponse.builder()
                .policyGroups(List.of())
                .policyUsers(List.of())
                .policyRoles(page.items().stream()
                        .map(r -> PolicyRole.builder().roleName(r.name()).roleId(r.roleId()).build()).toList())
                .isTruncated(page.nextToken() != null)
                .marker(page.nextToken())
                .build();
    }

    // ---- tags --------------------------------------------------------------------------------------------

    public TagPolicyResponse tagPolicy(RequestContext context, TagPolicyRequest request) {
        IamConstraints.check().arn("policyArn", request.policyArn()).tags(request.hasTags() ? request.tags() : null, true)
                .orThrow();
        String arn = ownPolicyArn(context, request.policyArn());
        accounts.of(context).updatePolicy(arn, p -> p.withTags(IamTags.POLICIES.tagged(p.tags(), request.tags())));
        return TagPolicyResponse.builder().build();
    }

    public UntagPolicyResponse untagPolicy(RequestContext context, UntagPolicyRequest request) {
        IamConstraints.check().arn("policyArn", request.policyArn())
                .tagKeys(request.hasTagKeys() ? request.tagKeys() : null).orThrow();
        String arn = ownPolicyArn(context, request.policyArn());
        accounts.of(context).updatePolicy(arn, p -> p.withTags(IamTags.POLICIES.untagged(p.tags(), request.tagKeys())));
        return UntagPolicyResponse.builder().build();
    }

    public ListPolicyTagsResponse listPolicyTags(RequestContext context, ListPolicyTagsRequest request) {
        String arn = policyArn(request.policyArn());
        ManagedPolicyRecord policy = accounts.policy(context.accountId(), arn)
                .orElseThrow(() -> IamErrors.policyNotFound(arn));
        Pages.Page<IamTag> page = IamPages.page(IamTags.sorted(policy.tags()), IamTag::key, request.marker(),
                request.maxItems());
        return ListPolicyTagsResponse.builder()
                .tags(IamTags.sdk(page.items()))
                .isTruncated(page.nextToken() != null)
                .marker(page.nextToken())
                .build();
    }

    // ---- shared ------------------------------------------------------------------------------------------

    /** The ARN a request names, if it is a managed policy's ARN at all (it may still not exist). */
    private static String policyArn(String text) {
        IamConstraints.check().arn("policyArn", text).orThrow();
        if (IamArns.parsePolicy(text).isEmpty()) {
            throw IamErrors.invalidArn(text);
        }
        return text;
    }

    /**
     * The ARN of a policy the caller's account owns and may change. AWS's own policies belong to AWS, so even an
     * account's administrator is refused, as on AWS.
     */
    private static String ownPolicyArn(RequestContext context, String text) {
        String arn = policyArn(text);
        if (arn.startsWith(IamArns.AWS_POLICY_PREFIX)) {
            throw CommonErrors.accessDenied(context.service(), "User: " + context.caller().principalArn()
                    + " is not authorized to perform: iam:" + context.operation() + " on resource: policy " + arn);
        }
        return arn;
    }

    /** As {@link #ownPolicyArn}, for the version operations, which say a missing policy's version is missing. */
    private String ownVersionedPolicyArn(RequestContext context, String text, String versionId) {
        String arn = ownPolicyArn(context, text);
        accounts.of(context).findPolicy(arn).orElseThrow(() -> IamErrors.versionNotFound(arn, versionId));
        return arn;
    }

    private static void checkDocument(String text) {
        PolicyText.parse(text, PolicyDocument.Kind.IDENTITY);
        if (PolicyText.size(text) > POLICY_SIZE_QUOTA) {
            throw IamErrors.limitExceeded("Cannot exceed quota for PolicySize: " + POLICY_SIZE_QUOTA);
        }
    }

    /** What every answer says of a policy. */
    private static Policy.Builder described(IamState state, ManagedPolicyRecord policy) {
        return Policy.builder()
                .policyName(policy.name())
                .policyId(policy.policyId())
                .arn(policy.arn())
                .path(policy.path())
                .defaultVersionId(policy.defaultVersionId())
                .attachmentCount(state.rolesAttachedTo(policy.arn()).size())
                .permissionsBoundaryUsageCount(0)
                .isAttachable(true)
                .createDate(policy.createDate())
                .updateDate(policy.updateDate());
    }

    private static PolicyVersion.Builder version(ManagedPolicyRecord policy, ManagedPolicyRecord.PolicyVersionRecord version) {
        return PolicyVersion.builder()
                .versionId(version.versionId())
                .isDefaultVersion(version.versionId().equals(policy.defaultVersionId()))
                .createDate(version.createDate());
    }

    /** Policies are listed by name; the ARN tells a customer policy from AWS's of the same name. */
    private static String listingKey(ManagedPolicyRecord policy) {
        return policy.name().toLowerCase(Locale.ROOT) + " " + policy.arn();
    }

    /** Versions sort by number: {@code v10} after {@code v9}. */
    private static String versionKey(ManagedPolicyRecord.PolicyVersionRecord version) {
        return String.format("%010d", Integer.parseInt(version.versionId().substring(1)));
    }
}
