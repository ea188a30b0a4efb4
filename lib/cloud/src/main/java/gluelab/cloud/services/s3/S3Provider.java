package gluelab.cloud.services.s3;

import gluelab.cloud.protocol.CustomCodec;
import gluelab.cloud.protocol.ProtocolCodec;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;
import gluelab.cloud.provider.StreamingResponse;
import gluelab.cloud.services.s3.storage.EventNotifyingObjectStore;
import gluelab.cloud.services.s3.storage.FileObjectStore;
import gluelab.cloud.services.s3.storage.ObjectStore;
import java.io.InputStream;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.PutBucketNotificationConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Amazon S3: buckets, objects, listings, copies, multipart uploads and notification configuration, on
 * Lab Cloud's own storage engine ({@link FileObjectStore}) wrapped by the event notifier. Each operation
 * is answered by the class for its kind of resource; this class is the typed surface the edge calls.
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
    private static final AccessRules ACCESS_RULES = new S3AccessRules();

    private final FileObjectStore engine;
    private final ObjectStore store;
    private final S3ProtocolCodec codec = new S3ProtocolCodec();
    private final BucketOperations buckets;
    private final ObjectOperations objects;
    private final ObjectListings listings;
    private final MultipartOperations multipart;
    private final NotificationConfigurations notifications;

    public S3Provider(Platform platform) {
        this.engine = new FileObjectStore(platform.state());
        this.store = new EventNotifyingObjectStore(engine, platform.events(), platform.clock());
        BucketAccess access = new BucketAccess(store);
        this.buckets = new BucketOperations(store, access);
        this.objects = new ObjectOperations(store, access);
        this.listings = new ObjectListings(store, access);
        this.multipart = new MultipartOperations(store, access);
        this.notifications = new NotificationConfigurations(store, access);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public AccessRules accessRules() {
        return ACCESS_RULES;
    }

    @Override
    public ProtocolCodec codec() {
        return codec;
    }

    @Override
    public java.util.List<Object> operationHandlers() {
        return java.util.List.of(this);
    }

    @Override
    public int reset(String prefix) {
        return store.reset(prefix);
    }

    // ---- buckets --------------------------------------------------------------------------------

    public ListBucketsResponse listBuckets(RequestContext context, ListBucketsRequest request) {
        return buckets.listBuckets(context, request);
    }

    public CreateBucketResponse createBucket(RequestContext context, CreateBucketRequest request) {
        return buckets.createBucket(context, request);
    }

    public HeadBucketResponse headBucket(RequestContext context, HeadBucketRequest request) {
        return buckets.headBucket(context, request);
    }

    public DeleteBucketResponse deleteBucket(RequestContext context, DeleteBucketRequest request) {
        return buckets.deleteBucket(context, request);
    }

    public GetBucketLocationResponse getBucketLocation(RequestContext context, GetBucketLocationRequest request) {
        return buckets.getBucketLocation(context, request);
    }

    public PutBucketNotificationConfigurationResponse putBucketNotificationConfiguration(
            RequestContext context, PutBucketNotificationConfigurationRequest request) {
        return notifications.put(context, request);
    }

    public GetBucketNotificationConfigurationResponse getBucketNotificationConfiguration(
            RequestContext context, GetBucketNotificationConfigurationRequest request) {
        return notifications.get(context, request);
    }

    // ---- objects --------------------------------------------------------------------------------

    public PutObjectResponse putObject(RequestContext context, PutObjectRequest request, InputStream body) {
        return objects.putObject(context, request, body);
    }

    public StreamingResponse<GetObjectResponse> getObject(RequestContext context, GetObjectRequest request) {
        return objects.getObject(context, request);
    }

    public HeadObjectResponse headObject(RequestContext context, HeadObjectRequest request) {
        return objects.headObject(context, request);
    }

    public DeleteObjectResponse deleteObject(RequestContext context, DeleteObjectRequest request) {
        return objects.deleteObject(context, request);
    }

    public DeleteObjectsResponse deleteObjects(RequestContext context, DeleteObjectsRequest request) {
        return objects.deleteObjects(context, request);
    }

    public CopyObjectResponse copyObject(RequestContext context, CopyObjectRequest request) {
        return objects.copyObject(context, request);
    }

    public ListObjectsResponse listObjects(RequestContext context, ListObjectsRequest request) {
        return listings.listObjects(context, request);
    }

    public ListObjectsV2Response listObjectsV2(RequestContext context, ListObjectsV2Request request) {
        return listings.listObjectsV2(context, request);
    }

    // ---- multipart uploads ----------------------------------------------------------------------

    public CreateMultipartUploadResponse createMultipartUpload(RequestContext context,
                                                               CreateMultipartUploadRequest request) {
        return multipart.createMultipartUpload(context, request);
    }

    public UploadPartResponse uploadPart(RequestContext context, UploadPartRequest request, InputStream body) {
        return multipart.uploadPart(context, request, body);
    }

    public UploadPartCopyResponse uploadPartCopy(RequestContext context, UploadPartCopyRequest request) {
        return multipart.uploadPartCopy(context, request);
    }

    public CompleteMultipartUploadResponse completeMultipartUpload(RequestContext context,
                                                                   CompleteMultipartUploadRequest request) {
        return multipart.completeMultipartUpload(context, request);
    }

    public AbortMultipartUploadResponse abortMultipartUpload(RequestContext context,
                                                             AbortMultipartUploadRequest request) {
        return multipart.abortMultipartUpload(context, request);
    }

    public ListPartsResponse listParts(RequestContext context, ListPartsRequest request) {
        return multipart.listParts(context, request);
    }

    public ListMultipartUploadsResponse listMultipartUploads(RequestContext context,
                                                             ListMultipartUploadsRequest request) {
        return multipart.listMultipartUploads(context, request);
    }

    /** The engine's payload area, for tests that check no key ever escaped it. */
    public java.nio.file.Path payloadDirectory() {
        return engine.files().dataDirectory().getParent();
    }
}
