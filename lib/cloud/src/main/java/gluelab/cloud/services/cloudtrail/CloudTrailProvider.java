package gluelab.cloud.services.cloudtrail;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Protocol;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;
import java.util.List;

/**
 * AWS CloudTrail: trails ({@link TrailOperations}) that log ({@link TrailLoggingOperations}) what their event
 * selectors choose ({@link EventSelectorOperations}) into log files in S3 ({@link LogFileDelivery}), and the event
 * history of management events ({@link EventHistoryOperations}). It hears of every API call Lab Cloud answers
 * ({@link CloudTrailRecorder}) and puts the S3 data events a trail logs on the default event bus as
 * "AWS API Call via CloudTrail".
 *
 * <p>Where Lab Cloud differs from AWS: the event history is kept in memory (at most 10,000 events per account and
 * region); calls services make to each other inside Lab Cloud (a schedule starting a job, a crawler reading S3) are
 * not recorded; a session's {@code creationDate} is left out of {@code userIdentity}; management events do not go to
 * EventBridge; trails cannot notify SNS, deliver to CloudWatch Logs or use KMS; log files are not validated (no
 * digest files).
 */
public final class CloudTrailProvider implements ServiceProvider {

    public static final String SERVICE = "cloudtrail";

    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.json(SERVICE, "cloudtrail", Protocol.JSON_1_1,
            "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101", "2013-11-01",
            "software.amazon.awssdk.services.cloudtrail.model", "Message");

    private final EventHistory history = new EventHistory();
    private final LogFileDelivery deliveries;
    private final TrailOperations trailOperations;
    private final List<Object> operations;

    public CloudTrailProvider(Platform platform) {
        AccountRegionStore<CloudTrailState> states = new AccountRegionStore<>(SERVICE, platform.state(), CloudTrailState::new);
        Trails trails = new Trails(states);
        this.deliveries = new LogFileDelivery(platform, states);
        this.trailOperations = new TrailOperations(states, trails, deliveries, platform.internal());
        this.operations = List.of(
                trailOperations,
                new TrailLoggingOperations(trails, deliveries),
                new EventSelectorOperations(trails),
                new EventHistoryOperations(history));
        CloudTrailRecorder recorder = new CloudTrailRecorder(new TrailEvents(platform.access()::directory), trails,
                history, deliveries, platform.events());
        platform.events().subscribeToApiCalls(recorder::record);
        deliveries.restoreAll();
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Object> operationHandlers() {
        return operations;
    }

    /** Removes trails named with {@code prefix}; a full reset forgets the event history too. */
    @Override
    public int reset(String prefix) {
        if (prefix == null) {
            history.clear();
        }
        return trailOperations.reset(prefix);
    }

    @Override
    public void close() {
        deliveries.close();
    }
}
