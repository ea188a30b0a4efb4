package gluelab.cloud.services.s3;

import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** What a browser form's upload stored, and how the form asked to be answered; {@link S3ProtocolCodec} writes it. */
public record PostObjectResult(PostObjectRequest request, PutObjectResponse stored) {
}
