package gluelab.cloud.services.s3;

import gluelab.cloud.services.s3.storage.StoredChecksum;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Sets a stored checksum on any S3 shape that carries one ({@code PutObjectResponse},
 * {@code GetObjectResponse}, {@code CopyObjectResult}, {@code Part}, …): they all name the members
 * {@code Checksum<ALGORITHM>} and {@code ChecksumType}, so the model's field metadata finds them.
 */
final class ChecksumMembers {

    private ChecksumMembers() {
    }

    static void set(SdkPojo builder, StoredChecksum checksum, boolean withType) {
        if (checksum == null) {
            return;
        }
        for (SdkField<?> field : builder.sdkFields()) {
            if (field.memberName().equals("Checksum" + checksum.algorithm())) {
                field.set(builder, checksum.value());
            } else if (withType && field.memberName().equals("ChecksumType") && checksum.type() != null) {
                field.set(builder, checksum.type());
            }
        }
    }
}
