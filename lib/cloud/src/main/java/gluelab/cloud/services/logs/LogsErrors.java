package gluelab.cloud.services.logs;

import gluelab.cloud.provider.AwsServiceException;

/** The errors CloudWatch Logs answers with, worded as AWS words them. All are HTTP 400. */
final class LogsErrors {

    private LogsErrors() {
    }

    static AwsServiceException invalidParameter(String message) {
        return new AwsServiceException("InvalidParameterException", message, 400);
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
