package gluelab.cloud.services.s3;

import static gluelab.cloud.console.ConsoleLinks.parameter;
import static gluelab.cloud.console.ConsoleLinks.to;

import gluelab.cloud.console.ConsoleBlock.Field;
import gluelab.cloud.console.ConsoleBlock.Fields;
import gluelab.cloud.console.ConsoleBlock.Table;
import gluelab.cloud.console.ConsolePage.Crumb;
import gluelab.cloud.console.ConsolePage;
import gluelab.cloud.console.ConsoleRequest;
import gluelab.cloud.console.ConsoleView;
import gluelab.cloud.provider.ConsoleReads;
import java.util.List;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/** S3 in the console: the account's buckets, and each bucket's objects with their sizes, ETags and versions. */
final class S3ConsoleView extends ConsoleView {

    private static final int PAGE = 200;

    private final ConsoleReads reads;

    S3ConsoleView(ConsoleReads reads) {
        super("s3", "S3");
        this.reads = reads;
    }

    @Override
    public ConsolePage page(ConsoleRequest request) {
        if (request.is()) {
            return buckets(request);
        }
        if (request.is("buckets", null)) {
            return bucket(request, request.segment(1));
        }
        throw request.notFound();
    }

    private ConsolePage buckets(ConsoleRequest request) {
        ListBucketsResponse response = reads.call("s3", request, ListBucketsRequest.builder().build());
        Table.Builder table = Table.titled("Buckets", "Name", "Created");
        for (Bucket bucket : response.buckets()) {
            table.row(to("s3", "buckets", bucket.name()), bucket.name(), bucket.creationDate());
        }
        return ConsolePage.of("S3 buckets", List.of(), table.orElse("No buckets in this account yet. "
                + "A notebook's setup cell creates its bucket (s3.createBucket)."));
    }

    private ConsolePage bucket(ConsoleRequest request, String name) {
        GetBucketVersioningResponse versioning = reads.call("s3", request,
                GetBucketVersioningRequest.builder().bucket(name).build());
        ListObjectVersionsResponse listing = reads.call("s3", request, ListObjectVersionsRequest.builder()
                .bucket(name).maxKeys(PAGE).keyMarker(request.query("keyMarker"))
                .versionIdMarker(request.query("versionIdMarker")).build());
        Table.Builder objects = Table.titled("Objects and versions", "Key", "Size (bytes)", "ETag", "Version",
                "Latest", "Last modified");
        for (ObjectVersion version : listing.versions()) {
            objects.row(null, version.key(), version.size(), version.eTag(), version.versionId(),
                    version.isLatest() ? "latest" : "", version.lastModified());
        }
        for (DeleteMarkerEntry marker : listing.deleteMarkers()) {
            objects.row(null, marker.key(), null, "(delete marker)", marker.versionId(),
                    marker.isLatest() ? "latest" : "", marker.lastModified());
        }
        if (Boolean.TRUE.equals(listing.isTruncated())) {
            objects.next(parameter("keyMarker", listing.nextKeyMarker())
                    + "&" + parameter("versionIdMarker", listing.nextVersionIdMarker()));
        }
        String status = versioning.statusAsString() == null ? "Never enabled" : versioning.statusAsString();
        return ConsolePage.of(name, List.of(new Crumb("S3 buckets", "s3")),
                Fields.of("Bucket", Field.of("Name", name), Field.of("Versioning", status)),
                objects.orElse("This bucket is empty."));
    }
}
