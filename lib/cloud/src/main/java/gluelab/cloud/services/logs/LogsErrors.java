package gluelab.cloud.services.logs;

import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Validation;

/** The errors CloudWatch Logs answers with, worded as AWS words them. All are HTTP 400. */
final class LogsErrors {

    /** CloudWatch Logs reports a broken model constraint with this code, not ValidationException. */
    static final String INVALID_PARAMETER = "InvalidParameterException";

    private LogsErrors() {
    }

    /** A request's model constraints, reported as CloudWatch Logs reports them. */
    static Validation validation() {
        return Validation.of(INVALID_PARAMETER);
    }

    static AwsServiceException invalidParameter(String message) {
        return new AwsServiceException(INVALID_PARAMETER, message, 400);
    }

    static AwsServiceException groupNotFound() {
        return new AwsServiceException("ResourceNotFoundException", "The specified log group does not exist.", 400);
    }

    static AwsServiceException streamNotFound() {
        return new AwsServiceException("ResourceNotFoundException", "The specified log stream does not exist.", 400);
    }

    static AwsServiceException groupAlreadyExists() {
        return new AwsServiceException("ResourceAlreadyExistsException", "The specified log group already exists", 400);
    }

    static AwsServiceException streamAlreadyExists() {
        return new AwsServiceException("ResourceAlreadyExistsException", "The specified log stream already exists", 400);
    }

    static AwsServiceException invalidNextToken() {
        return invalidParameter("The specified nextToken is invalid.");
    }

    static AwsServiceException invalidFilterPattern() {
        return invalidParameter("Invalid filter pattern");
    }

    static AwsServiceException tooManyTags() {
        return new AwsServiceException("TooManyTagsException", "A resource can have no more than 50 tags.", 400);
    }
}
