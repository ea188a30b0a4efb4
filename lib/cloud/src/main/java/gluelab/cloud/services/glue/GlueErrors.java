package gluelab.cloud.services.glue;

import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import java.util.regex.Pattern;

/**
 * How Glue says no, for every part of it (catalog, jobs, triggers, crawlers, tags): the error codes of the Glue
 * model with the messages Glue answers with. Glue's JSON 1.1 errors are all HTTP 400, whatever the code. The
 * model's own constraints (required members, lengths, patterns) are reported through {@link Validation}, in AWS's
 * "N validation errors detected" words.
 */
public final class GlueErrors {

    public static final String VALIDATION = "ValidationException";
    public static final String PARTITION_NOT_FOUND = "Cannot find partition.";
    public static final String PARTITION_VALUES_MISMATCH =
            "The number of partition keys do not match the number of partition values";

    /** Glue's NameString: 1 to 255 characters without control characters other than tab. */
    private static final Pattern NAME = Pattern.compile("[\\u0020-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}\\t]*");
    /** NameString's pattern as the Glue model writes it, which is what AWS's message quotes. */
    private static final String NAME_PATTERN_TEXT = "[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*";
    private static final int MAX_NAME_LENGTH = 255;

    private GlueErrors() {
    }

    // ---- the model's constraints ----------------------------------------------------------------

    /** A member that breaks one of the model's constraints, worded as AWS's request validation words it. */
    public static AwsServiceException validation(String member, Object value, String constraint) {
        return Validation.single(VALIDATION, member, value, constraint);
    }

    /** A required member the request left out. */
    public static AwsServiceException missing(String member) {
        return validation(member, null, "Member must not be null");
    }

    public static <T> T required(T value, String member) {
        if (value == null) {
            throw missing(member);
        }
        return value;
    }

    /** A name (of a job, trigger, crawler, database, table, index): Glue's NameString, 1-255 characters on one line. */
    public static String name(String value, String member) {
        Validation.of(VALIDATION)
                .required(member, value)
                .length(member, value, 1, MAX_NAME_LENGTH)
                .pattern(member, value, NAME, NAME_PATTERN_TEXT)
                .orThrow();
        return value;
    }

    public static Integer range(Integer value, String member, int min, int max) {
        Validation.of(VALIDATION).range(member, value, min, max).orThrow();
        return value;
    }

    // ---- errors every part answers with ---------------------------------------------------------

    public static AwsServiceException entityNotFound(String message) {
        return new AwsServiceException("EntityNotFoundException", message, 400);
    }

    public static AwsServiceException alreadyExists(String message) {
        return new AwsServiceException("AlreadyExistsException", message, 400);
    }

    public static AwsServiceException invalidInput(String message) {
        return new AwsServiceException("InvalidInputException", message, 400);
    }

    public static AwsServiceException limitExceeded(String message) {
        return new AwsServiceException("ResourceNumberLimitExceededException", message, 400);
    }

    /**
     * What Glue answers a caller acting on another account's resource that no resource policy shares (Lab Cloud has
     * no Glue resource policies yet).
     */
    public static AwsServiceException accessDenied(RequestContext context, String resourceArn) {
        String action = "glue:" + context.operation();
        return new AwsServiceException("AccessDeniedException", "User: " + context.caller().principalArn()
                + " is not authorized to perform: " + action + " on resource: " + resourceArn
                + " because no resource-based policy allows the " + action + " action", 400);
    }

    // ---- the Data Catalog -----------------------------------------------------------------------

    public static AwsServiceException databaseNotFound(String name) {
        return entityNotFound("Database " + name + " not found.");
    }

    public static AwsServiceException tableNotFound(String name) {
        return entityNotFound("Table " + name + " not found.");
    }

    public static AwsServiceException partitionNotFound() {
        return entityNotFound(PARTITION_NOT_FOUND);
    }

    public static AwsServiceException concurrentTableUpdate() {
        return new AwsServiceException("ConcurrentModificationException",
                "Update table failed due to concurrent modifications.", 400);
    }

    // ---- jobs, triggers and workflows ----------------------------------------------------------------------

    public static AwsServiceException jobNotFound(String jobName) {
        return entityNotFound("Job with name: " + jobName + " not found.");
    }

    public static AwsServiceException triggerNotFound(String triggerName) {
        return entityNotFound("Trigger with name: " + triggerName + " not found.");
    }

    public static AwsServiceException workflowNotFound(String name) {
        return entityNotFound("Workflow with name: " + name + " not found.");
    }

    public static AwsServiceException concurrentRunsExceeded(String jobName) {
        return new AwsServiceException("ConcurrentRunsExceededException", "Concurrent runs exceeded for " + jobName, 400);
    }

    // ---- crawlers -------------------------------------------------------------------------------

    public static AwsServiceException connectionNotFound(String name) {
        return entityNotFound("Connection not found: " + name);
    }

    public static AwsServiceException crawlerNotFound(String name) {
        return entityNotFound("Crawler entry with name " + name + " does not exist");
    }

    public static AwsServiceException crawlerRunning(String name) {
        return new AwsServiceException("CrawlerRunningException", "Crawler with name " + name + " has already started", 400);
    }

    public static AwsServiceException crawlerBusyForChange(String name) {
        return new AwsServiceException("CrawlerRunningException",
                "Cannot update or delete crawler " + name + " while it is running.", 400);
    }

    public static AwsServiceException crawlerNotRunning(String name) {
        return new AwsServiceException("CrawlerNotRunningException", "Crawler with name " + name + " isn't running.", 400);
    }

    public static AwsServiceException crawlerStopping(String name) {
        return new AwsServiceException("CrawlerStoppingException", "Crawler with name " + name + " is stopping.", 400);
    }

    public static AwsServiceException noSchedule(String name) {
        return new AwsServiceException("NoScheduleException", "Crawler " + name + " has no schedule.", 400);
    }

    public static AwsServiceException schedulerRunning(String name) {
        return new AwsServiceException("SchedulerRunningException", "Schedule of crawler " + name + " is already running.", 400);
    }

    public static AwsServiceException schedulerNotRunning(String name) {
        return new AwsServiceException("SchedulerNotRunningException", "Schedule of crawler " + name + " isn't running.", 400);
    }
}
