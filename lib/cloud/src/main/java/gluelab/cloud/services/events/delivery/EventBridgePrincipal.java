package gluelab.cloud.services.events.delivery;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.Scope;

/**
 * EventBridge calling a target's service as the service principal {@code events.amazonaws.com}, on behalf of a rule:
 * the target's resource policy (a function's, a queue's) decides, seeing the rule as {@code aws:SourceArn} and its
 * account as {@code aws:SourceAccount}, as on AWS. The answer's refusals become delivery failures.
 */
public final class EventBridgePrincipal {

    public static final String SERVICE_PRINCIPAL = "events.amazonaws.com";

    private EventBridgePrincipal() {
    }

    static void call(InternalCalls internal, Arn target, Arn rule, Object request) throws DeliveryFailure {
        if (!internal.serves(target.service())) {
            throw ServiceCallFailures.notAvailable(target.service());
        }
        try {
            internal.callAsService(target.service(), new Scope(target.account(), target.region()), SERVICE_PRINCIPAL,
                    rule, request);
        } catch (AwsServiceException refused) {
            throw ServiceCallFailures.of(refused);
        }
    }
}
