package gluelab.cloud.services.s3.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.events.DefaultBusEntry;
import gluelab.cloud.events.EventBus;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.services.s3.checksum.ChecksumAlgorithm;
import gluelab.cloud.state.Json;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes S3's "Object Created" and "Object Deleted" events on the internal bus, with EventBridge's S3
 * event detail, after, and only after, the wrapped store has made the change. Events go to the bucket
 * owner's account and the bucket's region, as S3 sends them. S3 puts them on the account's default EventBridge bus
 * only for a bucket whose notification configuration turns EventBridge on; the other destinations (SQS, Lambda)
 * read the configuration themselves.
 */
public final class EventNotifyingObjectStore extends ForwardingObjectStore {

    public static final String OBJECT_CREATED = "Object Created";
    public static final String OBJECT_DELETED = "Object Deleted";

    private final EventBus events;
    /** S3's sequencer: hex that grows with every change, so events about one key can be ordered. */
    private final AtomicLong sequencer;

    public EventNotifyingObjectStore(ObjectStore delegate, EventBus events, Clock clock) {
        super(delegate);
        this.events = events;
        this.sequencer = new AtomicLong(clock.millis() * 1_000_000L);
    }

    @Override
    public ObjectRecord putObject(Requester requester, String bucket, String key, InputStream body,
                                  Set<ChecksumAlgorithm> checksums, PayloadDescriber<ObjectRecord> describer,
                                  WriteCondition condition) {
        ObjectRecord created = super.putObject(requester, bucket, key, body, checksums, describer, condition);
        created(requester, bucket, created, requester.reason() != null ? requester.reason() : "PutObject");
        return created;
    }

    @Override
    public ObjectRecord copyObject(Requester requester, ObjectRecord source, String bucket, String key,
                                   Set<ChecksumAlgorithm> checksums, PayloadDescriber<ObjectRecord> describer,
                                   WriteCondition condition) {
        ObjectRecord created = super.copyObject(requester, source, bucket, key, checksums, describer, condition);
        created(requester, bucket, created, "CopyObject");
        return created;
    }

    @Override
    public Optional<ObjectRecord> completeUpload(Requester requester, UploadRecord upload, List<PartRecord> chosen,
                                                 ObjectRecord object, WriteCondition condition) {
        Optional<ObjectRecord> created = super.completeUpload(requester, upload, chosen, object, condition);
        created.ifPresent(o -> created(requester, upload.bucket(), o, "CompleteMultipartUpload"));
        return created;
    }

    @Override
    public Optional<ObjectRecord> deleteObject(Requester requester, String bucket, String key, String versionId) {
        Optional<ObjectRecord> deleted = super.deleteObject(requester, bucket, key, versionId);
        deleted.ifPresent(o -> deleted(requester, bucket, o, "Permanently Deleted"));
        return deleted;
    }

    @Override
    public ObjectRecord putDeleteMarker(Requester requester, String bucket, ObjectRecord marker) {
        ObjectRecord created = super.putDeleteMarker(requester, bucket, marker);
        deleted(requester, bucket, created, "Delete Marker Created");
        return created;
    }

    private void deleted(Requester requester, String bucket, ObjectRecord version, String deletionType) {
        publish(requester, bucket, OBJECT_DELETED, version.key(), detail(requester, bucket, "DeleteObject", object -> {
            object.put("key", version.key());
            putVersionId(object, version);
            object.put("sequencer", nextSequencer());
        }).put("deletion-type", deletionType));
    }

    /** S3 names the version of a versioned object; an object of a bucket without versioning has none to name. */
    private static void putVersionId(ObjectNode object, ObjectRecord version) {
        if (version.versionId() != null) {
            object.put("version-id", version.versionId());
        }
    }

    private void created(Requester requester, String bucket, ObjectRecord created, String reason) {
        publish(requester, bucket, OBJECT_CREATED, created.key(), detail(requester, bucket, reason, object -> {
            object.put("key", created.key());
            object.put("size", created.size());
            object.put("etag", created.etag());
            putVersionId(object, created);
            object.put("sequencer", nextSequencer());
        }));
    }

    private ObjectNode detail(Requester requester, String bucket, String reason,
                              java.util.function.Consumer<ObjectNode> object) {
        ObjectNode detail = Json.object();
        detail.put("version", "0");
        detail.putObject("bucket").put("name", bucket);
        object.accept(detail.putObject("object"));
        detail.put("request-id", requester.requestId());
        detail.put("requester", requester.account());
        detail.put("source-ip-address", requester.sourceIp());
        detail.put("reason", reason);
        return detail;
    }

    private void publish(Requester requester, String bucket, String name, String key, ObjectNode detail) {
        BucketRecord owner = bucket(bucket).orElse(null);
        String account = owner != null ? owner.ownerAccount() : requester.account();
        String region = owner != null ? owner.region() : null;
        events.publish(account, region, "s3", name, bucket + "/" + key, detail, defaultBusEntry(bucket));
    }

    private DefaultBusEntry defaultBusEntry(String bucket) {
        boolean toEventBridge = notificationConfiguration(bucket)
                .map(configuration -> configuration.eventBridgeConfiguration() != null)
                .orElse(false);
        return toEventBridge ? DefaultBusEntry.of("aws.s3", Arn.of("s3", "", "", bucket).toString()) : null;
    }

    private String nextSequencer() {
        return String.format("%016X", sequencer.incrementAndGet());
    }
}
