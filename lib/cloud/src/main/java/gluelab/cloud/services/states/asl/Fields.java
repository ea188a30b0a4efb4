package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one object of a definition (the machine, a state, a retrier), checking them as Step
 * Functions' schema does: types, required fields, fields a state type does not have. Every problem is a
 * {@link DefinitionError} at the field's location.
 */
final class Fields {

    private final JsonNode node;
    final String location;
    private final boolean jsonataByDefault;

    Fields(JsonNode node, String location) {
        this(node, location, false);
    }

    /** A state's fields, in a machine whose QueryLanguage is JSONata when {@code jsonataByDefault}. */
    Fields(JsonNode node, String location, boolean jsonataByDefault) {
        if (node == null || !node.isObject()) {
            throw schema("The value must be an object", location);
        }
        this.node = node;
        this.location = location;
        this.jsonataByDefault = jsonataByDefault;
    }

    boolean jsonataByDefault() {
        return jsonataByDefault;
    }

    static DefinitionError schema(String message, String location) {
        return new DefinitionError("SCHEMA_VALIDATION_FAILED", message, location);
    }

    JsonNode node() {
        return node;
    }

    String at(String field) {
        return location.endsWith("/") ? location + field : location + "/" + field;
    }

    /** Fails on any field outside {@code allowed}, as AWS does. */
    void only(Set<String> allowed) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw schema("Field '" + name + "' is not supported", at(name));
            }
        });
    }

    boolean has(String field) {
        return node.has(field);
    }

    JsonNode raw(String field) {
        return node.get(field);
    }

    String requiredString(String field) {
        if (!node.has(field)) {
            throw schema("These fields are required: [" + field + "]", location);
        }
        return string(field);
    }

    String string(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw schema("The value for the field '" + field + "' must be a STRING", at(field));
        }
        return value.asText();
    }

    boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw schema("The value for the field '" + field + "' must be a BOOLEAN", at(field));
        }
        return value.asBoolean();
    }

    Integer integer(String field, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw schema("The value for the field '" + field + "' must be an INTEGER between " + min + " and "
                    + max, at(field));
        }
        return value.asInt();
    }

    Double number(String field, double min) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || value.asDouble() < min) {
            throw schema("The value for the field '" + field + "' must be a NUMBER of at least " + min, at(field));
        }
        return value.asDouble();
    }

    /**
     * An optional path field: absent is {@code $}, JSON null is null (nothing goes through). A reference path here
     * is a ResultPath, which writes into the data and so cannot name the context object or a variable.
     */
    PathField path(String field, boolean reference) {
        if (!node.has(field)) {
            return PathField.ROOT;
        }
        if (node.get(field).isNull()) {
            return PathField.NULL;
        }
        JsonPath path = compile(field, string(field), reference);
        if (reference && path.variable() != null) {
            throw schema("The value for the field '" + field + "' must be a valid ReferencePath", at(field));
        }
        return new PathField(path);
    }

    JsonPath compile(String field, String text, boolean reference) {
        try {
            JsonPath path = JsonPath.parse(text);
            if (reference && (!path.isDefinite() || path.readsContext())) {
                throw new IllegalArgumentException("not a reference path");
            }
            return path;
        } catch (IllegalArgumentException e) {
            throw schema("The value for the field '" + field + "' must be a valid " + (reference
                    ? "ReferencePath" : "JSONPath"), at(field));
        }
    }

    PayloadTemplate template(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        return new PayloadTemplate(value, at(field));
    }

    List<JsonNode> array(String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null) {
            if (required) {
                throw schema("These fields are required: [" + field + "]", location);
            }
            return List.of();
        }
        if (!value.isArray()) {
            throw schema("The value for the field '" + field + "' must be an ARRAY", at(field));
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    /** A path field's value: JSON null drops what would go through, absent is the whole ({@code $}). */
    record PathField(JsonPath path) {
        static final PathField ROOT = new PathField(JsonPath.parse("$"));
        static final PathField NULL = new PathField(null);

        boolean isNull() {
            return path == null;
        }
    }
}
