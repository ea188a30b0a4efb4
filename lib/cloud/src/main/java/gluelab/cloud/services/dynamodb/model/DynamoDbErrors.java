package gluelab.cloud.services.dynamodb.model;

import gluelab.cloud.provider.AwsServiceException;

/** The errors DynamoDB answers with, in the codes and words of the service. */
public final class DynamoDbErrors {

    private DynamoDbErrors() {
    }

    public static AwsServiceException validation(String message) {
        return new AwsServiceException("ValidationException", message, 400);
    }

    /** AWS's prefix for a value that breaks the data model: an empty set, a key of the wrong type. */
    public static AwsServiceException invalidParameter(String message) {
        return validation("One or more parameter values were invalid: " + message);
    }

    public static AwsServiceException resourceNotFound() {
        return new AwsServiceException("ResourceNotFoundException", "Requested resource not found", 400);
    }

    public static AwsServiceException tableNotFound(String table) {
        return new AwsServiceException("ResourceNotFoundException",
                "Requested resource not found: Table: " + table + " not found", 400);
    }

    public static AwsServiceException resourceInUse(String message) {
        return new AwsServiceException("ResourceInUseException", message, 400);
    }

    public static AwsServiceException conditionalCheckFailed() {
        return new AwsServiceException("ConditionalCheckFailedException", "The conditional request failed", 400);
    }

    public static AwsServiceException keyDoesNotMatchSchema() {
        return validation("The provided key element does not match the schema");
    }

    public static AwsServiceException idempotentParameterMismatch() {
        return new AwsServiceException("IdempotentParameterMismatchException",
                "Request with same client-token have different request parameters", 400);
    }
}
