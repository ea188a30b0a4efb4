package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Fail: ends its branch with an error: Error and Cause, or read from the input by ErrorPath and CausePath (paths or
 * intrinsic functions). It has no Exited event: the failure follows its Entered event.
 */
final class FailState extends State {

    static final java.util.Set<String> FIELDS = allowed(false, false, "Error", "ErrorPath", "Cause", "CausePath");

    private final String error;
    private final Object errorPath;
    private final String cause;
    private final Object causePath;

    FailState(String name, Fields fields) {
        super(name, "Fail", fields, false, false);
        fields.only(FIELDS);
        exclusive(fields, "Error", "ErrorPath");
        exclusive(fields, "Cause", "CausePath");
        this.error = fields.string("Error");
        this.cause = fields.string("Cause");
        this.errorPath = dynamic(fields, "ErrorPath");
        this.causePath = dynamic(fields, "CausePath");
    }

    private static void exclusive(Fields fields, String a, String b) {
        if (fields.has(a) && fields.has(b)) {
            throw Fields.schema("A Fail state cannot have both '" + a + "' and '" + b + "'", fields.location);
        }
    }

    private static Object dynamic(Fields fields, String field) {
        String text = fields.string(field);
        if (text == null) {
            return null;
        }
        if (IntrinsicFunctions.isCall(text)) {
            try {
                return IntrinsicFunctions.parse(text);
            } catch (IllegalArgumentException e) {
                throw Fields.schema("The value for the field '" + field + "' must be a valid JSONPath or a valid "
                        + "intrinsic function call", fields.at(field));
            }
        }
        return fields.compile(field, text, false);
    }

    @Override
    Transition run(JsonNode input, Branch branch) {
        java.time.Instant entered = branch.execution().now();
        entered(branch, input);
        JsonNode context = branch.context(this, entered, 0);
        String errorName = errorPath == null ? evaluated(error, input, context, branch)
                : read(errorPath, "ErrorPath", roots(input, context, branch));
        String causeText = causePath == null ? evaluated(cause, input, context, branch)
                : read(causePath, "CausePath", roots(input, context, branch));
        throw new StatesError(errorName == null ? "" : errorName, causeText == null ? "" : causeText);
    }

    /** In a JSONata state, an Error or Cause may be a {@code {% %}} expression. */
    private String evaluated(String text, JsonNode input, JsonNode context, Branch branch) {
        com.fasterxml.jackson.databind.node.TextNode node = com.fasterxml.jackson.databind.node.TextNode.valueOf(
                text == null ? "" : text);
        if (!jsonata || !JsonataTemplate.isExpression(node)) {
            return text;
        }
        JsonNode value = new JsonataTemplate(node, name()).apply(statesVariable(input, context),
                branch.variables());
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static String read(Object expression, String field, PathRoots roots) {
        JsonNode value;
        if (expression instanceof JsonPath path) {
            value = path.read(roots).orElseThrow(() -> StatesError.runtime(
                    "The " + field + " '" + path + "' could not be found in the input '" + roots.data() + "'"));
        } else {
            value = ((IntrinsicFunctions.Expression) expression).evaluate(roots);
        }
        if (!value.isTextual()) {
            throw StatesError.runtime("The " + field + " must point to a string, not " + value);
        }
        return value.asText();
    }
}
