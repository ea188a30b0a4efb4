package gluelab.cloud.services.s3;

import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.s3.storage.BucketRecord;
import gluelab.cloud.services.s3.storage.ObjectRecord;
import gluelab.cloud.services.s3.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Object;

/** ListObjects (v1, with markers), ListObjectsV2 (with continuation tokens) and ListObjectVersions. */
public final class ObjectListingOperations {

    private static final int MAX_KEYS = 1000;
    /** A key whose latest version is a delete marker is absent from the listings. */
    private static final Predicate<ObjectRecord> LISTED = o -> !o.deleteMarker();

    private final ObjectStore store;
    private final BucketAccess access;

    ObjectListingOperations(ObjectStore store, BucketAccess access) {
        this.store = store;
        this.access = access;
    }

    public ListObjectsResponse listObjects(RequestContext context, ListObjectsRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        ListingEncoding encoding = ListingEncoding.of(request.encodingTypeAsString());
        int max = maxKeys(request.maxKeys());
        KeyListing<ObjectRecord> page = KeyListing.of(store.objects(bucket.name()), LISTED, ObjectRecord::key,
                request.prefix(), request.delimiter(), emptyToNull(request.marker()), max);
        boolean delimited = request.delimiter() != null && !request.delimiter().isEmpty();
        return ListObjectsResponse.builder()
                .name(bucket.name())
                .prefix(encoding.apply(nullToEmpty(request.prefix())))
                .marker(encoding.apply(nullToEmpty(request.marker())))
                .delimiter(encoding.apply(request.delimiter()))
                .maxKeys(max)
                .encodingType(encoding.type())
                .isTruncated(page.truncated())
                // S3 gives NextMarker only with a delimiter; without one the last key is the marker.
                .nextMarker(page.truncated() && delimited ? encoding.apply(page.last()) : null)
                .contents(page.contents().isEmpty() ? null : contents(page.contents(), encoding, true))
                .commonPrefixes(page.commonPrefixes().isEmpty() ? null : prefixes(page.commonPrefixes(), encoding))
                .build();
    }

    public ListObjectsV2Response listObjectsV2(RequestContext context, ListObjectsV2Request request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        ListingEncoding encoding = ListingEncoding.of(request.encodingTypeAsString());
        int max = maxKeys(request.maxKeys());
        String after = request.continuationToken() != null ? decodeToken(request.continuationToken())
                : emptyToNull(request.startAfter());
        KeyListing<ObjectRecord> page = KeyListing.of(store.objects(bucket.name()), LISTED, ObjectRecord::key,
                request.prefix(), request.delimiter(), after, max);
        return ListObjectsV2Response.builder()
                .name(bucket.name())
                .prefix(encoding.apply(nullToEmpty(request.prefix())))
                .delimiter(encoding.apply(request.delimiter()))
                .maxKeys(max)
                .encodingType(encoding.type())
                .keyCount(page.contents().size() + page.commonPrefixes().size())
                .isTruncated(page.truncated())
                .continuationToken(request.continuationToken())
                .nextContinuationToken(page.truncated() ? encodeToken(page.last()) : null)
                .startAfter(encoding.apply(request.startAfter()))
                .contents(page.contents().isEmpty() ? null
                        : contents(page.contents(), encoding, Boolean.TRUE.equals(request.fetchOwner())))
                .commonPrefixes(page.commonPrefixes().isEmpty() ? null : prefixes(page.commonPrefixes(), encoding))
                .build();
    }

