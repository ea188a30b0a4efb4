package gluelab.cloud.services.s3;

import gluelab.cloud.BodyErrors;
import gluelab.cloud.http.QueryString;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.StreamingResponse;
import gluelab.cloud.services.s3.AccessControlLists.GrantHeaders;
import gluelab.cloud.services.s3.checksum.ChecksumAlgorithm;
import gluelab.cloud.services.s3.storage.BucketRecord;
import gluelab.cloud.services.s3.storage.ContentHeaders;
import gluelab.cloud.services.s3.storage.Grant;
import gluelab.cloud.services.s3.storage.ObjectChangedException;
import gluelab.cloud.services.s3.storage.ObjectRecord;
import gluelab.cloud.services.s3.storage.ObjectStore;
import gluelab.cloud.services.s3.storage.Requester;
import gluelab.cloud.services.s3.storage.Segment;
import gluelab.cloud.services.s3.storage.StagedPayload;
import gluelab.cloud.services.s3.storage.StoredChecksum;
import gluelab.cloud.services.s3.storage.UnreadableBodyException;
import gluelab.cloud.services.s3.storage.WriteCondition;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.Checksum;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectResult;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Error;

/** PutObject, GetObject, HeadObject, GetObjectAttributes, DeleteObject(s) and CopyObject. */
public final class ObjectOperations {

    static final long MAX_SINGLE_UPLOAD = 5L * 1024 * 1024 * 1024;
    private static final int MAX_DELETE_KEYS = 1000;
    private static final Set<String> STORAGE_CLASSES = Set.of("STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA",
            "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER", "DEEP_ARCHIVE", "GLACIER_IR", "OUTPOSTS", "SNOW",
            "EXPRESS_ONEZONE");
    private static final Set<String> OBJECT_ATTRIBUTES = Set.of("ETag", "Checksum", "ObjectParts", "StorageClass",
            "ObjectSize");

    private final ObjectStore store;
    private final BucketAccess access;

    ObjectOperations(ObjectStore store, BucketAccess access) {
        this.store = store;
        this.access = access;
    }

    /** S3 keeps Last-Modified to the second: headers, listings and conditions all agree on it. */
    static Instant lastModified(RequestContext context) {
        return context.now().truncatedTo(ChronoUnit.SECONDS);
    }

    static String storageClass(String requested) {
        if (requested == null) {
            return "STANDARD";
        }
        if (!STORAGE_CLASSES.contains(requested)) {
            throw new AwsServiceException("InvalidStorageClass", "The storage class you specified is not valid", 400)
                    .with("StorageClassRequested", requested);
        }
        return requested;
    }

    /**
     * S3 drops {@code aws-chunked}, the upload's transfer framing, from the Content-Encoding it keeps, and keeps the
     * rest exactly as sent ({@code deflate, gzip} stays with its space).
     */
    static String storedEncoding(String contentEncoding) {
        if (contentEncoding == null) {
            return null;
        }
        String kept = java.util.Arrays.stream(contentEncoding.split(",", -1))
                .filter(e -> !e.trim().equalsIgnoreCase("aws-chunked"))
                .collect(java.util.stream.Collectors.joining(","));
        return kept.isBlank() ? null : kept.equals(contentEncoding) ? kept : kept.strip();
    }

    static StoredChecksum fullObject(ChecksumAlgorithm algorithm, StagedPayload staged) {
        return algorithm == null ? null : new StoredChecksum(algorithm.name(),
                DeclaredChecksums.base64(staged.checksums().get(algorithm)), StoredChecksum.FULL_OBJECT);
    }

    /** A streamed body's declared length must be what arrived (aws-chunked bodies declare it apart). */
    static void checkDecodedLength(RequestContext context, StagedPayload staged) {
        String declared = context.exchange() == null ? null : context.exchange().header("x-amz-decoded-content-length");
        if (declared != null && !declared.trim().equals(Long.toString(staged.size()))) {
            throw new AwsServiceException("IncompleteBody", "You did not provide the number of bytes specified by "
                    + "the x-amz-decoded-content-length HTTP header", 400);
        }
    }

    static AwsServiceException unreadable(RequestContext context, UnreadableBodyException e) {
        return BodyErrors.of(e.failure(), context.service());
    }

    public PutObjectResponse putObject(RequestContext context, PutObjectRequest request, InputStream body) {
        return putObject(context, request, body, DeclaredChecksums.of(context), BucketAccess.requester(context));
    }

