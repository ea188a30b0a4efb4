package gluelab.cloud.shape;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.LocationTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Reflection over the SDK v2 model classes: making builders, building, and reading field metadata.
 * The SDK's own {@code SdkField}s carry every member's wire name, type and location.
 */
public final class Shapes {

    private static final Map<Class<?>, Method> BUILDER_METHODS = new ConcurrentHashMap<>();

    private Shapes() {
    }

    /** A fresh builder for a top-level shape class such as {@code CreateJobRequest}. */
    public static SdkPojo newBuilder(Class<?> shapeClass) {
        Method builder = BUILDER_METHODS.computeIfAbsent(shapeClass, c -> {
            try {
                return c.getMethod("builder");
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(c + " is not an SDK model shape", e);
            }
        });
        try {
            return (SdkPojo) builder.invoke(null);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot create a builder for " + shapeClass.getName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public static <T> T build(SdkPojo builder) {
        return (T) ((SdkBuilder<?, ?>) builder).build();
    }

    /** The fields of a shape, as the SDK lists them (declaration order). */
    public static List<SdkField<?>> fields(SdkPojo shapeOrBuilder) {
        return shapeOrBuilder.sdkFields();
    }

    public static List<SdkField<?>> fields(Class<?> shapeClass) {
        return newBuilder(shapeClass).sdkFields();
    }

    /** True for values the SDK fills in when a member was never set; they are not sent on the wire. */
    public static boolean isUnset(Object value) {
        return value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap;
    }

    /** The name a member has on the wire when it is read from a request. */
    public static String wireName(SdkField<?> field) {
        String name = field.unmarshallLocationName();
        return name != null ? name : field.locationName();
    }

    public static boolean hasLocationTrait(SdkField<?> field) {
        return field.containsTrait(LocationTrait.class);
    }
}
