package gluelab.cloud.services.s3;

import software.amazon.awssdk.services.s3.model.S3Exception;

/** The S3 error a call ends in, for tests that specify failures. */
final class S3Failures {

    private S3Failures() {
    }

    static S3Exception failure(Runnable call) {
        try {
            call.run();
        } catch (S3Exception e) {
            return e;
        }
        throw new AssertionError("expected the call to fail");
    }

    /** The error code, or null if the call succeeded. */
    static String errorCode(Runnable call) {
        try {
            call.run();
        } catch (S3Exception e) {
            return e.awsErrorDetails().errorCode();
        }
        return null;
    }

    /** The HTTP status, 200 if the call succeeded. */
    static int errorStatus(Runnable call) {
        try {
            call.run();
        } catch (S3Exception e) {
            return e.statusCode();
        }
        return 200;
    }
}