    /**
     * An upload whose integrity was declared elsewhere than in its headers, and which S3's events may name otherwise
     * than PutObject: a POST form's, with its fields and the {@code requester}'s reason PostObject.
     */
    PutObjectResponse putObject(RequestContext context, PutObjectRequest request, InputStream body,
                                DeclaredChecksums declared, Requester requester) {
        BucketRecord bucket = access.owned(context, request.bucket());
        String key = ObjectKeys.require(request.key());
        if (request.contentLength() != null && request.contentLength() > MAX_SINGLE_UPLOAD) {
            throw S3Errors.entityTooLarge(request.contentLength(), MAX_SINGLE_UPLOAD);
        }
        String storageClass = storageClass(request.storageClassAsString());
        WriteCondition condition = ObjectConditions.forWrite(key, request.ifMatch(), request.ifNoneMatch());
        ContentHeaders headers = new ContentHeaders(request.contentType(), storedEncoding(request.contentEncoding()),
                request.contentDisposition(), request.contentLanguage(), request.cacheControl(), request.expires());
        Instant now = lastModified(context);
        String versionId = ObjectVersions.forNewVersion(bucket);
        Map<String, String> tags = TagSets.fromHeader(request.tagging());
        List<Grant> grants = AccessControlLists.requested(bucket, BucketAccess.writer(context, bucket), request.aclAsString(),
                GrantHeaders.of(request));
        ObjectRecord stored;
        try {
            stored = store.putObject(requester, bucket.name(), key, body,
                    declared.algorithmsWith(null), staged -> {
                        checkDecodedLength(context, staged);
                        declared.verify(staged, body);
                        return new ObjectRecord(key, staged.size(), staged.md5Hex(), now, BucketAccess.writer(context, bucket), headers,
                                request.metadata(), fullObject(declared.algorithm(), staged), storageClass, null,
                                List.of(new Segment(staged.fileId(), staged.size(), null))).withVersion(versionId)
                                .withTags(tags).withAcl(BucketAccess.writer(context, bucket), grants);
                    }, condition);
        } catch (UnreadableBodyException e) {
            throw unreadable(context, e);
        }
        PutObjectResponse.Builder response = PutObjectResponse.builder().eTag(stored.quotedEtag()).size(stored.size())
                .versionId(ObjectVersions.header(bucket, stored));
        ChecksumMembers.set(response, stored.checksum(), true);
        return response.build();
    }

    public StreamingResponse<GetObjectResponse> getObject(RequestContext context, GetObjectRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        for (int attempt = 0; ; attempt++) {
            ObjectRecord object = ObjectVersions.read(store, bucket, request.key(), request.versionId(), "GET");
            ObjectConditions.checkRead(object, request.ifMatch(), request.ifNoneMatch(), request.ifModifiedSince(),
                    request.ifUnmodifiedSince(), context.now());
            Selection selection = Selection.of(object, request.range(), request.partNumber());
            GetObjectResponse.Builder response = GetObjectResponse.builder();
            ObjectHeaders.fill(response, object, ObjectVersions.header(bucket, object), selection.length(),
                    overrides(request));
            selection.describe(response, object, request.checksumMode() == ChecksumMode.ENABLED);
            try {
                InputStream in = store.open(object.segments(), selection.first(), selection.length());
                return new StreamingResponse(response.build(), in, selection.length(), selection.status());
            } catch (ObjectChangedException changed) {
                if (attempt >= 3) {
                    throw S3Errors.noSuchKey(request.key());
                }
            }
        }
    }

    /** GetObject's {@code response-*} query parameters, which replace the stored headers in the answer. */
    private static Map<String, Object> overrides(GetObjectRequest request) {
        Map<String, Object> out = new HashMap<>();
        putIfSet(out, "ContentType", request.responseContentType());
        putIfSet(out, "ContentEncoding", request.responseContentEncoding());
        putIfSet(out, "ContentDisposition", request.responseContentDisposition());
        putIfSet(out, "ContentLanguage", request.responseContentLanguage());
        putIfSet(out, "CacheControl", request.responseCacheControl());
        putIfSet(out, "Expires", request.responseExpires());
        return out;
    }

    private static void putIfSet(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }

    public HeadObjectResponse headObject(RequestContext context, HeadObjectRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        ObjectRecord object = ObjectVersions.read(store, bucket, request.key(), request.versionId(), "HEAD");
        ObjectConditions.checkRead(object, request.ifMatch(), request.ifNoneMatch(), request.ifModifiedSince(),
                request.ifUnmodifiedSince(), context.now());
        Selection selection = Selection.of(object, null, request.partNumber());
        HeadObjectResponse.Builder response = HeadObjectResponse.builder();
        ObjectHeaders.fill(response, object, ObjectVersions.header(bucket, object), selection.length(), Map.of());
        selection.describe(response, object, request.checksumMode() == ChecksumMode.ENABLED);
        return response.build();
    }

