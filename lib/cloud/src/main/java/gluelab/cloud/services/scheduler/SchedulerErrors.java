package gluelab.cloud.services.scheduler;

import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.Validation;

/**
 * How EventBridge Scheduler says no: {@code ValidationException} (400) for what the request gets wrong,
 * {@code ResourceNotFoundException} (404) and {@code ConflictException} (409), with the model's codes and statuses.
 */
public final class SchedulerErrors {

    static final String VALIDATION = "ValidationException";
    static final Pages PAGES = new Pages(VALIDATION, token -> validation("Invalid NextToken: " + token));

    private SchedulerErrors() {
    }

    /** The model's constraints, reported in AWS's "N validation errors detected" words. */
    static Validation constraints() {
        return Validation.of(VALIDATION);
    }

    public static AwsServiceException validation(String message) {
        return new AwsServiceException(VALIDATION, message, 400);
    }

    static AwsServiceException scheduleNotFound(String name) {
        return new AwsServiceException("ResourceNotFoundException", "Schedule " + name + " does not exist.", 404);
    }

    static AwsServiceException groupNotFound(String name) {
        return new AwsServiceException("ResourceNotFoundException", "Schedule group " + name + " does not exist.", 404);
    }

    static AwsServiceException scheduleExists(String name) {
        return new AwsServiceException("ConflictException", "Schedule " + name + " already exists.", 409);
    }

    static AwsServiceException groupExists(String name) {
        return new AwsServiceException("ConflictException", "Schedule group " + name + " already exists.", 409);
    }
}
