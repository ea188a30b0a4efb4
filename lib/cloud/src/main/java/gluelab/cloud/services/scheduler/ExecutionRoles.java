package gluelab.cloud.services.scheduler;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.RoleSessions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schedules' execution roles, as EventBridge Scheduler takes them on: a session of
 * {@code scheduler.amazonaws.com}, which the role's trust policy must admit. Every delivery is made as such a
 * session, so IAM judges it by the role's policies. A session is reused while it lasts (15 minutes of the lab clock),
 * so a thousand schedules of one role firing together assume it once; what the role may do is judged at each call.
 */
final class ExecutionRoles {

    static final String SCHEDULER = "scheduler.amazonaws.com";
    private static final String SESSION_NAME = "EventBridgeScheduler";
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final RoleSessions roles;
    private final Clock clock;
    private final Map<String, RoleSessions.RoleSession> sessions = new ConcurrentHashMap<>();

    ExecutionRoles(RoleSessions roles, Clock clock) {
        this.roles = roles;
        this.clock = clock;
    }

    /** A session of the role, reused while it has more than a minute left. */
    RoleSessions.RoleSession session(String roleArn) {
        RoleSessions.RoleSession cached = sessions.get(roleArn);
        if (cached != null && cached.credential().expiration().isAfter(clock.instant().plus(MARGIN))) {
            return cached;
        }
        return assume(roleArn);
    }

    /**
     * Refuses, as CreateSchedule and UpdateSchedule do, a role Scheduler may not assume: one that does not exist, or
     * whose trust policy does not admit {@code scheduler.amazonaws.com}.
     */
    void requireAssumable(String roleArn) {
        try {
            assume(roleArn);
        } catch (AwsServiceException denied) {
            throw SchedulerErrors.validation("The execution role you provide must allow AWS EventBridge Scheduler to "
                    + "assume the role.");
        }
    }

    private RoleSessions.RoleSession assume(String roleArn) {
        RoleSessions.RoleSession fresh = roles.assumeRoleAsService(SCHEDULER, Arn.parse(roleArn).orElseThrow(),
                SESSION_NAME, LIFETIME);
        sessions.put(roleArn, fresh);
        return fresh;
    }
}
