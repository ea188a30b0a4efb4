package gluelab.cloud.provider;

import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.auth.CredentialStore;
import gluelab.cloud.clock.ActivityTracker;
import gluelab.cloud.clock.LabClock;
import gluelab.cloud.clock.LabScheduler;
import gluelab.cloud.events.EventBus;
import gluelab.cloud.state.StateStore;

/** The shared machinery every provider is built on; handed to each provider when Lab Cloud starts. */
public record Platform(
        LabCloudConfig config,
        LabClock clock,
        LabScheduler scheduler,
        EventBus events,
        StateStore state,
        CredentialStore credentials,
        RoleSessions roles,
        AccessControl access,
        ActivityTracker activity,
        InternalCalls internal,
        EdgeEndpoint edge) {

    public Platform {
        internal.bind(this);
    }

    /** How a service writes its own log lines to CloudWatch Logs (Glue's driver output, Lambda's logs). */
    public CloudWatchLogsWriter logs() {
        return internal.logsWriter();
    }
}
