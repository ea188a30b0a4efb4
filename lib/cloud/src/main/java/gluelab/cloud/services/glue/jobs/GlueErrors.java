package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.provider.AwsServiceException;

/** The errors the Glue job and crawler operations answer with, with the codes of the Glue model and HTTP 400. */
public final class GlueErrors {

    private GlueErrors() {
    }

    public static AwsServiceException entityNotFound(String message) {
        return new AwsServiceException("EntityNotFoundException", message, 400);
    }

    public static AwsServiceException jobNotFound(String jobName) {
        return entityNotFound("Job with name: " + jobName + " not found.");
    }

    public static AwsServiceException triggerNotFound(String triggerName) {
        return entityNotFound("Trigger with name: " + triggerName + " not found.");
    }

    public static AwsServiceException alreadyExists(String message) {
        return new AwsServiceException("AlreadyExistsException", message, 400);
    }

    public static AwsServiceException invalidInput(String message) {
        return new AwsServiceException("InvalidInputException", message, 400);
    }

    public static AwsServiceException concurrentRunsExceeded(String jobName) {
        return new AwsServiceException("ConcurrentRunsExceededException", "Concurrent runs exceeded for " + jobName, 400);
    }

    /** A member that breaks the model's own constraints, worded as AWS's request validation words it. */
    public static AwsServiceException validation(String member, Object value, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        return new AwsServiceException("ValidationException", "1 validation error detected: Value " + shown + " at '"
                + member + "' failed to satisfy constraint: " + constraint, 400);
    }

    public static <T> T required(T value, String member) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            throw validation(member, null, "Member must not be null");
        }
        return value;
    }

    /** Names are 1-255 characters on one line, as the Glue model's NameString says. */
    public static String name(String value, String member) {
        required(value, member);
        if (value.length() > 255) {
            throw validation(member, value, "Member must have length less than or equal to 255");
        }
        if (value.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            throw validation(member, value, "Member must satisfy regular expression pattern: "
                    + "[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*");
        }
        return value;
    }

    public static Integer range(Integer value, String member, int min, int max) {
        if (value != null && value < min) {
            throw validation(member, value, "Member must have value greater than or equal to " + min);
        }
        if (value != null && value > max) {
            throw validation(member, value, "Member must have value less than or equal to " + max);
        }
        return value;
    }
}
