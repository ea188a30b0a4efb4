package gluelab.cloud.services.secretsmanager;

import gluelab.cloud.provider.AwsServiceException;

/**
 * The errors Secrets Manager answers with, in its words. None of them ever quotes a secret value: a request's
 * SecretString or SecretBinary is named, never shown.
 */
final class SecretsManagerErrors {

    private SecretsManagerErrors() {
    }

    static AwsServiceException secretNotFound() {
        return new AwsServiceException("ResourceNotFoundException", "Secrets Manager can't find the specified secret.",
                400);
    }

    static AwsServiceException versionNotFound(String versionId) {
        return new AwsServiceException("ResourceNotFoundException",
                "Secrets Manager can't find the specified secret value for VersionId: " + versionId, 400);
    }

    static AwsServiceException stageNotFound(String stage) {
        return new AwsServiceException("ResourceNotFoundException",
                "Secrets Manager can't find the specified secret value for staging label: " + stage, 400);
    }

    static AwsServiceException secretExists(String name) {
        return new AwsServiceException("ResourceExistsException",
                "The operation failed because the secret " + name + " already exists.", 400);
    }

    static AwsServiceException versionExists() {
        return new AwsServiceException("ResourceExistsException",
                "You can't modify an existing version, you can only create a new version.", 400);
    }

    static AwsServiceException markedForDeletion() {
        return invalidRequest("You can't perform this operation on the secret because it was marked for deletion.");
    }

    static AwsServiceException invalidRequest(String message) {
        return new AwsServiceException("InvalidRequestException", message, 400);
    }

    static AwsServiceException invalidParameter(String message) {
        return new AwsServiceException("InvalidParameterException", message, 400);
    }

    static AwsServiceException invalidNextToken() {
        return new AwsServiceException("InvalidNextTokenException", "The NextToken value is invalid.", 400);
    }

    static AwsServiceException limitExceeded(String message) {
        return new AwsServiceException("LimitExceededException", message, 400);
    }

    static AwsServiceException malformedPolicy(String message) {
        return new AwsServiceException("MalformedPolicyDocumentException", message, 400);
    }

    static AwsServiceException cannotInvokeRotation() {
        return new AwsServiceException("AccessDeniedException", "Secrets Manager cannot invoke the specified Lambda "
                + "function. Ensure that the function policy grants access to the principal "
                + RotationSteps.SERVICE_PRINCIPAL + ".", 400);
    }
}
