package gluelab.cloud.services.s3.storage;

/**
 * Turns bytes that arrived into the record that will describe them, after checking them against what the
 * client declared (Content-MD5, flexible checksums): it throws the AWS error to refuse the upload, and
 * the staged bytes are discarded.
 */
@FunctionalInterface
public interface PayloadDescriber<R> {

    R describe(StagedPayload staged);
}
