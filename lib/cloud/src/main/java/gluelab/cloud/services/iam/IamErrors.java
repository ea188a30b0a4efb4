package gluelab.cloud.services.iam;

import gluelab.cloud.provider.AwsServiceException;

/** The errors IAM answers with, with the codes, statuses and words of the real service. */
final class IamErrors {

    static final String VALIDATION = "ValidationError";

    private IamErrors() {
    }

    static AwsServiceException noSuchRole(String name) {
        return noSuchEntity("The role with name " + name + " cannot be found.");
    }

    static AwsServiceException roleExists(String name) {
        return new AwsServiceException("EntityAlreadyExists", "Role with name " + name + " already exists.", 409);
    }

    static AwsServiceException noSuchRolePolicy(String policyName) {
        return noSuchEntity("The role policy with name " + policyName + " cannot be found.");
    }

    static AwsServiceException policyExists(String name) {
        return new AwsServiceException("EntityAlreadyExists",
                "A policy called " + name + " already exists. Duplicate names are not allowed.", 409);
    }

    /** GetPolicy, DeletePolicy, DetachRolePolicy and the policy tag operations, for a policy they cannot find. */
    static AwsServiceException policyNotFound(String arn) {
        return noSuchEntity("Policy " + arn + " was not found.");
    }

    static AwsServiceException policyNotAttachable(String arn) {
        return noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
    }

    static AwsServiceException versionNotFound(String arn, String versionId) {
        return noSuchEntity("Policy " + arn + " version " + versionId + " does not exist or is not attachable.");
    }

    static AwsServiceException invalidArn(String arn) {
        return new AwsServiceException(VALIDATION, "ARN " + arn + " is not valid.", 400);
    }

    static AwsServiceException malformedPolicy(String message) {
        return new AwsServiceException("MalformedPolicyDocument", message, 400);
    }

    static AwsServiceException deleteConflict(String message) {
        return new AwsServiceException("DeleteConflict", message, 409);
    }

    static AwsServiceException limitExceeded(String message) {
        return new AwsServiceException("LimitExceeded", message, 409);
    }

    static AwsServiceException invalidInput(String message) {
        return new AwsServiceException("InvalidInput", message, 400);
    }

    private static AwsServiceException noSuchEntity(String message) {
        return new AwsServiceException("NoSuchEntity", message, 404);
    }
}
