package gluelab.cloud.shape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Reads a Query-protocol request ({@code Action=AssumeRole&RoleArn=…&Tags.member.1.Key=…}) into its
 * typed shape. Lists are {@code Name.member.N} (or {@code Name.N} when flattened), maps
 * {@code Name.entry.N.key/value}, nested shapes {@code Name.Member}.
 */
public final class QueryShapeReader {

    private QueryShapeReader() {
    }

    public static <T> T read(Map<String, String> params, Class<T> shapeClass) {
        return read(params, shapeClass, QueryNames.MODEL);
    }

    /** Reads with the Query names {@code names} gives members whose model names are another protocol's (SQS). */
    public static <T> T read(Map<String, String> params, Class<T> shapeClass, QueryNames names) {
        SdkPojo builder = Shapes.newBuilder(shapeClass);
        fill(params, "", builder, names);
        return Shapes.build(builder);
    }

    private static void fill(Map<String, String> params, String prefix, SdkPojo builder, QueryNames names) {
        for (SdkField<?> field : builder.sdkFields()) {
            QueryNames.Naming naming = names.of(builder, field);
            Object value = readValue(params, prefix + naming.name(), field, naming, names);
            if (value != null) {
                field.set(builder, value);
            }
        }
    }

    private static Object readValue(Map<String, String> params, String name, SdkField<?> field,
                                    QueryNames.Naming naming, QueryNames names) {
        switch (field.marshallingType().getKnownType()) {
            case LIST: {
                ListTrait list = field.getRequiredTrait(ListTrait.class);
                // A list's items are Name.member.N, or Name.Item.N where the model names its items (RDS's Filters.Filter.N).
                String itemPrefix = naming.flattened() ? name + "."
                        : name + "." + (naming.item() != null ? naming.item() : "member") + ".";
                if (!naming.flattened() && params.containsKey(name) && params.get(name).isEmpty()) {
                    return new ArrayList<>();
                }
                List<Object> items = new ArrayList<>();
                for (int index : indexes(params, itemPrefix)) {
                    String itemName = itemPrefix + index;
                    SdkField<?> member = list.memberFieldInfo();
                    Object item = readValue(params, itemName, member, QueryNames.fromModel(itemName, member), names);
                    if (item != null) {
                        items.add(item);
                    }
                }
                return items.isEmpty() ? null : items;
            }
            case MAP: {
                MapTrait map = field.getRequiredTrait(MapTrait.class);
                String entryPrefix = naming.flattened() ? name + "." : name + ".entry.";
                String keyName = naming.key() != null ? naming.key() : "key";
                String valueName = naming.value() != null ? naming.value() : "value";
                Map<String, Object> out = new LinkedHashMap<>();
                for (int index : indexes(params, entryPrefix)) {
                    String key = params.get(entryPrefix + index + "." + keyName);
                    if (key != null) {
                        String valueAt = entryPrefix + index + "." + valueName;
                        SdkField<?> value = map.valueFieldInfo();
                        out.put(key, readValue(params, valueAt, value, QueryNames.fromModel(valueAt, value), names));
                    }
                }
                return out.isEmpty() ? null : out;
            }
            case SDK_POJO: {
                String nestedPrefix = name + ".";
                if (params.keySet().stream().noneMatch(k -> k.startsWith(nestedPrefix))) {
                    return null;
                }
                SdkPojo nested = field.constructor().get();
                fill(params, nestedPrefix, nested, names);
                return Shapes.build(nested);
            }
            default: {
                String text = params.get(name);
                return text == null ? null : ScalarText.read(text, field, name);
            }
        }
    }

    /** The distinct N of every {@code prefix + N…} parameter, in numeric order. */
    private static Iterable<Integer> indexes(Map<String, String> params, String prefix) {
        TreeMap<Integer, Boolean> found = new TreeMap<>();
        for (String key : params.keySet()) {
            if (!key.startsWith(prefix)) {
                continue;
            }
            String rest = key.substring(prefix.length());
            int end = rest.indexOf('.');
            String digits = end < 0 ? rest : rest.substring(0, end);
            if (!digits.isEmpty() && digits.length() < 7 && digits.chars().allMatch(Character::isDigit)) {
                found.put(Integer.parseInt(digits), Boolean.TRUE);
            }
        }
        return found.keySet();
    }
}
