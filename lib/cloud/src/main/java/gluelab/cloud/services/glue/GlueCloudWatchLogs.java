package gluelab.cloud.services.glue;

import gluelab.cloud.protocol.AwsServiceException;
import gluelab.cloud.service.InternalCalls;
import gluelab.cloud.service.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;

/**
 * Writes Glue's log lines (job run output, crawler logs) to Lab Cloud's CloudWatch Logs through an internal
 * call, as the Glue service principal, creating the group and the stream on first use. Without a Logs
 * service in this Lab Cloud the lines are dropped (said once in Lab Cloud's own log): a run or a crawl
 * never fails because of its logs.
 */
public final class GlueCloudWatchLogs {

    public static final String GLUE_PRINCIPAL = "glue.amazonaws.com";
    private static final Logger LOG = Logger.getLogger(GlueCloudWatchLogs.class.getName());

    private final InternalCalls internal;
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean warned = new AtomicBoolean();

    public GlueCloudWatchLogs(InternalCalls internal) {
        this.internal = internal;
    }

    public void append(Scope scope, String group, String stream, Instant time, String message) {
        PutLogEventsRequest put = PutLogEventsRequest.builder()
                .logGroupName(group)
                .logStreamName(stream)
                .logEvents(List.of(InputLogEvent.builder().timestamp(time.toEpochMilli()).message(message).build()))
                .build();
        try {
            ensureExists(scope, group, stream);
            try {
                internal.call("logs", scope, GLUE_PRINCIPAL, put);
            } catch (AwsServiceException e) {
                if (!"ResourceNotFoundException".equals(e.code())) {
                    throw e;
                }
                // The group or stream was deleted (a reset, a clean-up cell) since it was created: create it again.
                created.remove(groupKey(scope, group));
                created.remove(groupKey(scope, group) + "/" + stream);
                ensureExists(scope, group, stream);
                internal.call("logs", scope, GLUE_PRINCIPAL, put);
            }
        } catch (RuntimeException e) {
            if (warned.compareAndSet(false, true)) {
                LOG.info("Glue log lines cannot be written to CloudWatch Logs (" + e.getMessage()
                        + "); they are dropped until they can");
            }
            LOG.log(Level.FINE, "Dropped a line of " + group + "/" + stream, e);
        }
    }

    private static String groupKey(Scope scope, String group) {
        return scope.account() + "/" + scope.region() + "/" + group;
    }

    private void ensureExists(Scope scope, String group, String stream) {
        String groupKey = groupKey(scope, group);
        if (!created.contains(groupKey)) {
            ignoreExisting(() -> internal.call("logs", scope, GLUE_PRINCIPAL,
                    CreateLogGroupRequest.builder().logGroupName(group).build()));
            created.add(groupKey);
        }
        String streamKey = groupKey + "/" + stream;
        if (!created.contains(streamKey)) {
            ignoreExisting(() -> internal.call("logs", scope, GLUE_PRINCIPAL,
                    CreateLogStreamRequest.builder().logGroupName(group).logStreamName(stream).build()));
            created.add(streamKey);
        }
    }

    private static void ignoreExisting(Runnable create) {
        try {
            create.run();
        } catch (AwsServiceException e) {
            if (!"ResourceAlreadyExistsException".equals(e.code())) {
                throw e;
            }
        }
    }
}
