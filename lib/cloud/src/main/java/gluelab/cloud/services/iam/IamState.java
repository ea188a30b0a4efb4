package gluelab.cloud.services.iam;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.StateStore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * IAM in one account: its roles, their inline policies, and its customer managed policies, each a record in the
 * state store. Names of roles and policies are unique in an account regardless of case, as on AWS, so records are
 * keyed by the lower-cased name and keep the name as it was given. Changes that must see a consistent account
 * (a name still free, a role with no policies left) are serialized here.
 */
final class IamState {

    /** AWS's quota on the inline policies of one role, all together: 10,240 characters. */
    static final int ROLE_POLICY_QUOTA = 10_240;

    private final String account;
    private final DurableMap<RoleRecord> roles;
    /** Keyed by {@code <lower-cased role name>/<policy name>}: neither name may hold a slash. */
    private final DurableMap<InlinePolicyRecord> rolePolicies;
    private final DurableMap<ManagedPolicyRecord> policies;

    IamState(Scope scope, StateStore store) {
        this.account = scope.account();
        this.roles = store.map(scope.mapName(IamProvider.SERVICE, "roles"), Codec.of(RoleRecord.class));
        this.rolePolicies = store.map(scope.mapName(IamProvider.SERVICE, "role-policies"), Codec.of(InlinePolicyRecord.class));
        this.policies = store.map(scope.mapName(IamProvider.SERVICE, "policies"), Codec.of(ManagedPolicyRecord.class));
    }

