package gluelab.cloud.services.events.delivery;

import gluelab.cloud.provider.AwsServiceException;

/** How EventBridge classifies a target service's answer to its call: what it records, and whether it retries. */
final class ServiceCallFailures {

    private ServiceCallFailures() {
    }

    static DeliveryFailure of(AwsServiceException error) {
        String code = error.code();
        String message = code + ": " + error.getMessage();
        if (code.startsWith("AccessDenied")) {
            return new DeliveryFailure(DeliveryFailure.NO_PERMISSIONS, message, false);
        }
        if (code.contains("NotFound") || code.startsWith("NoSuch") || code.endsWith("DoesNotExist")) {
            return new DeliveryFailure(DeliveryFailure.RESOURCE_NOT_FOUND, message, false);
        }
        if (code.contains("Throttl") || code.startsWith("TooManyRequests") || error.status() == 429) {
            return new DeliveryFailure(DeliveryFailure.THROTTLING, message, true);
        }
        return new DeliveryFailure(DeliveryFailure.SDK_CLIENT_ERROR, message, error.status() >= 500);
    }

    /**
     * The target's service is not part of this Lab Cloud (yet). EventBridge treats it as it treats a service that does
     * not answer: it retries within the target's retry policy, then gives up.
     */
    static DeliveryFailure notAvailable(String service) {
        return new DeliveryFailure(DeliveryFailure.SERVICE_NOT_AVAILABLE,
                "The " + service + " service is not available in this Lab Cloud", true);
    }
}
