package gluelab.cloud.services.glue.crawlers;

import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.provider.StreamingResponse;
import gluelab.cloud.services.glue.crawlers.inference.CrawlObjects;
import gluelab.cloud.services.glue.crawlers.inference.S3ObjectSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 a crawl reads: Lab Cloud's own S3, through internal calls as the crawler's role in the crawler's
 * account, so a crawl sees exactly what that account's clients see. S3 errors (NoSuchBucket, AccessDenied)
 * come out as the {@code AwsServiceException} S3 threw, and fail the crawl with its message.
 */
final class S3CrawlObjects implements CrawlObjects {

    private final InternalCalls internal;
    private final Scope scope;
    private final String roleArn;

    S3CrawlObjects(InternalCalls internal, Scope scope, String roleArn) {
        this.internal = internal;
        this.scope = scope;
        this.roleArn = roleArn;
    }

    @Override
    public List<S3ObjectSummary> list(String bucket, String prefix) {
        List<S3ObjectSummary> objects = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix);
            if (token != null) {
                request.continuationToken(token);
            }
            ListObjectsV2Response page = internal.call("s3", scope, roleArn, request.build());
            for (S3Object object : page.contents()) {
                objects.add(new S3ObjectSummary(bucket, object.key(), object.size(), object.lastModified()));
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return objects;
    }

    @Override
    public byte[] read(S3ObjectSummary object, long offset, int length) {
        if (length <= 0 || offset >= object.size()) {
            return new byte[0];
        }
        long last = Math.min(object.size(), offset + length) - 1;
        GetObjectRequest request = GetObjectRequest.builder().bucket(object.bucket()).key(object.key())
                .range("bytes=" + offset + "-" + last).build();
        StreamingResponse<?> download = internal.call("s3", scope, roleArn, request);
        try (InputStream body = download.body()) {
            return body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + object.uri(), e);
        }
    }
}
