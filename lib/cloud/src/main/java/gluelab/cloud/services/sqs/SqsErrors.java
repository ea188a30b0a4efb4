package gluelab.cloud.services.sqs;

import gluelab.cloud.provider.AwsServiceException;
import java.util.Map;

/**
 * The errors SQS answers with, named as its JSON model names them; {@link #QUERY_CODES} is what Query clients (and
 * the {@code x-amzn-query-error} header) know them by.
 */
final class SqsErrors {

    /** The Query code of each error whose JSON name differs, from the 2012-11-05 Query model. */
    static final Map<String, String> QUERY_CODES = Map.ofEntries(
            Map.entry("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue"),
            Map.entry("QueueNameExists", "QueueAlreadyExists"),
            Map.entry("QueueDeletedRecently", "AWS.SimpleQueueService.QueueDeletedRecently"),
            Map.entry("PurgeQueueInProgress", "AWS.SimpleQueueService.PurgeQueueInProgress"),
            Map.entry("BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct"),
            Map.entry("BatchRequestTooLong", "AWS.SimpleQueueService.BatchRequestTooLong"),
            Map.entry("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest"),
            Map.entry("InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId"),
            Map.entry("TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest"),
            Map.entry("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight"),
            Map.entry("UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation"));

    private SqsErrors() {
    }

    static AwsServiceException queueDoesNotExist() {
        return new AwsServiceException("QueueDoesNotExist", "The specified queue does not exist.", 400);
    }

    static AwsServiceException queueNameExists(String attribute) {
        return new AwsServiceException("QueueNameExists",
                "A queue already exists with the same name and a different value for attribute " + attribute, 400);
    }

    static AwsServiceException queueDeletedRecently() {
        return new AwsServiceException("QueueDeletedRecently",
                "You must wait 60 seconds after deleting a queue before you can create another with the same name.",
                400);
    }

    static AwsServiceException invalidAttributeName(String name) {
        return new AwsServiceException("InvalidAttributeName", "Unknown Attribute " + name + ".", 400);
    }

    static AwsServiceException invalidAttributeValue(String message) {
        return new AwsServiceException("InvalidAttributeValue", message, 400);
    }

    static AwsServiceException invalidParameterValue(String message) {
        return new AwsServiceException("InvalidParameterValue", message, 400);
    }

    /** AWS's wording for a number out of its range: {@code Value 11 for parameter X is invalid. Reason: ...}. */
    static AwsServiceException invalidValue(Object value, String parameter, String reason) {
        return invalidParameterValue("Value " + value + " for parameter " + parameter + " is invalid. Reason: "
                + reason);
    }

    static AwsServiceException missingParameter(String parameter) {
        return new AwsServiceException("MissingParameter",
                "The request must contain the parameter " + parameter + ".", 400);
    }

    static AwsServiceException invalidMessageContents() {
        return new AwsServiceException("InvalidMessageContents",
                "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | "
                        + "#xE000 to #xFFFD | #x10000 to #x10FFFF", 400);
    }

    static AwsServiceException receiptHandleIsInvalid(String handle) {
        return new AwsServiceException("ReceiptHandleIsInvalid",
                "The input receipt handle \"" + handle + "\" is not a valid receipt handle.", 400);
    }

    static AwsServiceException messageNotInflight() {
        return new AwsServiceException("MessageNotInflight",
                "Message does not exist or is not available for visibility timeout change.", 400);
    }

    static AwsServiceException purgeQueueInProgress(String queue) {
        return new AwsServiceException("PurgeQueueInProgress",
                "Only one PurgeQueue operation on " + queue + " is allowed every 60 seconds.", 403);
    }

    static AwsServiceException emptyBatchRequest(String entryName) {
        return new AwsServiceException("EmptyBatchRequest",
                "There should be at least one " + entryName + " in the request.", 400);
    }

    static AwsServiceException tooManyEntriesInBatchRequest(int count) {
        return new AwsServiceException("TooManyEntriesInBatchRequest",
                "Maximum number of entries per request are 10. You have sent " + count + ".", 400);
    }

    static AwsServiceException batchEntryIdsNotDistinct(String id) {
        return new AwsServiceException("BatchEntryIdsNotDistinct", "Id " + id + " repeated.", 400);
    }

    static AwsServiceException invalidBatchEntryId() {
        return new AwsServiceException("InvalidBatchEntryId",
                "A batch entry id can only contain alphanumeric characters, hyphens and underscores. "
                        + "It can be at most 80 letters long.", 400);
    }

    static AwsServiceException batchRequestTooLong(int bytes, int limit) {
        return new AwsServiceException("BatchRequestTooLong",
                "Batch requests cannot be longer than " + limit + " bytes. You have sent " + bytes + " bytes.", 400);
    }

    static AwsServiceException resourceNotFound(String message) {
        return new AwsServiceException("ResourceNotFoundException", message, 400);
    }

    static AwsServiceException unsupportedOperation(String message) {
        return new AwsServiceException("UnsupportedOperation", message, 400);
    }
}
