package gluelab.cloud.provider;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The roles an AWS service takes on to deliver for its users (an EventBridge target's role, a schedule's execution
 * role): sessions of the service principal ({@code events.amazonaws.com}, {@code scheduler.amazonaws.com}), which
 * the role's trust policy must admit. A session is reused while it lasts (15 minutes of the lab clock), so a thousand
 * deliveries as one role assume it once; what the role may do is still judged at each call it makes.
 */
public final class ServiceRoleSessions {

    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final RoleSessions roles;
    private final Clock clock;
    private final String servicePrincipal;
    private final String sessionName;
    private final Map<String, RoleSessions.RoleSession> sessions = new ConcurrentHashMap<>();

    /**
     * @param servicePrincipal the service that assumes the roles, as trust policies name it
     * @param sessionName      the name its sessions have ({@code assumed-role/<role>/<sessionName>})
     */
    public ServiceRoleSessions(RoleSessions roles, Clock clock, String servicePrincipal, String sessionName) {
        this.roles = roles;
        this.clock = clock;
        this.servicePrincipal = servicePrincipal;
        this.sessionName = sessionName;
    }

    /**
     * A session of the role, reused while it has more than a minute left.
     *
     * @throws AwsServiceException STS's {@code AccessDenied} when the role does not exist or does not trust the service
     */
    public RoleSessions.RoleSession session(String roleArn) {
        RoleSessions.RoleSession cached = sessions.get(roleArn);
        if (cached != null && cached.credential().expiration().isAfter(clock.instant().plus(MARGIN))) {
            return cached;
        }
        return assume(roleArn);
    }

    /** A fresh session of the role, checking its trust now (as a service does when a resource names the role). */
    public RoleSessions.RoleSession assume(String roleArn) {
        Arn role = Arn.parse(roleArn).orElseThrow(() -> new AwsServiceException("ValidationException",
                "Not a role ARN: " + roleArn, 400));
        RoleSessions.RoleSession fresh = roles.assumeRoleAsService(servicePrincipal, role, sessionName, LIFETIME);
        sessions.put(roleArn, fresh);
        return fresh;
    }
}
