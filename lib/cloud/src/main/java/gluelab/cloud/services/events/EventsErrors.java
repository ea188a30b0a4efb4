package gluelab.cloud.services.events;

import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Validation;

/** The errors EventBridge answers with, worded as AWS words them. All are HTTP 400. */
final class EventsErrors {

    private EventsErrors() {
    }

    static Validation validation() {
        return Validation.check();
    }

    static AwsServiceException validation(String message) {
        return new AwsServiceException("ValidationException", message, 400);
    }

    static AwsServiceException busNotFound(String bus) {
        return new AwsServiceException("ResourceNotFoundException", "Event bus " + bus + " does not exist.", 400);
    }

    static AwsServiceException busAlreadyExists(String bus) {
        return new AwsServiceException("ResourceAlreadyExistsException", "Event bus " + bus + " already exists.", 400);
    }

    static AwsServiceException ruleNotFound(String rule, String bus) {
        return new AwsServiceException("ResourceNotFoundException",
                "Rule " + rule + " does not exist on EventBus " + bus + ".", 400);
    }

    static AwsServiceException resourceNotFound(String message) {
        return new AwsServiceException("ResourceNotFoundException", message, 400);
    }

    static AwsServiceException invalidEventPattern(String reason) {
        return new AwsServiceException("InvalidEventPatternException", "Event pattern is not valid. Reason: " + reason, 400);
    }

    static AwsServiceException limitExceeded() {
        return new AwsServiceException("LimitExceededException",
                "The requested resource exceeds the maximum number allowed.", 400);
    }

    static AwsServiceException accessDenied(String message) {
        return new AwsServiceException("AccessDeniedException", message, 400);
    }

    static AwsServiceException invalidNextToken() {
        return validation("The provided nextToken is not valid.");
    }
}
