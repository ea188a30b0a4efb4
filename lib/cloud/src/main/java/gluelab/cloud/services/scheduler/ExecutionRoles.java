package gluelab.cloud.services.scheduler;

import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.RoleSessions;
import gluelab.cloud.provider.ServiceRoleSessions;
import java.time.Clock;

/**
 * The schedules' execution roles, as EventBridge Scheduler takes them on: sessions of
 * {@code scheduler.amazonaws.com} ({@link ServiceRoleSessions}), which the role's trust policy must admit. Every
 * delivery is made as such a session, so IAM judges it by the role's policies.
 */
final class ExecutionRoles {

    static final String SCHEDULER = "scheduler.amazonaws.com";

    private final ServiceRoleSessions sessions;

    ExecutionRoles(RoleSessions roles, Clock clock) {
        this.sessions = new ServiceRoleSessions(roles, clock, SCHEDULER, "EventBridgeScheduler");
    }

    /** A session of the role, reused while it lasts. */
    RoleSessions.RoleSession session(String roleArn) {
        return sessions.session(roleArn);
    }

    /**
     * Refuses, as CreateSchedule and UpdateSchedule do, a role Scheduler may not assume: one that does not exist, or
     * whose trust policy does not admit {@code scheduler.amazonaws.com}.
     */
    void requireAssumable(String roleArn) {
        try {
            sessions.assume(roleArn);
        } catch (AwsServiceException denied) {
            throw SchedulerErrors.validation("The execution role you provide must allow AWS EventBridge Scheduler to "
                    + "assume the role.");
        }
    }
}
