package gluelab.cloud.services.s3.storage;

/**
 * A precondition on the object a write replaces (If-Match, If-None-Match), checked atomically with the
 * write: it throws the AWS error (412 PreconditionFailed, 409 ConditionalRequestConflict) to refuse it.
 */
@FunctionalInterface
public interface WriteCondition {

    WriteCondition NONE = current -> { };

    /** @param current the object now under the key, or null */
    void check(ObjectRecord current);
}
