package gluelab.cloud.services.s3;

import gluelab.cloud.console.ConsoleView;
import gluelab.cloud.protocol.CustomCodec;
import gluelab.cloud.protocol.ProtocolCodec;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.ConsoleReads;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;
import gluelab.cloud.services.s3.storage.EventNotifyingObjectStore;
import gluelab.cloud.services.s3.storage.FileObjectStore;
import gluelab.cloud.services.s3.storage.ObjectStore;
import java.nio.file.Path;
import java.util.List;

/**
 * Amazon S3 on Lab Cloud's own storage engine ({@link FileObjectStore}) wrapped by the event notifier: buckets
 * ({@link BucketOperations}), their versioning ({@link BucketVersioningOperations}) and tags
 * ({@link BucketTaggingOperations}), Object Ownership ({@link BucketOwnershipControlsOperations}), Block Public Access
 * ({@link BucketPublicAccessBlockOperations}), bucket policies ({@link BucketPolicyOperations}), ACLs ({@link AccessControlListOperations}), CORS
 * ({@link BucketCorsOperations}), objects ({@link ObjectOperations}), browser-form uploads
 * ({@link PostObjectOperations}) and object tags
 * ({@link ObjectTaggingOperations}), listings ({@link ObjectListingOperations}),
 * multipart uploads ({@link MultipartUploadOperations}) and notification configuration
 * ({@link BucketNotificationOperations}). S3's REST-XML needs a codec of its own ({@link S3ProtocolCodec}).
 *
 * <p>Why not S3Proxy: its BlobStore API moved twice in 2026 and drags in jclouds; it cannot journal its
 * metadata through Lab Cloud's state store (so nothing it acknowledged would survive {@code kill -9}
 * alongside the other services), its filesystem store names files after keys, and it has no hook that
 * fires only after a write is durable. The engine here is small, keyed by generated file ids, and
 * journaled like every other service.
 */
public final class S3Provider implements ServiceProvider, CustomCodec {

    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.restXml("s3", "s3", "2006-03-01",
            S3ProtocolCodec.NAMESPACE, "software.amazon.awssdk.services.s3.model");

    private final FileObjectStore engine;
    private final ObjectStore store;
    private final S3ProtocolCodec codec;
    private final List<Object> operations;
    private final S3ConsoleView console;
    private final AccessRules accessRules;

    public S3Provider(Platform platform) {
        this.engine = new FileObjectStore(platform.state());
        this.store = new EventNotifyingObjectStore(engine, platform.events(), platform.clock());
        this.console = new S3ConsoleView(new ConsoleReads(platform.internal()));
        BucketAccess access = new BucketAccess(store);
        this.accessRules = new S3AccessRules(store);
        this.codec = new S3ProtocolCodec(new CorsAnswers(store));
        QueueNotifications queueNotifications = new QueueNotifications(platform.internal(), store);
        platform.events().subscribe(queueNotifications::deliver);
        ObjectOperations objects = new ObjectOperations(store, access);
        this.operations = List.of(
                new BucketOperations(store, access),
                new BucketVersioningOperations(store, access),
                new BucketTaggingOperations(store, access),
                new BucketOwnershipControlsOperations(store, access),
                new BucketPublicAccessBlockOperations(store, access),
                new AccessControlListOperations(store, access),
                new BucketCorsOperations(store, access),
                new BucketPolicyOperations(store, access),
                objects,
                new PostObjectOperations(access, objects),
                new ObjectTaggingOperations(store, access),
                new ObjectListingOperations(store, access),
                new MultipartUploadOperations(store, access),
                new BucketNotificationOperations(store, access, queueNotifications));
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public AccessRules accessRules() {
        return accessRules;
    }

    /** An unsigned request is an anonymous one, which only a bucket policy granting everyone admits. */
    @Override
    public boolean admitsAnonymousRequests() {
        return true;
    }

    @Override
    public ProtocolCodec codec() {
        return codec;
    }

    @Override
    public List<Object> operationHandlers() {
        return operations;
    }

    @Override
    public List<ConsoleView> consoleViews() {
        return List.of(console);
    }

    @Override
    public int reset(String prefix) {
        return store.reset(prefix);
    }

    /** The engine's payload area, for tests that check no key ever escaped it. */
    public Path payloadDirectory() {
        return engine.files().dataDirectory().getParent();
    }
}
