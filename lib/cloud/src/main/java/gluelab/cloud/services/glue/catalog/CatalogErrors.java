package gluelab.cloud.services.glue.catalog;

import gluelab.cloud.provider.AwsServiceException;

/**
 * The Data Catalog's errors, with the codes and messages Glue answers with. Glue's JSON 1.1 errors are
 * all HTTP 400, whatever the code.
 */
final class CatalogErrors {

    private CatalogErrors() {
    }

    static AwsServiceException databaseNotFound(String name) {
        return entityNotFound("Database " + name + " not found.");
    }

    static AwsServiceException tableNotFound(String name) {
        return entityNotFound("Table " + name + " not found.");
    }

    static AwsServiceException partitionNotFound() {
        return entityNotFound(PARTITION_NOT_FOUND);
    }

    static final String PARTITION_NOT_FOUND = "Cannot find partition.";

    static AwsServiceException entityNotFound(String message) {
        return new AwsServiceException("EntityNotFoundException", message, 400);
    }

    /** {@code what} is "Database", "Table" or "Partition": Glue says e.g. "Table already exists." */
    static AwsServiceException alreadyExists(String what) {
        return new AwsServiceException("AlreadyExistsException", what + " already exists.", 400);
    }

    static AwsServiceException invalidInput(String message) {
        return new AwsServiceException("InvalidInputException", message, 400);
    }

    static AwsServiceException concurrentTableUpdate() {
        return new AwsServiceException("ConcurrentModificationException",
                "Update table failed due to concurrent modifications.", 400);
    }

    static final String PARTITION_VALUES_MISMATCH =
            "The number of partition keys do not match the number of partition values";

    /** The model's constraints (required members, lengths, ranges), checked before the operation runs. */
    static AwsServiceException validation(String message) {
        return new AwsServiceException("ValidationException", "1 validation error detected: " + message, 400);
    }

    static AwsServiceException missing(String member) {
        return validation("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
    }

    static AwsServiceException accessDenied(String message) {
        return new AwsServiceException("AccessDeniedException", message, 400);
    }
}