    /**
     * The attributes the caller names in {@code x-amz-object-attributes}, and no others. The ETag comes unquoted
     * here, unlike every other S3 answer; a composite checksum comes without its {@code -<parts>} suffix; the
     * parts of a multipart object are listed (a page at a time, as ListParts does) only when its checksum is
     * COMPOSITE, else only counted.
     */
    public GetObjectAttributesResponse getObjectAttributes(RequestContext context, GetObjectAttributesRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        Set<String> wanted = requestedAttributes(request.objectAttributesAsStrings());
        ObjectRecord object = ObjectVersions.read(store, bucket, request.key(), request.versionId(), "GET");
        GetObjectAttributesResponse.Builder response = GetObjectAttributesResponse.builder()
                .lastModified(object.lastModified()).versionId(ObjectVersions.header(bucket, object));
        if (wanted.contains("ETag")) {
            response.eTag(object.etag());
        }
        if (wanted.contains("Checksum") && object.checksum() != null) {
            Checksum.Builder checksum = Checksum.builder();
            ChecksumMembers.set((SdkPojo) checksum, ObjectParts.wholeObjectChecksum(object.checksum()), true);
            response.checksum(checksum.build());
        }
        if (wanted.contains("ObjectParts") && object.partsCount() != null) {
            response.objectParts(ObjectParts.of(object, request.maxParts(), request.partNumberMarker()));
        }
        if (wanted.contains("StorageClass")) {
            response.storageClass(object.storageClass());
        }
        if (wanted.contains("ObjectSize")) {
            response.objectSize(object.size());
        }
        return response.build();
    }

    private static Set<String> requestedAttributes(List<String> names) {
        Set<String> wanted = new HashSet<>();
        for (String name : names) {
            if (!name.isEmpty() && !OBJECT_ATTRIBUTES.contains(name)) {
                throw S3Errors.invalidArgument("Invalid attribute name specified.", "x-amz-object-attributes", name);
            }
            if (!name.isEmpty()) {
                wanted.add(name);
            }
        }
        if (wanted.isEmpty()) {
            throw S3Errors.invalidRequest("The x-amz-object-attributes header specifying the attributes to be "
                    + "retrieved is either missing or empty");
        }
        return wanted;
    }

    public DeleteObjectResponse deleteObject(RequestContext context, DeleteObjectRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        DeletedObject deleted = delete(context, bucket, ObjectKeys.require(request.key()), request.versionId());
        return DeleteObjectResponse.builder().deleteMarker(deleted.deleteMarker()).versionId(
                deleted.deleteMarkerVersionId() != null ? deleted.deleteMarkerVersionId() : deleted.versionId()).build();
    }

    /**
     * Deletes as S3 does: a key alone removes the null version of a bucket that never had versioning, and otherwise
     * leaves a delete marker (with a new id where versioning is enabled, as the null version where suspended); a
     * version id removes that version for good, and succeeds even where there is no such version.
     */
    private DeletedObject delete(RequestContext context, BucketRecord bucket, String key, String versionId) {
        Requester requester = BucketAccess.requester(context);
        if (versionId == null && bucket.versioningConfigured()) {
            ObjectRecord marker = store.putDeleteMarker(requester, bucket.name(), ObjectRecord.deleteMarker(key,
                    ObjectVersions.forNewVersion(bucket), lastModified(context), BucketAccess.writer(context, bucket)));
            return DeletedObject.builder().key(key).deleteMarker(true)
                    .deleteMarkerVersionId(ObjectVersions.wire(marker)).build();
        }
        String wanted = versionId == null ? null : ObjectVersions.requested(bucket, versionId);
        Optional<ObjectRecord> removed = store.deleteObject(requester, bucket.name(), key, wanted);
        boolean marker = removed.map(ObjectRecord::deleteMarker).orElse(false);
        return DeletedObject.builder().key(key).versionId(versionId)
                .deleteMarker(marker ? Boolean.TRUE : null)
                .deleteMarkerVersionId(marker ? versionId : null).build();
    }