    String account() {
        return account;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String policyKey(String roleName, String policyName) {
        return key(roleName) + "/" + policyName;
    }

    // ---- roles -------------------------------------------------------------------------------------------

    synchronized void createRole(RoleRecord role) {
        if (roles.putIfAbsent(key(role.name()), role) != null) {
            throw IamErrors.roleExists(role.name());
        }
    }

    Optional<RoleRecord> findRole(String name) {
        return roles.find(key(name));
    }

    RoleRecord role(String name) {
        return findRole(name).orElseThrow(() -> IamErrors.noSuchRole(name));
    }

    synchronized RoleRecord updateRole(String name, UnaryOperator<RoleRecord> change) {
        RoleRecord updated = change.apply(role(name));
        roles.put(key(name), updated);
        return updated;
    }

    /** Every role, in the order of their names. */
    List<RoleRecord> roles() {
        return List.copyOf(roles.values());
    }

    /** Deletes a role that has no policies left, as AWS insists. */
    synchronized void deleteRole(String name) {
        RoleRecord role = role(name);
        if (!rolePolicies(name).isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        if (!role.attachedPolicies().isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
        }
        roles.remove(key(name));
    }

    // ---- inline policies ---------------------------------------------------------------------------------

    /** Adds or replaces a role's inline policy, within the quota on all of the role's inline policies. */
    synchronized void putRolePolicy(String roleName, String policyName, String document) {
        RoleRecord role = role(roleName);
        int total = PolicyText.size(document);
        for (InlinePolicyRecord other : rolePolicies(roleName)) {
            if (!other.policyName().equals(policyName)) {
                total += PolicyText.size(other.document());
            }
        }
        if (total > ROLE_POLICY_QUOTA) {
            throw IamErrors.limitExceeded("Maximum policy size of " + ROLE_POLICY_QUOTA + " bytes exceeded for role "
                    + role.name());
        }
        rolePolicies.put(policyKey(roleName, policyName), new InlinePolicyRecord(role.name(), policyName, document));
    }

    InlinePolicyRecord rolePolicy(String roleName, String policyName) {
        role(roleName);
        return rolePolicies.find(policyKey(roleName, policyName))
                .orElseThrow(() -> IamErrors.noSuchRolePolicy(policyName));
    }

    /** The role's inline policies, in the order of their names. */
    List<InlinePolicyRecord> rolePolicies(String roleName) {
        String prefix = key(roleName) + "/";
        return List.copyOf(rolePolicies.view().subMap(prefix, prefix + Character.MAX_VALUE).values());
    }

    synchronized void deleteRolePolicy(String roleName, String policyName) {
        rolePolicy(roleName, policyName);
        rolePolicies.remove(policyKey(roleName, policyName));
    }

    // ---- customer managed policies -----------------------------------------------------------------------

    synchronized void createPolicy(ManagedPolicyRecord policy) {
        if (policies.putIfAbsent(key(policy.name()), policy) != null) {
            throw IamErrors.policyExists(policy.name());
        }
    }

    /** The account's own policy with this ARN (path and all), if there is one. */
    Optional<ManagedPolicyRecord> findPolicy(String arn) {
        int slash = arn.lastIndexOf('/');
        return policies.find(key(arn.substring(slash + 1))).filter(p -> p.arn().equals(arn));
    }

    synchronized ManagedPolicyRecord updatePolicy(String arn, UnaryOperator<ManagedPolicyRecord> change) {
        ManagedPolicyRecord policy = findPolicy(arn).orElseThrow(() -> IamErrors.policyNotFound(arn));
        ManagedPolicyRecord updated = change.apply(policy);
        policies.put(key(policy.name()), updated);
        return updated;
    }

    /** Every customer managed policy, in the order of their names. */
    List<ManagedPolicyRecord> policies() {
        return List.copyOf(policies.values());
    }

    /** Deletes a policy no role uses and that has no versions but its default one, as AWS insists. */
    synchronized void deletePolicy(String arn) {
        ManagedPolicyRecord policy = findPolicy(arn).orElseThrow(() -> IamErrors.policyNotFound(arn));
        if (!rolesAttachedTo(arn).isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete a policy attached to entities.");
        }
        if (policy.versions().size() > 1) {
            throw IamErrors.deleteConflict("This policy has more than one version. Before you delete a policy, you "
                    + "must delete the policy's versions. The default version is deleted with the policy.");
        }
        policies.remove(key(policy.name()));
    }

    // ---- attachments -------------------------------------------------------------------------------------

    /** The roles of this account a managed policy (its own or AWS's) is attached to, in the order of their names. */
    List<RoleRecord> rolesAttachedTo(String policyArn) {
        return roles.values().stream().filter(r -> r.attachedPolicies().contains(policyArn)).toList();
    }

    /** Attaches a policy; attaching one already attached changes nothing, as on AWS. */
    synchronized void attach(String roleName, String policyArn, int quota) {
        RoleRecord role = role(roleName);
        if (!role.attachedPolicies().contains(policyArn) && role.attachedPolicies().size() >= quota) {
            throw IamErrors.limitExceeded("Cannot exceed quota for PoliciesPerRole: " + quota);
        }
        roles.put(key(roleName), role.withAttached(policyArn));
    }

    synchronized void detach(String roleName, String policyArn) {
        RoleRecord role = role(roleName);
        if (!role.attachedPolicies().contains(policyArn)) {
            throw IamErrors.policyNotFound(policyArn);
        }
        roles.put(key(roleName), role.withDetached(policyArn));
    }

    // ---- reset -------------------------------------------------------------------------------------------

    /**
     * Removes the roles (with their inline policies and attachments) and customer managed policies whose names start
     * with {@code prefix} (all of them when null); a removed policy is detached from every role first.
     *
     * @return how many roles and policies were removed
     */
    synchronized int reset(String prefix) {
        int removed = 0;
        for (ManagedPolicyRecord policy : policies()) {
            if (prefix == null || policy.name().startsWith(prefix)) {
                for (RoleRecord role : rolesAttachedTo(policy.arn())) {
                    roles.put(key(role.name()), role.withDetached(policy.arn()));
                }
                policies.remove(key(policy.name()));
                removed++;
            }
        }
        for (RoleRecord role : roles()) {
            if (prefix == null || role.name().startsWith(prefix)) {
                for (InlinePolicyRecord policy : rolePolicies(role.name())) {
                    rolePolicies.remove(policyKey(role.name(), policy.policyName()));
                }
                roles.remove(key(role.name()));
                removed++;
            }
        }
        return removed;
    }
}
