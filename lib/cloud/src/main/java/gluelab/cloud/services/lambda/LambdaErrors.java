package gluelab.cloud.services.lambda;

import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Validation;

/** How Lambda says no: the error codes of the Lambda model, with the statuses and messages Lambda answers with. */
public final class LambdaErrors {

    public static final String VALIDATION = "ValidationException";

    private LambdaErrors() {
    }

    /** The model's constraints, in AWS's "N validation errors detected" words. */
    public static Validation validation() {
        return Validation.of(VALIDATION);
    }

    /** {@code Function not found: arn:aws:lambda:…:function:name}, with the qualifier when one was asked for. */
    public static AwsServiceException functionNotFound(String functionArn) {
        return new AwsServiceException("ResourceNotFoundException", "Function not found: " + functionArn, 404)
                .with("Type", "User");
    }

    public static AwsServiceException notFound(String message) {
        return new AwsServiceException("ResourceNotFoundException", message, 404).with("Type", "User");
    }

    public static AwsServiceException conflict(String message) {
        return new AwsServiceException("ResourceConflictException", message, 409).with("Type", "User");
    }

    public static AwsServiceException invalidParameter(String message) {
        return new AwsServiceException("InvalidParameterValueException", message, 400).with("Type", "User");
    }

    public static AwsServiceException preconditionFailed(String message) {
        return new AwsServiceException("PreconditionFailedException", message, 412).with("Type", "User");
    }

    public static AwsServiceException requestTooLarge(String message) {
        return new AwsServiceException("RequestTooLargeException", message, 413).with("Type", "User");
    }

    /** A throttled invocation; {@code reason} is the model's ThrottleReason. */
    public static AwsServiceException tooManyRequests(String message, String reason) {
        return new AwsServiceException("TooManyRequestsException", message, 429).with("Type", "User")
                .with("Reason", reason);
    }

    /** The function cannot take invocations in its state (Pending, Inactive, Failed). */
    public static AwsServiceException notActive(String state) {
        return conflict("The operation cannot be performed at this time. The function is currently in the following "
                + "state: " + state);
    }
}
