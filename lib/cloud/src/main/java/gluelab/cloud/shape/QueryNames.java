package gluelab.cloud.shape;

import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * How members are named in the Query protocol where a service's SDK v2 model, written for its current protocol,
 * names them otherwise. SQS's model is JSON now ({@code Attributes}, {@code Entries}), but older clients still send
 * and read its Query names ({@code Attribute.1.Name}, {@code SendMessageBatchRequestEntry.1.Id}), flattened.
 * Members not listed are named as the model's traits say.
 */
public final class QueryNames {

    /** The model's own names: what a service whose model is written for the Query protocol uses. */
    public static final QueryNames MODEL = new QueryNames(Map.of());

    /**
     * A member's Query naming.
     *
     * @param name      the member's element or parameter name
     * @param flattened whether a list's items or a map's entries stand directly under {@code name}
     * @param item      a list item's name ({@code member} when not flattened), or null for {@code name}
     * @param key       a map entry's key name
     * @param value     a map entry's value name
     */
    public record Naming(String name, boolean flattened, String item, String key, String value) {

        public static Naming flatList(String item) {
            return new Naming(item, true, item, null, null);
        }

        public static Naming flatMap(String name, String key, String value) {
            return new Naming(name, true, null, key, value);
        }
    }

    private final Map<String, Naming> byMember;

    /** @param byMember namings by {@code Shape.Member}, or by {@code Member} for every shape with that member */
    public QueryNames(Map<String, Naming> byMember) {
        this.byMember = Map.copyOf(byMember);
    }

    /** How {@code field} of {@code shape} (a model object or its builder) is named in the Query protocol. */
    public Naming of(SdkPojo shape, SdkField<?> field) {
        if (!byMember.isEmpty()) {
            Naming named = byMember.get(shapeName(shape) + "." + field.memberName());
            if (named == null) {
                named = byMember.get(field.memberName());
            }
            if (named != null) {
                return named;
            }
        }
        return fromModel(field.locationName(), field);
    }

    /** The naming the model's traits give a member (or a list's item, a map's value) written as {@code name}. */
    public static Naming fromModel(String name, SdkField<?> field) {
        if (field.containsTrait(ListTrait.class)) {
            ListTrait list = field.getRequiredTrait(ListTrait.class);
            return new Naming(name, list.isFlattened(), list.memberLocationName(), null, null);
        }
        if (field.containsTrait(MapTrait.class)) {
            MapTrait map = field.getRequiredTrait(MapTrait.class);
            return new Naming(name, map.isFlattened(), null, map.keyLocationName(), map.valueLocationName());
        }
        return new Naming(name, false, null, null, null);
    }

    private static String shapeName(SdkPojo shape) {
        Class<?> type = shape.getClass();
        while (type.getEnclosingClass() != null) {
            type = type.getEnclosingClass();
        }
        return type.getSimpleName();
    }
}
