package gluelab.cloud.services.cloudtrail;

import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.Scope;

/**
 * How CloudTrail says no: its own exception per mistake, all HTTP 400, with the messages CloudTrail answers with.
 */
final class CloudTrailErrors {

    static final Pages LOOKUP_PAGES = new Pages("InvalidMaxResultsException",
            token -> new AwsServiceException("InvalidNextTokenException", "Invalid NextToken: " + token, 400));

    private CloudTrailErrors() {
    }

    static AwsServiceException trailNotFound(Scope scope, String nameOrArn) {
        String arn = nameOrArn.startsWith("arn:") ? nameOrArn : TrailNames.arn(scope, nameOrArn).toString();
        return error("TrailNotFoundException", "Unknown trail: " + arn + " for the user: " + scope.account());
    }

    static AwsServiceException trailExists(Scope scope, String name) {
        return error("TrailAlreadyExistsException", "Trail " + name + " already exists for customer: " + scope.account());
    }

    static AwsServiceException invalidTrailName(String why) {
        return error("InvalidTrailNameException", why);
    }

    static AwsServiceException notHomeRegion(String arn, String homeRegion) {
        return error("InvalidHomeRegionException", "The trail " + arn + " can only be changed in its home region, "
                + homeRegion + ".");
    }

    static AwsServiceException bucketDoesNotExist(String bucket) {
        return error("S3BucketDoesNotExistException", "S3 bucket " + bucket + " does not exist.");
    }

    static AwsServiceException insufficientBucketPolicy(String bucket) {
        return error("InsufficientS3BucketPolicyException", "Incorrect S3 bucket policy is detected for bucket: " + bucket);
    }

    static AwsServiceException invalidSelectors(String why) {
        return error("InvalidEventSelectorsException", why);
    }

    static AwsServiceException invalidLookupAttributes(String why) {
        return error("InvalidLookupAttributesException", why);
    }

    static AwsServiceException invalidTimeRange() {
        return error("InvalidTimeRangeException", "Start time must be before end time.");
    }

    static AwsServiceException invalidParameter(String code, String why) {
        return error(code, why);
    }

    private static AwsServiceException error(String code, String message) {
        return new AwsServiceException(code, message, 400);
    }
}
