package gluelab.cloud.policy;

/**
 * The outcome of evaluating the policies of a request, and which kind of policy decided a denial, for AWS's
 * message: "… because no identity-based policy allows the s3:PutObject action" or "… with an explicit deny in an
 * identity-based policy".
 */
public record Decision(Outcome outcome, String policyType) {

    public enum Outcome { ALLOW, IMPLICIT_DENY, EXPLICIT_DENY }

    public static final String IDENTITY_BASED = "identity-based";
    public static final String RESOURCE_BASED = "resource-based";

    public static Decision allow() {
        return new Decision(Outcome.ALLOW, null);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    /** The end of AWS's access-denied message after the resource. */
    public String reason(String action) {
        return switch (outcome) {
            case ALLOW -> "";
            case EXPLICIT_DENY -> "with an explicit deny in " + (policyType.startsWith("i") ? "an " : "a ") + policyType + " policy";
            case IMPLICIT_DENY -> "because no " + policyType + " policy allows the " + action + " action";
        };
    }
}
