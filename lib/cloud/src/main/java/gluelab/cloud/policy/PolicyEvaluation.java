package gluelab.cloud.policy;

import java.util.List;

/**
 * AWS's policy evaluation logic for identity-based policies and one resource-based policy, as the IAM User Guide
 * ("Policy evaluation logic") describes it: an explicit deny in any policy wins; otherwise, within one account, an
 * allow in either the identity's policies or the resource's policy allows; across accounts both must allow. An
 * account's root is allowed everything in its own account by its identity (Lab Cloud's account keys are
 * administrators), but not in another account without that account's resource policy.
 */
public final class PolicyEvaluation {

    private PolicyEvaluation() {
    }

    /**
     * @param identityPolicies the principal's own policies (a role's inline and attached ones); ignored for roots
     * @param resourcePolicy   the resource's policy (bucket, queue, function, role trust), or null if it has none
     * @param resourceAccount  the account that owns the resource; null when the resource is the principal's own
     */
    public static Decision evaluate(AccessRequest request, List<PolicyDocument> identityPolicies,
                                    PolicyDocument resourcePolicy, String resourceAccount) {
        boolean root = request.principal().kind() == Principal.Kind.ROOT;
        boolean identityAllows = root;
        if (!root) {
            for (PolicyDocument policy : identityPolicies) {
                for (Statement statement : policy.statements()) {
                    if (statement.applies(request)) {
                        if (statement.effect() == Effect.DENY) {
                            return new Decision(Decision.Outcome.EXPLICIT_DENY, Decision.IDENTITY_BASED);
                        }
                        identityAllows = true;
                    }
                }
            }
        }
        boolean resourceAllows = false;
        if (resourcePolicy != null) {
            for (Statement statement : resourcePolicy.statements()) {
                if (statement.applies(request)) {
                    if (statement.effect() == Effect.DENY) {
                        return new Decision(Decision.Outcome.EXPLICIT_DENY, Decision.RESOURCE_BASED);
                    }
                    resourceAllows = true;
                }
            }
        }
        String principalAccount = request.principal().account();
        if (principalAccount == null) {
            // A service or an anonymous caller has no identity policies: the resource's policy alone decides.
            return resourceAllows ? Decision.allow() : new Decision(Decision.Outcome.IMPLICIT_DENY, Decision.RESOURCE_BASED);
        }
        boolean sameAccount = resourceAccount == null || resourceAccount.equals(principalAccount);
        if (sameAccount ? identityAllows || resourceAllows : identityAllows && resourceAllows) {
            return Decision.allow();
        }
        return new Decision(Decision.Outcome.IMPLICIT_DENY, identityAllows ? Decision.RESOURCE_BASED : Decision.IDENTITY_BASED);
    }

    /**
     * AssumeRole, judged as AWS judges it: a role's trust policy is the one resource policy that must always allow
     * the caller, even within the role's account and even for an administrator ("IAM roles differ from
     * resource-based policies"). Where it names the caller itself (its role, its session, or its service) that is
     * enough in the role's account; where it names only the caller's account, or the role is in another account,
     * the caller's own policies must allow {@code sts:AssumeRole} too. An explicit deny in either wins.
     */
    public static Decision evaluateTrust(AccessRequest request, List<PolicyDocument> identityPolicies,
                                         PolicyDocument trustPolicy, String roleAccount) {
        boolean trustAllows = false;
        boolean namesCaller = false;
        for (Statement statement : trustPolicy.statements()) {
            if (statement.applies(request)) {
                if (statement.effect() == Effect.DENY) {
                    return new Decision(Decision.Outcome.EXPLICIT_DENY, Decision.RESOURCE_BASED);
                }
                trustAllows = true;
                namesCaller |= statement.namesPrincipalItself(request.principal());
            }
        }
        Decision identity = evaluate(request, identityPolicies, null, null);
        if (identity.outcome() == Decision.Outcome.EXPLICIT_DENY) {
            return identity;
        }
        if (!trustAllows) {
            return new Decision(Decision.Outcome.IMPLICIT_DENY, Decision.RESOURCE_BASED);
        }
        String callerAccount = request.principal().account();
        if (callerAccount == null || namesCaller && callerAccount.equals(roleAccount) || identity.allowed()) {
            return Decision.allow();
        }
        return new Decision(Decision.Outcome.IMPLICIT_DENY, Decision.IDENTITY_BASED);
    }
}
