package gluelab.cloud;

import gluelab.cloud.auth.AwsChunkedInputStream;
import gluelab.cloud.auth.PayloadHashMismatchException;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.CommonErrors;
import gluelab.cloud.provider.ServiceDescriptor;
import java.io.IOException;

/** What to answer when a request body cannot be read to the end as declared. */
public final class BodyErrors {

    private BodyErrors() {
    }

    public static AwsServiceException of(IOException failure, ServiceDescriptor service) {
        if (failure instanceof PayloadHashMismatchException) {
            return new AwsServiceException("XAmzContentSHA256Mismatch", failure.getMessage(), 400);
        }
        if (failure instanceof AwsChunkedInputStream.ChunkException chunk) {
            return chunk.badSignature() ? CommonErrors.signatureDoesNotMatch(service)
                    : new AwsServiceException("IncompleteBody", chunk.getMessage(), 400);
        }
        return new AwsServiceException("IncompleteBody",
                "You did not provide the number of bytes specified by the Content-Length HTTP header", 400);
    }
}
