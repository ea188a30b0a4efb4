package gluelab.cloud.services.s3;

import gluelab.cloud.provider.ProtocolOperation;
import java.io.InputStream;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * A browser form's upload (S3's POST Object), read from its form by {@link PostObjectForms}: the PutObject its fields
 * describe, the file to store, the sizes its policy allows and where the browser goes next. No SDK sends it, so the
 * SDK's model has no type for it.
 *
 * @param put             the upload its fields describe: key ({@code ${filename}} put in), Content-Type and the other
 *                        REST headers, {@code x-amz-meta-*}, acl, tagging and storage class
 * @param file            the file's bytes, streamed from the request
 * @param sizes           the file sizes the policy's {@code content-length-range} allows
 * @param credential      the {@code X-Amz-Credential} of a form signed with SigV4, or null
 * @param declared        the file's {@code Content-MD5} and {@code x-amz-checksum-*} fields, checked as it is stored
 * @param successStatus   {@code success_action_status} as sent, or null
 * @param successRedirect {@code success_action_redirect} (or the older {@code redirect}) as sent, or null
 */
@ProtocolOperation
public record PostObjectRequest(PutObjectRequest put, InputStream file, PostPolicy.SizeRange sizes,
                                String credential, DeclaredChecksums declared, String successStatus, String successRedirect) {

    public String bucket() {
        return put.bucket();
    }

    public String key() {
        return put.key();
    }

    /** The region the form's SigV4 credential is scoped to ({@code AKID/date/region/s3/aws4_request}), or null. */
    public String signedRegion() {
        return credential == null ? null : credential.split("/", -1)[2];
    }
}
