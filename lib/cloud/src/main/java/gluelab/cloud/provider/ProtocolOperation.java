package gluelab.cloud.provider;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the request type of an operation that a service's wire protocol has but its SDK model lacks (S3's
 * browser-form POST, which no SDK sends), so that {@link OperationCatalog} finds it beside the model's operations.
 * The operation is named after the type, less {@code Request}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProtocolOperation {
}
