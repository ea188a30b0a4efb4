package gluelab.cloud.services.events.delivery;

/**
 * Why one attempt to deliver an event to a target failed, as EventBridge tells it in a dead-letter queue's
 * {@code ERROR_CODE} and {@code ERROR_MESSAGE}; and whether another attempt could succeed (throttling and service
 * errors can; a missing resource or permission cannot, so EventBridge gives up on it at once).
 */
public final class DeliveryFailure extends Exception {

    public static final String NO_PERMISSIONS = "NO_PERMISSIONS";
    public static final String RESOURCE_NOT_FOUND = "RESOURCE_NOT_FOUND";
    public static final String THROTTLING = "THROTTLING";
    public static final String SDK_CLIENT_ERROR = "SDK_CLIENT_ERROR";
    public static final String SERVICE_NOT_AVAILABLE = "SERVICE_NOT_AVAILABLE";

    private final String code;
    private final boolean retriable;

    public DeliveryFailure(String code, String message, boolean retriable) {
        super(message, null, false, false);
        this.code = code;
        this.retriable = retriable;
    }

    public String code() {
        return code;
    }

    public boolean retriable() {
        return retriable;
    }
}
