package gluelab.cloud.provider;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * A typed request's members read by their model names ({@code JobName}, {@code Bucket}), for code that serves many
 * operations at once: resource names for the timeline, and the resources access rules judge.
 */
public final class Members {

    private Members() {
    }

    /** The member's value, matched by its member name or its wire location name; null if absent or not a model object. */
    public static Object value(Object shape, String name) {
        if (shape instanceof SdkPojo pojo) {
            for (SdkField<?> field : pojo.sdkFields()) {
                if (field.memberName().equals(name) || name.equals(field.locationName())) {
                    return field.getValueOrDefault(pojo);
                }
            }
        }
        return null;
    }

    /** A string member, or null. */
    public static String string(Object shape, String name) {
        return value(shape, name) instanceof String text ? text : null;
    }

    /** A string member of a structure member, e.g. {@code TableInput.Name}, or null. */
    public static String string(Object shape, String structure, String name) {
        Object inner = value(shape, structure);
        return inner == null ? null : string(inner, name);
    }

    /** A list-of-strings member; empty if absent. */
    public static List<String> strings(Object shape, String name) {
        List<String> strings = new ArrayList<>();
        if (value(shape, name) instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof String text) {
                    strings.add(text);
                }
            }
        }
        return strings;
    }
}
