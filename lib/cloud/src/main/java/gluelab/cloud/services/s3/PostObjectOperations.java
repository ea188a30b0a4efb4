package gluelab.cloud.services.s3;

import gluelab.cloud.http.BlockReadInputStream;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.s3.storage.BucketRecord;
import java.io.IOException;
import java.io.InputStream;

/**
 * S3's POST Object: a browser form's upload, stored by the same path as PutObject (versioning, ACLs, conditions,
 * events), with the file held to the policy's {@code content-length-range} and to the digests its fields declare as
 * it streams in. A form signed with SigV4 is good only in the region of its credential's scope.
 */
public final class PostObjectOperations {

    private final BucketAccess access;
    private final ObjectOperations objects;

    PostObjectOperations(BucketAccess access, ObjectOperations objects) {
        this.access = access;
        this.objects = objects;
    }

    public PostObjectResult postObject(RequestContext context, PostObjectRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        String signedRegion = request.signedRegion();
        if (signedRegion != null && !signedRegion.equals(bucket.region())) {
            // A policy signed for one region is no key to a bucket in another, though its signature is sound.
            throw S3Errors.invalidArgument("the region '" + signedRegion + "' is wrong; expecting '" + bucket.region()
                    + "'", "X-Amz-Credential", request.credential()).with("Region", bucket.region());
        }
        InputStream file = new SizeRangeInputStream(request.file(), request.sizes());
        return new PostObjectResult(request, objects.putObject(context, request.put(), file, request.declared(),
                BucketAccess.requester(context).because("PostObject")));
    }

    /**
     * The file, refused once it proves larger or smaller than the policy allows. A file too large is still read to its
     * end, so that the error names its size, as S3's does; nothing of it is kept.
     */
    private static final class SizeRangeInputStream extends BlockReadInputStream {

        private final InputStream in;
        private final PostPolicy.SizeRange sizes;
        private long count;

        SizeRangeInputStream(InputStream in, PostPolicy.SizeRange sizes) {
            this.in = in;
            this.sizes = sizes;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                if (count < sizes.min()) {
                    throw new AwsServiceException("EntityTooSmall", "Your proposed upload is smaller than the minimum "
                            + "allowed size", 400).with("ProposedSize", Long.toString(count))
                            .with("MinSizeAllowed", Long.toString(sizes.min()));
                }
                return n;
            }
            count += n;
            if (count > sizes.max()) {
                byte[] rest = new byte[64 * 1024];
                int more;
                while ((more = in.read(rest, 0, rest.length)) >= 0) {
                    count += more;
                }
                throw S3Errors.entityTooLarge(count, sizes.max());
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
