package gluelab.glue.util;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Glue's option bag for sources and sinks: built from JSON text, as in
 * {@code new JsonOptions("{\"paths\": [\"s3://raw/in/\"], \"recurse\": true}")}, or from a map.
 * Keys are case-sensitive, as in Glue.
 */
public final class JsonOptions {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final JsonOptions empty = new JsonOptions(Map.of());

    private final Map<String, Object> options;

    public JsonOptions(String json) {
        this(parse(json));
    }

    public JsonOptions(Map<String, ?> options) {
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** {@code JsonOptions.of("path", "s3://refined/out/", "partitionKeys", List.of("year"))}. */
    public static JsonOptions of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("JsonOptions.of takes key, value pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return new JsonOptions(map);
    }

    public static JsonOptions empty() {
        return empty;
    }

    public Map<String, Object> asMap() {
        return options;
    }

    public boolean has(String key) {
        return options.containsKey(key);
    }

    public Optional<String> getString(String key) {
        Object value = options.get(key);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    public String getString(String key, String orElse) {
        return getString(key).orElse(orElse);
    }

    public boolean getBoolean(String key, boolean orElse) {
        Object value = options.get(key);
        if (value == null) {
            return orElse;
        }
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value).trim());
    }

    /**
     * A list option: a JSON list, a Java collection, a JSON list inside a string (Glue's own
     * {@code "exclusions": "[\"**.json\"]"}), a comma-separated string, or one string.
     */
    public List<String> getStringList(String key) {
        Object value = options.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> c) {
            List<String> out = new ArrayList<>();
            c.forEach(v -> out.add(String.valueOf(v)));
            return out;
        }
        if (value instanceof Object[] array) {
            List<String> out = new ArrayList<>();
            for (Object v : array) {
                out.add(String.valueOf(v));
            }
            return out;
        }
        String text = String.valueOf(value).trim();
        if (text.startsWith("[")) {
            try {
                return JSON.readValue(text, new TypeReference<List<String>>() { });
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Option '" + key + "' is not a JSON list: " + text, e);
            }
        }
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    public JsonOptions with(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>(options);
        map.put(key, value);
        return new JsonOptions(map);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return toJson();
    }

    private static Map<String, Object> parse(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("JsonOptions: not a JSON object: " + json, e);
        }
    }
}
