package gluelab.cloud.services.states.asl;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.state.Json;
import java.util.Iterator;
import java.util.Map;

/**
 * A field of a JSONata state ("Transforming data with JSONata in Step Functions"): JSON whose strings of the form
 * {@code {% expression %}} are JSONata expressions, evaluated with {@code $states} (input, result, errorOutput,
 * context) and the execution's variables bound. A failed evaluation, or one whose result is undefined, fails the
 * state with {@code States.QueryEvaluationError}. Expressions are parsed when the definition is read, so a bad one
 * is a definition error.
 */
final class JsonataTemplate {

    static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";

    private final JsonNode template;
    private final String location;

    JsonataTemplate(JsonNode template, String location) {
        this.template = template;
        this.location = location;
        check(template, location);
    }

    static boolean isExpression(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return false;
        }
        String text = node.asText().strip();
        return text.startsWith("{%") && text.endsWith("%}") && text.length() >= 4;
    }

    private static String expression(JsonNode node) {
        String text = node.asText().strip();
        return text.substring(2, text.length() - 2);
    }

    private static void check(JsonNode node, String location) {
        if (isExpression(node)) {
            try {
                Jsonata.jsonata(expression(node));
            } catch (JException | IllegalArgumentException e) {
                throw Fields.schema("The JSONata expression '" + node.asText() + "' is not valid: " + e.getMessage(),
                        location);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(entry -> check(entry.getValue(), location + "/" + entry.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), location + "[" + i + "]");
            }
        }
    }

    /** The template's value, its expressions evaluated; {@code states} is what {@code $states} holds. */
    JsonNode apply(ObjectNode states, ObjectNode variables) {
        JsonNode value = evaluate(template, states, variables);
        if (value == null) {
            throw new StatesError(QUERY_EVALUATION_ERROR, "The JSONata expression " + template
                    + " specified for the field '" + location + "' returned nothing (undefined)");
        }
        return value;
    }

    /** The value of a JSONata Condition: it must be a boolean. */
    boolean test(ObjectNode states, ObjectNode variables) {
        JsonNode value = apply(states, variables);
        if (!value.isBoolean()) {
            throw new StatesError(QUERY_EVALUATION_ERROR, "The Condition '" + template.asText()
                    + "' must evaluate to a boolean, not " + value);
        }
        return value.asBoolean();
    }

    /** The value of {@code node}, or null where an expression is undefined (such a field is left out). */
    private static JsonNode evaluate(JsonNode node, ObjectNode states, ObjectNode variables) {
        if (isExpression(node)) {
            Jsonata expression = Jsonata.jsonata(expression(node));
            Jsonata.Frame frame = expression.createFrame();
            frame.bind("states", Json.MAPPER.convertValue(states, Object.class));
            for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> variable = it.next();
                frame.bind(variable.getKey(), Json.MAPPER.convertValue(variable.getValue(), Object.class));
            }
            try {
                Object result = expression.evaluate(null, frame);
                return result == null ? null : Json.MAPPER.valueToTree(result);
            } catch (JException | IllegalArgumentException | ClassCastException e) {
                throw new StatesError(QUERY_EVALUATION_ERROR, "An error occurred while evaluating the JSONata "
                        + "expression '" + node.asText() + "': " + e.getMessage());
            }
        }
        if (node.isObject()) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(entry -> {
                JsonNode value = evaluate(entry.getValue(), states, variables);
                if (value != null) {
                    object.set(entry.getKey(), value);
                }
            });
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> {
                JsonNode value = evaluate(item, states, variables);
                if (value != null) {
                    array.add(value);
                }
            });
            return array;
        }
        return node;
    }
}