    public DeleteObjectsResponse deleteObjects(RequestContext context, DeleteObjectsRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        if (request.delete() == null || !request.delete().hasObjects() || request.delete().objects().isEmpty()
                || request.delete().objects().size() > MAX_DELETE_KEYS) {
            throw S3Errors.malformedXml();
        }
        boolean quiet = Boolean.TRUE.equals(request.delete().quiet());
        List<DeletedObject> deleted = new ArrayList<>();
        List<S3Error> errors = new ArrayList<>();
        for (ObjectIdentifier id : request.delete().objects()) {
            try {
                DeletedObject done = delete(context, bucket, ObjectKeys.require(id.key()), id.versionId());
                if (!quiet) {
                    deleted.add(done);
                }
            } catch (AwsServiceException e) {
                errors.add(S3Error.builder().key(id.key()).versionId(id.versionId()).code(e.code())
                        .message(e.getMessage()).build());
            }
        }
        return DeleteObjectsResponse.builder().deleted(deleted.isEmpty() ? null : deleted)
                .errors(errors.isEmpty() ? null : errors).build();
    }

    public CopyObjectResponse copyObject(RequestContext context, CopyObjectRequest request) {
        BucketRecord target = access.owned(context, request.destinationBucket());
        String key = ObjectKeys.require(request.destinationKey());
        CopySource copySource = CopySource.parse(request.copySource());
        BucketRecord sourceBucket = access.owned(context, copySource.bucket());
        String directive = request.metadataDirectiveAsString();
        if (directive != null && !directive.equals("COPY") && !directive.equals("REPLACE")) {
            throw S3Errors.invalidArgument("Unknown metadata directive.", "x-amz-metadata-directive", directive);
        }
        boolean replace = "REPLACE".equals(directive);
        String taggingDirective = request.taggingDirectiveAsString();
        if (taggingDirective != null && !taggingDirective.equals("COPY") && !taggingDirective.equals("REPLACE")) {
            throw S3Errors.invalidArgument("Unknown tagging directive.", "x-amz-tagging-directive", taggingDirective);
        }
        Map<String, String> replacedTags = "REPLACE".equals(taggingDirective) ? TagSets.fromHeader(request.tagging())
                : null;
        List<Grant> grants = AccessControlLists.requested(target, BucketAccess.writer(context, target), request.aclAsString(),
                GrantHeaders.of(request));
        // Copying an older version over its own key restores it: only the latest copied onto itself is refused.
        boolean sameObject = sourceBucket.name().equals(target.name()) && copySource.key().equals(key)
                && copySource.versionId() == null;
        if (sameObject && !replace && request.storageClass() == null && request.websiteRedirectLocation() == null
                && request.serverSideEncryption() == null) {
            throw S3Errors.invalidRequest("This copy request is illegal because it is trying to copy an object to "
                    + "itself without changing the object's metadata, storage class, website redirect location or "
                    + "encryption attributes.");
        }
        String storageClass = storageClass(request.storageClassAsString());
        ChecksumAlgorithm requestedAlgorithm = null;
        if (request.checksumAlgorithmAsString() != null) {
            requestedAlgorithm = ChecksumAlgorithm.named(request.checksumAlgorithmAsString())
                    .orElseThrow(() -> S3Errors.invalidRequest("Checksum algorithm provided is unsupported."));
        }
        Instant now = lastModified(context);
        String versionId = ObjectVersions.forNewVersion(target);
        for (int attempt = 0; ; attempt++) {
            ObjectRecord source = ObjectVersions.copySource(store, sourceBucket, copySource.key(),
                    copySource.versionId());
            ObjectConditions.checkCopySource(source, request.copySourceIfMatch(), request.copySourceIfNoneMatch(),
                    request.copySourceIfModifiedSince(), request.copySourceIfUnmodifiedSince(), context.now());
            ChecksumAlgorithm algorithm = requestedAlgorithm != null ? requestedAlgorithm
                    : source.checksum() == null ? null : ChecksumAlgorithm.named(source.checksum().algorithm()).orElse(null);
            ContentHeaders headers = replace ? new ContentHeaders(request.contentType(), request.contentEncoding(),
                    request.contentDisposition(), request.contentLanguage(), request.cacheControl(), request.expires())
                    : source.headers();
            Map<String, String> metadata = replace ? request.metadata() : source.userMetadata();
            ChecksumAlgorithm chosen = algorithm;
            try {
                ObjectRecord copy = store.copyObject(BucketAccess.requester(context), source, target.name(), key,
                        chosen == null ? Set.of() : Set.of(chosen),
                        staged -> new ObjectRecord(key, staged.size(), staged.md5Hex(), now, BucketAccess.writer(context, target),
                                headers, metadata, fullObject(chosen, staged), storageClass, null,
                                List.of(new Segment(staged.fileId(), staged.size(), null))).withVersion(versionId)
                                .withTags(replacedTags != null ? replacedTags : source.tags())
                                .withAcl(BucketAccess.writer(context, target), grants),
                        WriteCondition.NONE);
                CopyObjectResult.Builder result = CopyObjectResult.builder().eTag(copy.quotedEtag())
                        .lastModified(copy.lastModified());
                ChecksumMembers.set(result, copy.checksum(), true);
                return CopyObjectResponse.builder().copyObjectResult(result.build())
                        .versionId(ObjectVersions.header(target, copy))
                        .copySourceVersionId(ObjectVersions.header(sourceBucket, source)).build();
            } catch (ObjectChangedException changed) {
                if (attempt >= 3) {
                    throw S3Errors.noSuchKey(copySource.key());
                }
            }
        }
    }

