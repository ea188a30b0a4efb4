package gluelab.cloud.policy;

/**
 * Who makes a request, as policies see it.
 *
 * @param arn     the principal's ARN: {@code arn:aws:iam::A:root}, {@code arn:aws:sts::A:assumed-role/R/s}, a role's
 *                own ARN when a service acts as the role, or null for a service principal and for anonymous callers
 * @param account the principal's account; null for a service principal and anonymous callers
 * @param roleArn for a role session or a role, the role's ARN (with its path); else null
 * @param service for a service principal, its name ({@code glue.amazonaws.com}); else null
 */
public record Principal(Kind kind, String arn, String account, String roleArn, String service) {

    public enum Kind {
        /** An account's root: what Lab Cloud's account access keys act as. */
        ROOT,
        /** Temporary credentials of an assumed role, or a service acting as a role it was given. */
        ROLE_SESSION,
        /** An AWS service acting for itself ({@code glue.amazonaws.com}). */
        SERVICE,
        /** An unsigned request. */
        ANONYMOUS
    }

    public static Principal root(String account) {
        return new Principal(Kind.ROOT, "arn:aws:iam::" + account + ":root", account, null, null);
    }

    /** @param sessionArn the session's {@code arn:aws:sts::A:assumed-role/R/s}, or the role's ARN itself */
    public static Principal roleSession(String sessionArn, String account, String roleArn) {
        return new Principal(Kind.ROLE_SESSION, sessionArn, account, roleArn, null);
    }

    public static Principal service(String service) {
        return new Principal(Kind.SERVICE, null, null, null, service);
    }

    public static Principal anonymous() {
        return new Principal(Kind.ANONYMOUS, null, null, null, null);
    }

    /** How access-denied messages name the caller: the ARN, the service, or "anonymous". */
    public String describe() {
        return arn != null ? arn : service != null ? service : "anonymous";
    }
}
