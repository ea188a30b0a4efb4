package gluelab.cloud.services.rds;

import gluelab.cloud.provider.AwsServiceException;

/** The errors RDS answers with, with the codes, statuses and words of the real service. */
final class RdsErrors {

    private RdsErrors() {
    }

    static AwsServiceException dbInstanceNotFound(String identifier) {
        return new AwsServiceException("DBInstanceNotFound", "DBInstance " + identifier + " not found.", 404);
    }

    static AwsServiceException dbInstanceAlreadyExists() {
        return new AwsServiceException("DBInstanceAlreadyExists", "DB instance already exists", 400);
    }

    static AwsServiceException invalidState(String message) {
        return new AwsServiceException("InvalidDBInstanceState", message, 400);
    }

    static AwsServiceException invalidParameterValue(String message) {
        return new AwsServiceException("InvalidParameterValue", message, 400);
    }

    static AwsServiceException invalidParameterCombination(String message) {
        return new AwsServiceException("InvalidParameterCombination", message, 400);
    }

    static AwsServiceException missingParameter(String member) {
        return new AwsServiceException("MissingParameter", "The request must contain the parameter " + member, 400);
    }

    static AwsServiceException tagQuotaExceeded(String message) {
        return new AwsServiceException("TagQuotaPerResourceExceeded", message, 400);
    }

    static AwsServiceException invalidArn(String arn) {
        return invalidParameterValue("Invalid resource name: " + arn);
    }
}
