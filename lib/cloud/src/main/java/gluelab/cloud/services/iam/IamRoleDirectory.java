package gluelab.cloud.services.iam;

import gluelab.cloud.policy.PolicyDocument;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.RoleDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IAM's roles as the access control and role sessions see them: a role's trust policy and maximum session, and the
 * policies that say what its sessions may do. Documents are parsed once, when first needed, since every call made
 * with a role's session asks for them.
 */
final class IamRoleDirectory implements RoleDirectory {

    /** Enough for every document of a lab many times over; beyond it the cache starts again. */
    private static final int MAX_PARSED = 10_000;

    private final IamAccounts accounts;
    private final Map<PolicyDocument.Kind, Map<String, PolicyDocument>> parsed = new EnumMap<>(PolicyDocument.Kind.class);

    IamRoleDirectory(IamAccounts accounts) {
        this.accounts = accounts;
        for (PolicyDocument.Kind kind : PolicyDocument.Kind.values()) {
            parsed.put(kind, new ConcurrentHashMap<>());
        }
    }

    @Override
    public Optional<Role> role(Arn arn) {
        return accounts.role(arn).map(role -> new Role(role.arn(arn.account()), role.roleId(),
                document(role.trustPolicy(), PolicyDocument.Kind.TRUST), Duration.ofSeconds(role.maxSessionDuration())));
    }

    @Override
    public List<PolicyDocument> identityPolicies(Arn roleArn) {
        Optional<RoleRecord> found = accounts.role(roleArn);
        if (found.isEmpty()) {
            return List.of();
        }
        RoleRecord role = found.get();
        String account = roleArn.account();
        List<PolicyDocument> documents = new ArrayList<>();
        for (InlinePolicyRecord inline : accounts.in(account).rolePolicies(role.name())) {
            documents.add(document(inline.document(), PolicyDocument.Kind.IDENTITY));
        }
        for (String policyArn : role.attachedPolicies()) {
            accounts.policy(account, policyArn).ifPresent(policy ->
                    documents.add(document(policy.defaultVersion().document(), PolicyDocument.Kind.IDENTITY)));
        }
        return documents;
    }

    private PolicyDocument document(String text, PolicyDocument.Kind kind) {
        Map<String, PolicyDocument> ofKind = parsed.get(kind);
        if (ofKind.size() > MAX_PARSED) {
            ofKind.clear();
        }
        return ofKind.computeIfAbsent(text, t -> PolicyText.parse(t, kind));
    }
}
