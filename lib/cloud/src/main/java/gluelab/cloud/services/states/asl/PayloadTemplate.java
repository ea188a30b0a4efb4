package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A payload template (Parameters, ResultSelector, ItemSelector): JSON whose fields named {@code key.$} take their
 * value, under {@code key}, from a path into the input ({@code $.x}), the context object ({@code $$.Execution.Id})
 * a workflow variable ({@code $name.x}) or an intrinsic function call. Paths and calls are checked when the
 * definition is read.
 */
public final class PayloadTemplate {

    private final JsonNode template;
    private final String location;
    private final Map<String, Object> compiled = new java.util.HashMap<>();

    /**
     * @param location where the template sits in the definition, for the errors ({@code /States/S/Parameters})
     * @throws DefinitionError when a {@code .$} field is not a path or a call
     */
    public PayloadTemplate(JsonNode template, String location) {
        this.template = template;
        this.location = location;
        compile(template, location);
    }

    private void compile(JsonNode node, String location) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = location + "/" + field.getKey();
                if (field.getKey().endsWith(".$")) {
                    String value = field.getValue().isTextual() ? field.getValue().asText() : null;
                    try {
                        if (IntrinsicFunctions.isCall(value)) {
                            compiled.put(at, IntrinsicFunctions.parse(value));
                        } else if (JsonPath.isPath(value)) {
                            compiled.put(at, JsonPath.parse(value));
                        } else {
                            throw new IllegalArgumentException("not a path");
                        }
                    } catch (IllegalArgumentException e) {
                        throw new DefinitionError("SCHEMA_VALIDATION_FAILED", "The value for the field '"
                                + field.getKey() + "' must be a valid JSONPath or a valid intrinsic function call",
                                at);
                    }
                } else {
                    compile(field.getValue(), at);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                compile(node.get(i), location + "[" + i + "]");
            }
        }
    }

    /** The template filled in from what {@code roots} hold: the data, the context object, the variables. */
    JsonNode apply(PathRoots roots) {
        return fill(template, roots, location);
    }

    private JsonNode fill(JsonNode node, PathRoots roots, String location) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = location + "/" + field.getKey();
                if (field.getKey().endsWith(".$")) {
                    String key = field.getKey().substring(0, field.getKey().length() - 2);
                    Object expression = compiled.get(at);
                    if (expression instanceof JsonPath path) {
                        out.set(key, path.read(roots).orElseThrow(() ->
                                StatesError.runtime("The JsonPath argument for the field '" + path
                                        + "' could not be found in the input '" + roots.data() + "'")));
                    } else {
                        out.set(key, ((IntrinsicFunctions.Expression) expression).evaluate(roots));
                    }
                } else {
                    out.set(field.getKey(), fill(field.getValue(), roots, at));
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                out.add(fill(node.get(i), roots, location + "[" + i + "]"));
            }
            return out;
        }
        return node;
    }
}