    /**
     * Every version of the keys asked for, a key's newest first, delete markers among them; a bucket that never had
     * versioning lists each object once, as its {@code null} version. A page resumes after {@code KeyMarker} or,
     * with a {@code VersionIdMarker}, after that version of the key.
     */
    public ListObjectVersionsResponse listObjectVersions(RequestContext context, ListObjectVersionsRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        ListingEncoding encoding = ListingEncoding.of(request.encodingTypeAsString());
        int max = maxKeys(request.maxKeys());
        String keyMarker = emptyToNull(request.keyMarker());
        String versionIdMarker = emptyToNull(request.versionIdMarker());
        if (versionIdMarker != null && keyMarker == null) {
            throw S3Errors.invalidArgument("A version-id marker cannot be specified without a key marker.",
                    "version-id-marker", versionIdMarker);
        }
        if (versionIdMarker != null) {
            ObjectVersions.requested(bucket, versionIdMarker);
        }
        VersionListing page = VersionListing.of(store.objects(bucket.name()),
                key -> store.versions(bucket.name(), key), request.prefix(), request.delimiter(), keyMarker,
                versionIdMarker, max);
        List<ObjectVersion> versions = new ArrayList<>();
        List<DeleteMarkerEntry> markers = new ArrayList<>();
        for (VersionListing.Entry entry : page.versions()) {
            ObjectRecord v = entry.version();
            if (v.deleteMarker()) {
                markers.add(DeleteMarkerEntry.builder().key(encoding.apply(v.key())).versionId(ObjectVersions.wire(v))
                        .isLatest(entry.latest()).lastModified(v.lastModified())
                        .owner(S3Owners.owner(v.ownerAccount())).build());
                continue;
            }
            ObjectVersion.Builder item = ObjectVersion.builder().key(encoding.apply(v.key()))
                    .versionId(ObjectVersions.wire(v)).isLatest(entry.latest()).lastModified(v.lastModified())
                    .eTag(v.quotedEtag()).size(v.size()).storageClass(v.storageClass())
                    .owner(S3Owners.owner(v.ownerAccount()));
            if (v.checksum() != null) {
                item.checksumAlgorithmWithStrings(v.checksum().algorithm()).checksumType(v.checksum().type());
            }
            versions.add(item.build());
        }
        return ListObjectVersionsResponse.builder()
                .name(bucket.name())
                .prefix(encoding.apply(nullToEmpty(request.prefix())))
                .keyMarker(encoding.apply(nullToEmpty(request.keyMarker())))
                .versionIdMarker(nullToEmpty(request.versionIdMarker()))
                .delimiter(encoding.apply(request.delimiter()))
                .maxKeys(max)
                .encodingType(encoding.type())
                .isTruncated(page.truncated())
                .nextKeyMarker(page.truncated() ? encoding.apply(page.nextKey()) : null)
                .nextVersionIdMarker(page.truncated() ? page.nextVersionId() : null)
                .versions(versions.isEmpty() ? null : versions)
                .deleteMarkers(markers.isEmpty() ? null : markers)
                .commonPrefixes(page.commonPrefixes().isEmpty() ? null : prefixes(page.commonPrefixes(), encoding))
                .build();
    }

    private static int maxKeys(Integer requested) {
        if (requested == null) {
            return MAX_KEYS;
        }
        if (requested < 0) {
            throw S3Errors.invalidArgument("Argument maxKeys must be an integer between 0 and 2147483647", "maxKeys",
                    requested.toString());
        }
        return Math.min(requested, MAX_KEYS);
    }

    private static List<S3Object> contents(List<ObjectRecord> objects, ListingEncoding encoding, boolean withOwner) {
        return objects.stream().map(o -> {
            S3Object.Builder item = S3Object.builder()
                    .key(encoding.apply(o.key()))
                    .lastModified(o.lastModified())
                    .eTag(o.quotedEtag())
                    .size(o.size())
                    .storageClass(o.storageClass());
            if (o.checksum() != null) {
                item.checksumAlgorithmWithStrings(o.checksum().algorithm()).checksumType(o.checksum().type());
            }
            if (withOwner) {
                item.owner(S3Owners.owner(o.ownerAccount()));
            }
            return item.build();
        }).toList();
    }

    private static List<CommonPrefix> prefixes(List<String> prefixes, ListingEncoding encoding) {
        return prefixes.stream().map(p -> CommonPrefix.builder().prefix(encoding.apply(p)).build()).toList();
    }

    /** The token is opaque to clients; inside it is the last key or common prefix listed. */
    static String encodeToken(String last) {
        return Base64.getUrlEncoder().encodeToString(("v1:" + last).getBytes(StandardCharsets.UTF_8));
    }

    static String decodeToken(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith("v1:")) {
                return decoded.substring(3);
            }
        } catch (IllegalArgumentException ignored) {
            // Falls through to the error S3 gives for a token it did not issue.
        }
        throw S3Errors.invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
