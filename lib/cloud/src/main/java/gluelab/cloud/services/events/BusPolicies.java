package gluelab.cloud.services.events;

import gluelab.cloud.policy.AccessRequest;
import gluelab.cloud.policy.Decision;
import gluelab.cloud.policy.MalformedPolicyException;
import gluelab.cloud.policy.PolicyDocument;
import gluelab.cloud.policy.PolicyEvaluation;
import gluelab.cloud.policy.Principal;
import gluelab.cloud.policy.RequestContextKeys;
import gluelab.cloud.provider.Access;
import gluelab.cloud.provider.AccessControl;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Scope;
import java.util.List;

/**
 * What a bus's resource policy (PutPermission) lets other accounts do with it: put events on it directly, or through
 * a rule whose target it is. Within the bus's own account the account's identity decides, as for any call; across
 * accounts the bus's policy must allow it too (and a role's own policies, when a role acts), as on AWS.
 */
final class BusPolicies {

    private final AccessControl access;

    BusPolicies(AccessControl access) {
        this.access = access;
    }

    /**
     * @param keys the call's own keys ({@code aws:SourceArn} of the rule that forwards, {@code events:source} …)
     */
    Decision decide(Principal principal, Scope busScope, BusRecord bus, String action, RequestContextKeys keys) {
        if (!access.enforcing()) {
            return Decision.allow();
        }
        Arn busArn = EventsArns.bus(busScope, bus.name());
        List<PolicyDocument> identity = principal.kind() == Principal.Kind.ROLE_SESSION
                ? access.directory().identityPolicies(Arn.parse(principal.roleArn()).orElseThrow())
                : List.of();
        RequestContextKeys all = access.commonKeys(principal, busScope.region());
        keys.asMap().forEach(all::putAll);
        return PolicyEvaluation.evaluate(new AccessRequest(principal, action, busArn.toString(), all), identity,
                policy(bus), busScope.account());
    }

    /** AWS's access-denied message for a refused decision. */
    static String deniedMessage(Principal principal, Scope busScope, BusRecord bus, String action, Decision decision) {
        return AccessControl.deniedMessage(principal, Access.of(action, EventsArns.bus(busScope, bus.name())), decision);
    }

    static PolicyDocument policy(BusRecord bus) {
        if (bus.policy() == null) {
            return null;
        }
        try {
            return PolicyDocument.parse(bus.policy(), PolicyDocument.Kind.RESOURCE);
        } catch (MalformedPolicyException storedBeforeItWasChecked) {
            return null;
        }
    }
}
