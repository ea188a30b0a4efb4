package gluelab.cloud.provider;

import java.util.List;

/**
 * What each of a service's operations needs permission for, as the service's page of the Service Authorization
 * Reference lists it: the IAM action and the ARN of the resource it acts on. A service that has no rules of its
 * own gets {@link #byOperationName}: the action named after the operation, on every resource.
 */
@FunctionalInterface
public interface AccessRules {

    /** The permissions {@code request} (of operation {@code operation}) needs; empty for a call no policy governs. */
    List<Access> required(RequestContext context, String operation, Object request);

    /** {@code <prefix>:<Operation>} on {@code *}: right for most actions, never more permissive than AWS. */
    static AccessRules byOperationName(String actionPrefix) {
        return (context, operation, request) -> List.of(Access.of(actionPrefix + ":" + operation, "*"));
    }
}
