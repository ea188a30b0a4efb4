package gluelab.cloud.services.lambda;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Copies a stored shape's members onto a response builder with the same members: Lambda answers CreateFunction,
 * UpdateFunctionCode and GetFunctionConfiguration with a FunctionConfiguration's members, and the event invoke
 * configuration operations with a FunctionEventInvokeConfig's.
 */
final class ShapeCopy {

    private ShapeCopy() {
    }

    static void members(SdkPojo source, Object builder) {
        SdkPojo target = (SdkPojo) builder;
        for (SdkField<?> field : source.sdkFields()) {
            Object value = field.getValueOrDefault(source);
            if (value == null) {
                continue;
            }
            target.sdkFields().stream().filter(f -> f.memberName().equals(field.memberName())).findFirst()
                    .ifPresent(f -> set(f, target, value));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(SdkField<T> field, Object builder, Object value) {
        field.set(builder, (T) value);
    }
}