    /**
     * The {@code x-amz-copy-source} of a copy: {@code [/]bucket/key[?versionId=…]}, URL-encoded. The
     * version suffix is found before decoding, so a key that contains an encoded {@code ?} stays whole.
     *
     * @param versionId the source version named, or null for the key's latest
     */
    record CopySource(String bucket, String key, String versionId) {

        static CopySource parse(String header) {
            if (header == null || header.isEmpty()) {
                throw S3Errors.invalidArgument("Copy Source must mention the source bucket and key: "
                        + "sourcebucket/sourcekey", "x-amz-copy-source", header);
            }
            String raw = header.startsWith("/") ? header.substring(1) : header;
            int version = raw.indexOf("?versionId=");
            String versionId = null;
            if (version >= 0) {
                versionId = QueryString.decode(raw.substring(version + "?versionId=".length()), false);
                raw = raw.substring(0, version);
            }
            String decoded = QueryString.decode(raw, false);
            int slash = decoded.indexOf('/');
            if (slash <= 0 || slash == decoded.length() - 1) {
                throw S3Errors.invalidArgument("Copy Source must mention the source bucket and key: "
                        + "sourcebucket/sourcekey", "x-amz-copy-source", header);
            }
            return new CopySource(decoded.substring(0, slash), decoded.substring(slash + 1), versionId);
        }
    }

    /** Which bytes of an object one GET answers with: all of it, a range, or one part. */
    record Selection(long first, long length, int status, String contentRange, Integer partsCount,
                     StoredChecksum checksum) {

        static Selection of(ObjectRecord object, String rangeHeader, Integer partNumber) {
            long size = object.size();
            if (partNumber != null) {
                if (rangeHeader != null) {
                    throw S3Errors.invalidRequest("Cannot specify both Range header and partNumber query parameter.");
                }
                int parts = object.partsCount() == null ? 1 : object.partsCount();
                if (partNumber < 1 || partNumber > parts) {
                    throw new AwsServiceException("InvalidPartNumber", "The requested partnumber is not satisfiable",
                            416).with("PartNumberRequested", partNumber.toString())
                            .with("ActualPartCount", Integer.toString(parts));
                }
                long first = 0;
                for (int i = 0; i < partNumber - 1; i++) {
                    first += object.segments().get(i).length();
                }
                Segment part = object.partsCount() == null ? null : object.segments().get(partNumber - 1);
                long length = part == null ? size : part.length();
                StoredChecksum checksum = part == null ? object.checksum()
                        : part.checksum() == null || object.checksum() == null ? null
                        : new StoredChecksum(object.checksum().algorithm(), part.checksum(), null);
                return new Selection(first, length, 206,
                        length == 0 ? null : "bytes " + first + "-" + (first + length - 1) + "/" + size,
                        object.partsCount(), checksum);
            }
            Optional<ByteRange> range = ByteRange.parse(rangeHeader, size);
            if (range.isPresent()) {
                // A range's bytes have no stored checksum: S3 sends none, and the SDK validates none.
                return new Selection(range.get().first(), range.get().length(), 206,
                        range.get().contentRange(size), null, null);
            }
            return new Selection(0, size, 200, null, null, object.checksum());
        }

        void describe(software.amazon.awssdk.core.SdkPojo response, ObjectRecord object, boolean checksumMode) {
            Map<String, Object> values = new HashMap<>();
            values.put("ContentRange", contentRange);
            values.put("PartsCount", partsCount);
            for (var field : response.sdkFields()) {
                Object value = values.get(field.memberName());
                if (value != null) {
                    field.set(response, value);
                }
            }
            if (checksumMode) {
                ChecksumMembers.set(response, checksum, true);
            }
        }
    }
}
