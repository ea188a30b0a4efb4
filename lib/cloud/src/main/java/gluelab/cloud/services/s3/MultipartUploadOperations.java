package gluelab.cloud.services.s3;

import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.s3.checksum.ChecksumAlgorithm;
import gluelab.cloud.services.s3.storage.BucketRecord;
import gluelab.cloud.services.s3.storage.ContentHeaders;
import gluelab.cloud.services.s3.storage.ObjectChangedException;
import gluelab.cloud.services.s3.storage.ObjectRecord;
import gluelab.cloud.services.s3.storage.ObjectStore;
import gluelab.cloud.services.s3.storage.PartRecord;
import gluelab.cloud.services.s3.storage.Segment;
import gluelab.cloud.services.s3.storage.StoredChecksum;
import gluelab.cloud.services.s3.storage.UnreadableBodyException;
import gluelab.cloud.services.s3.storage.UploadRecord;
import gluelab.cloud.services.s3.storage.Utf8BinaryOrder;
import gluelab.cloud.services.s3.storage.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyPartResult;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Multipart uploads: create, upload (or copy) parts, complete, abort, and list uploads and parts. A
 * completed object keeps its parts' files as its segments; its ETag is the MD5 of the parts' MD5s with
 * the part count, and its checksum is COMPOSITE (a checksum of the parts' checksums, {@code -N}) or
 * FULL_OBJECT, as CreateMultipartUpload chose.
 */
public final class MultipartUploadOperations {

    static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    private static final int MAX_PART_NUMBER = 10_000;
    private static final int MAX_LISTED = 1000;

    private final ObjectStore store;
    private final BucketAccess access;

    MultipartUploadOperations(ObjectStore store, BucketAccess access) {
        this.store = store;
        this.access = access;
    }

    public CreateMultipartUploadResponse createMultipartUpload(RequestContext context,
                                                               CreateMultipartUploadRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        String key = ObjectKeys.require(request.key());
        String storageClass = ObjectOperations.storageClass(request.storageClassAsString());
        ChecksumAlgorithm algorithm = null;
        if (request.checksumAlgorithmAsString() != null) {
            algorithm = ChecksumAlgorithm.named(request.checksumAlgorithmAsString()).orElseThrow(() ->
                    S3Errors.invalidRequest("Checksum algorithm provided is unsupported. Please try again with any of "
                            + "the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]"));
        }
        String type = checksumType(algorithm, request.checksumTypeAsString());
        String uploadId = newUploadId();
        UploadRecord upload = new UploadRecord(uploadId, bucket.name(), key, ObjectOperations.lastModified(context),
                BucketAccess.writer(context, bucket), context.caller() == null ? null : context.caller().principalArn(),
                new ContentHeaders(request.contentType(), ObjectOperations.storedEncoding(request.contentEncoding()),
                        request.contentDisposition(),
                        request.contentLanguage(), request.cacheControl(), request.expires()),
                request.metadata(), algorithm == null ? null : algorithm.name(), type, storageClass,
                BucketAccess.writer(context, bucket), TagSets.fromHeader(request.tagging()),
                AccessControlLists.requested(bucket, BucketAccess.writer(context, bucket), request.aclAsString(),
                        AccessControlLists.GrantHeaders.of(request)));
        store.createUpload(upload);
        return CreateMultipartUploadResponse.builder().bucket(bucket.name()).key(key).uploadId(uploadId)
                .checksumAlgorithm(upload.checksumAlgorithm()).checksumType(type).build();
    }

    /**
     * COMPOSITE is the default for CRC32, CRC32C, SHA1 and SHA256; CRC64NVME can only be FULL_OBJECT and the
     * SHAs cannot be.
     */
    private static String checksumType(ChecksumAlgorithm algorithm, String requested) {
        if (requested != null && !requested.equals(StoredChecksum.COMPOSITE) && !requested.equals(StoredChecksum.FULL_OBJECT)) {
            throw S3Errors.invalidRequest("Value for x-amz-checksum-type header is invalid.");
        }
        if (algorithm == null) {
            if (requested != null) {
                throw S3Errors.invalidRequest("The x-amz-checksum-type header can only be used with the "
                        + "x-amz-checksum-algorithm header.");
            }
            return null;
        }
        boolean sha = algorithm == ChecksumAlgorithm.SHA1 || algorithm == ChecksumAlgorithm.SHA256;
        if (sha && StoredChecksum.FULL_OBJECT.equals(requested)) {
            throw S3Errors.invalidRequest("The FULL_OBJECT checksum type cannot be used with the "
                    + algorithm.name().toLowerCase() + " checksum algorithm.");
        }
        if (algorithm == ChecksumAlgorithm.CRC64NVME && StoredChecksum.COMPOSITE.equals(requested)) {
            throw S3Errors.invalidRequest("The COMPOSITE checksum type cannot be used with the crc64nvme checksum "
                    + "algorithm.");
        }
        if (requested != null) {
            return requested;
        }
        return algorithm == ChecksumAlgorithm.CRC64NVME ? StoredChecksum.FULL_OBJECT : StoredChecksum.COMPOSITE;
    }

    private static String newUploadId() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    private UploadRecord upload(RequestContext context, String bucketName, String key, String uploadId) {
        BucketRecord bucket = access.owned(context, bucketName);
        UploadRecord upload = uploadId == null ? null : store.upload(bucket.name(), uploadId).orElse(null);
        if (upload == null || !upload.key().equals(key)) {
            throw S3Errors.noSuchUpload(uploadId);
        }
        return upload;
    }

    private static int partNumber(Integer number) {
        if (number == null || number < 1 || number > MAX_PART_NUMBER) {
            throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive",
                    "partNumber", String.valueOf(number));
        }
        return number;
    }

    public UploadPartResponse uploadPart(RequestContext context, UploadPartRequest request, InputStream body) {
        UploadRecord upload = upload(context, request.bucket(), request.key(), request.uploadId());
        int number = partNumber(request.partNumber());
        if (request.contentLength() != null && request.contentLength() > ObjectOperations.MAX_SINGLE_UPLOAD) {
            throw S3Errors.entityTooLarge(request.contentLength(), ObjectOperations.MAX_SINGLE_UPLOAD);
        }
        DeclaredChecksums declared = DeclaredChecksums.of(context);
        ChecksumAlgorithm uploadAlgorithm = ChecksumAlgorithm.named(upload.checksumAlgorithm()).orElse(null);
        if (uploadAlgorithm != null && declared.algorithm() != null && declared.algorithm() != uploadAlgorithm) {
            throw DeclaredChecksums.typeMismatch(uploadAlgorithm.name(), declared.algorithm());
        }
        Instant now = ObjectOperations.lastModified(context);
        PartRecord part;
        try {
            part = store.uploadPart(BucketAccess.requester(context), upload, number, body,
                    declared.algorithmsWith(uploadAlgorithm), staged -> {
                        ObjectOperations.checkDecodedLength(context, staged);
                        declared.verify(staged, body);
                        ChecksumAlgorithm kept = uploadAlgorithm != null ? uploadAlgorithm : declared.algorithm();
                        return new PartRecord(upload.uploadId(), number, staged.fileId(), staged.size(),
                                staged.md5Hex(), now, ObjectOperations.fullObject(kept, staged));
                    }).orElseThrow(() -> S3Errors.noSuchUpload(upload.uploadId()));
        } catch (UnreadableBodyException e) {
            throw ObjectOperations.unreadable(context, e);
        }
        UploadPartResponse.Builder response = UploadPartResponse.builder().eTag(part.quotedEtag());
        ChecksumMembers.set(response, part.checksum(), false);
        return response.build();
    }

    public UploadPartCopyResponse uploadPartCopy(RequestContext context, UploadPartCopyRequest request) {
        UploadRecord upload = upload(context, request.destinationBucket(), request.destinationKey(), request.uploadId());
        int number = partNumber(request.partNumber());
        ObjectOperations.CopySource copySource = ObjectOperations.CopySource.parse(request.copySource());
        BucketRecord sourceBucket = access.owned(context, copySource.bucket());
        Instant now = ObjectOperations.lastModified(context);
        for (int attempt = 0; ; attempt++) {
            ObjectRecord source = ObjectVersions.copySource(store, sourceBucket, copySource.key(),
                    copySource.versionId());
            ObjectConditions.checkCopySource(source, request.copySourceIfMatch(), request.copySourceIfNoneMatch(),
                    request.copySourceIfModifiedSince(), request.copySourceIfUnmodifiedSince(), context.now());
            long first = 0;
            long length = source.size();
            if (request.copySourceRange() != null) {
                ByteRange range = copyRange(request.copySourceRange(), source.size());
                first = range.first();
                length = range.length();
            }
            ChecksumAlgorithm algorithm = ChecksumAlgorithm.named(upload.checksumAlgorithm()).orElse(null);
            try {
                PartRecord part = store.copyPart(BucketAccess.requester(context), upload, number, source, first, length,
                        staged -> new PartRecord(upload.uploadId(), number, staged.fileId(), staged.size(),
                                staged.md5Hex(), now, ObjectOperations.fullObject(algorithm, staged)))
                        .orElseThrow(() -> S3Errors.noSuchUpload(upload.uploadId()));
                CopyPartResult.Builder result = CopyPartResult.builder().eTag(part.quotedEtag())
                        .lastModified(part.lastModified());
                ChecksumMembers.set(result, part.checksum(), false);
                return UploadPartCopyResponse.builder().copyPartResult(result.build())
                        .copySourceVersionId(ObjectVersions.header(sourceBucket, source)).build();
            } catch (ObjectChangedException changed) {
                if (attempt >= 3) {
                    throw S3Errors.noSuchKey(copySource.key());
                }
            }
        }
    }

    /** UploadPartCopy's {@code x-amz-copy-source-range}: {@code bytes=first-last}, wholly inside the source. */
    private static ByteRange copyRange(String header, long size) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("bytes=(\\d+)-(\\d+)").matcher(header.trim());
        if (!m.matches()) {
            throw S3Errors.invalidArgument("The x-amz-copy-source-range value must be of the form bytes=first-last "
                    + "where first and last are the zero-based offsets of the first and last bytes to copy",
                    "x-amz-copy-source-range", header);
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        if (first > last || last >= size) {
            throw S3Errors.invalidArgument("Range specified is not valid for source object of size: " + size,
                    "x-amz-copy-source-range", header);
        }
        return new ByteRange(first, last);
    }

    public CompleteMultipartUploadResponse completeMultipartUpload(RequestContext context,
                                                                   CompleteMultipartUploadRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        UploadRecord upload = upload(context, request.bucket(), request.key(), request.uploadId());
        WriteCondition condition = ObjectConditions.forWrite(upload.key(), request.ifMatch(), request.ifNoneMatch());
        if (request.multipartUpload() == null || !request.multipartUpload().hasParts()) {
            throw S3Errors.malformedXml();
        }
        List<CompletedPart> requested = request.multipartUpload().parts();
        if (requested.isEmpty()) {
            throw S3Errors.invalidRequest("You must specify at least one part");
        }
        Map<Integer, PartRecord> uploaded = store.parts(upload.bucket(), upload.uploadId()).stream()
                .collect(Collectors.toMap(PartRecord::partNumber, Function.identity()));
        List<PartRecord> chosen = new ArrayList<>();
        int previous = 0;
        for (CompletedPart wanted : requested) {
            if (wanted.partNumber() == null || wanted.eTag() == null) {
                throw S3Errors.malformedXml();
            }
            if (wanted.partNumber() <= previous) {
                throw S3Errors.invalidPartOrder();
            }
            previous = wanted.partNumber();
            PartRecord part = uploaded.get(wanted.partNumber());
            if (part == null || !part.etag().equals(ObjectConditions.unquote(wanted.eTag()))
                    || !checksumMatches(wanted, part)) {
                throw S3Errors.invalidPart("One or more of the specified parts could not be found.  The part may not "
                        + "have been uploaded, or the specified entity tag may not match the part's entity tag.")
                        .with("UploadId", upload.uploadId()).with("PartNumber", wanted.partNumber().toString())
                        .with("ETag", wanted.eTag());
            }
            chosen.add(part);
        }
        for (int i = 0; i < chosen.size() - 1; i++) {
            if (chosen.get(i).size() < MIN_PART_SIZE) {
                throw S3Errors.entityTooSmall(chosen.get(i).size()).with("PartNumber",
                        Integer.toString(chosen.get(i).partNumber())).with("ETag", chosen.get(i).quotedEtag());
            }
        }
        List<Segment> segments = chosen.stream().map(p -> new Segment(p.fileId(), p.size(),
                p.checksum() == null ? null : p.checksum().value())).toList();
        long size = chosen.stream().mapToLong(PartRecord::size).sum();
        StoredChecksum checksum = objectChecksum(context, upload, chosen, segments, size);
        ObjectRecord object = new ObjectRecord(upload.key(), size, multipartEtag(chosen),
                ObjectOperations.lastModified(context), upload.ownerAccount(), upload.headers(), upload.userMetadata(),
                checksum, upload.storageClass(), chosen.size(), segments)
                .withVersion(ObjectVersions.forNewVersion(bucket)).withTags(upload.tags())
                .withAcl(upload.objectOwner(), upload.grants());
        ObjectRecord completed = store.completeUpload(BucketAccess.requester(context), upload, chosen, object, condition)
                .orElseThrow(() -> S3Errors.noSuchUpload(upload.uploadId()));
        CompleteMultipartUploadResponse.Builder response = CompleteMultipartUploadResponse.builder()
                .location(location(context, upload))
                .bucket(upload.bucket()).key(upload.key()).eTag(completed.quotedEtag())
                .versionId(ObjectVersions.header(bucket, completed));
        ChecksumMembers.set(response, completed.checksum(), true);
        return response.build();
    }

    private static boolean checksumMatches(CompletedPart wanted, PartRecord part) {
        if (part.checksum() == null) {
            return true;
        }
        for (SdkField<?> field : wanted.sdkFields()) {
            if (field.memberName().equals("Checksum" + part.checksum().algorithm())) {
                Object given = field.getValueOrDefault(wanted);
                return given == null || given.equals(part.checksum().value());
            }
        }
        return true;
    }

    /** MD5 of the concatenated binary MD5s of the parts, then {@code -<parts>}. */
    static String multipartEtag(List<PartRecord> parts) {
        MessageDigest md5 = md5();
        HexFormat hex = HexFormat.of();
        parts.forEach(p -> md5.update(hex.parseHex(p.etag())));
        return hex.formatHex(md5.digest()) + "-" + parts.size();
    }

    private StoredChecksum objectChecksum(RequestContext context, UploadRecord upload, List<PartRecord> chosen,
                                          List<Segment> segments, long size) {
        ChecksumAlgorithm algorithm = ChecksumAlgorithm.named(upload.checksumAlgorithm()).orElse(null);
        if (algorithm == null) {
            return null;
        }
        if (StoredChecksum.COMPOSITE.equals(upload.checksumType())) {
            ChecksumAlgorithm.Running composite = algorithm.start();
            for (PartRecord part : chosen) {
                byte[] digest = Base64.getDecoder().decode(part.checksum().value());
                composite.update(digest, 0, digest.length);
            }
            return new StoredChecksum(algorithm.name(),
                    DeclaredChecksums.base64(composite.finish()) + "-" + chosen.size(), StoredChecksum.COMPOSITE);
        }
        // FULL_OBJECT: the checksum of all the bytes, as if uploaded in one piece.
        ChecksumAlgorithm.Running whole = algorithm.start();
        try (InputStream in = store.open(segments, 0, size)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                whole.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ObjectChangedException e) {
            throw S3Errors.noSuchUpload(upload.uploadId());
        }
        String value = DeclaredChecksums.base64(whole.finish());
        String declared = context.exchange() == null ? null : context.exchange().header(algorithm.header());
        if (declared != null && !declared.trim().equals(value)) {
            throw S3Errors.badDigest(algorithm.name());
        }
        return new StoredChecksum(algorithm.name(), value, StoredChecksum.FULL_OBJECT);
    }

    private static String location(RequestContext context, UploadRecord upload) {
        String host = context.exchange() == null ? "localhost" : context.exchange().header("Host");
        return "http://" + host + "/" + upload.bucket() + "/" + gluelab.cloud.auth.SigV4.uriEncode(upload.key(), false);
    }

    public AbortMultipartUploadResponse abortMultipartUpload(RequestContext context,
                                                             AbortMultipartUploadRequest request) {
        UploadRecord upload = upload(context, request.bucket(), request.key(), request.uploadId());
        if (!store.abortUpload(upload.bucket(), upload.uploadId())) {
            throw S3Errors.noSuchUpload(upload.uploadId());
        }
        return AbortMultipartUploadResponse.builder().build();
    }

    public ListPartsResponse listParts(RequestContext context, ListPartsRequest request) {
        UploadRecord upload = upload(context, request.bucket(), request.key(), request.uploadId());
        int max = request.maxParts() == null ? MAX_LISTED : Math.max(0, Math.min(request.maxParts(), MAX_LISTED));
        int marker = request.partNumberMarker() == null ? 0 : request.partNumberMarker();
        List<PartRecord> after = store.parts(upload.bucket(), upload.uploadId()).stream()
                .filter(p -> p.partNumber() > marker).toList();
        List<PartRecord> page = after.subList(0, Math.min(max, after.size()));
        boolean truncated = after.size() > page.size();
        List<Part> parts = page.stream().map(p -> {
            Part.Builder part = Part.builder().partNumber(p.partNumber()).lastModified(p.lastModified())
                    .eTag(p.quotedEtag()).size(p.size());
            ChecksumMembers.set((SdkPojo) part, p.checksum(), false);
            return part.build();
        }).toList();
        return ListPartsResponse.builder()
                .bucket(upload.bucket()).key(upload.key()).uploadId(upload.uploadId())
                .partNumberMarker(marker)
                .nextPartNumberMarker(page.isEmpty() ? null : page.get(page.size() - 1).partNumber())
                .maxParts(max).isTruncated(truncated)
                .parts(parts.isEmpty() ? null : parts)
                .initiator(S3Owners.initiator(upload.ownerAccount(), upload.initiatorArn()))
                .owner(S3Owners.owner(upload.ownerAccount()))
                .storageClass(upload.storageClass())
                .checksumAlgorithm(upload.checksumAlgorithm())
                .checksumType(upload.checksumType())
                .build();
    }

    public ListMultipartUploadsResponse listMultipartUploads(RequestContext context,
                                                             ListMultipartUploadsRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        ListingEncoding encoding = ListingEncoding.of(request.encodingTypeAsString());
        int max = request.maxUploads() == null ? MAX_LISTED : Math.max(0, Math.min(request.maxUploads(), MAX_LISTED));
        // One entry per upload, ordered by key then initiation, as S3 lists them.
        TreeMap<String, UploadRecord> byKey = new TreeMap<>(Utf8BinaryOrder.INSTANCE);
        for (UploadRecord upload : store.uploads(bucket.name())) {
            byKey.put(upload.key() + "\u0000" + upload.initiated() + "\u0000" + upload.uploadId(), upload);
        }
        String after = null;
        if (request.keyMarker() != null && !request.keyMarker().isEmpty()) {
            after = request.keyMarker() + (request.uploadIdMarker() == null ? "\uffff"
                    : "\u0000" + byKey.values().stream().filter(u -> u.uploadId().equals(request.uploadIdMarker()))
                    .map(u -> u.initiated() + "\u0000" + u.uploadId()).findFirst().orElse("\uffff"));
        }
        KeyListing<UploadRecord> page = KeyListing.of(byKey, UploadRecord::key, request.prefix(), request.delimiter(), after, max);
        UploadRecord last = page.contents().isEmpty() ? null : page.contents().get(page.contents().size() - 1);
        List<MultipartUpload> uploads = page.contents().stream().map(u -> MultipartUpload.builder()
                .uploadId(u.uploadId()).key(encoding.apply(u.key())).initiated(u.initiated())
                .storageClass(u.storageClass()).owner(S3Owners.owner(u.ownerAccount()))
                .initiator(S3Owners.initiator(u.ownerAccount(), u.initiatorArn()))
                .checksumAlgorithm(u.checksumAlgorithm()).checksumType(u.checksumType()).build()).toList();
        return ListMultipartUploadsResponse.builder()
                .bucket(bucket.name())
                .keyMarker(encoding.apply(request.keyMarker() == null ? "" : request.keyMarker()))
                .uploadIdMarker(request.uploadIdMarker() == null ? "" : request.uploadIdMarker())
                .nextKeyMarker(page.truncated() && last != null ? encoding.apply(last.key()) : null)
                .nextUploadIdMarker(page.truncated() && last != null ? last.uploadId() : null)
                .prefix(encoding.apply(request.prefix()))
                .delimiter(encoding.apply(request.delimiter()))
                .maxUploads(max).isTruncated(page.truncated()).encodingType(encoding.type())
                .uploads(uploads.isEmpty() ? null : uploads)
                .commonPrefixes(page.commonPrefixes().isEmpty() ? null : page.commonPrefixes().stream()
                        .map(p -> software.amazon.awssdk.services.s3.model.CommonPrefix.builder()
                                .prefix(encoding.apply(p)).build()).toList())
                .build();
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
