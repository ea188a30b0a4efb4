package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * The rules of workflow variables ("Passing data between states with variables"): what a name may be, which name is
 * reserved, and how large a value and one state's assignment may grow.
 */
final class Variables {

    /** {@code $states} is Step Functions' own: the state's input, result, error output and context. */
    static final String RESERVED = "states";
    static final int MAX_NAME_LENGTH = 80;
    static final int MAX_VALUE_BYTES = 256 * 1024;
    static final int MAX_ASSIGNMENT_BYTES = 256 * 1024;

    private Variables() {
    }

    /**
     * Checks the names an Assign field sets (its keys, without a JSONPath {@code .$}).
     *
     * @throws DefinitionError when a name is not an identifier, is too long, or is {@code states}
     */
    static void checkNames(JsonNode assign, String location) {
        for (Iterator<String> names = assign.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            String name = key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
            String at = location + "/" + key;
            if (name.equals(RESERVED)) {
                throw Fields.schema("The variable name '" + name + "' is reserved", at);
            }
            if (!isIdentifier(name) || name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
                throw Fields.schema("The variable name '" + name + "' must be an identifier (a letter or '_', then "
                        + "letters, digits or '_') of at most " + MAX_NAME_LENGTH + " characters", at);
            }
        }
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || !(Character.isUnicodeIdentifierStart(name.codePointAt(0)) || name.charAt(0) == '_')) {
            return false;
        }
        return name.codePoints().allMatch(c -> Character.isUnicodeIdentifierPart(c)
                && !Character.isIdentifierIgnorable(c));
    }

    /**
     * Checks one state's assignment against the limits.
     *
     * @throws StatesError {@code States.DataLimitExceeded} when a value, or all of them together, is too large
     */
    static void checkSizes(JsonNode assigned) {
        long total = 0;
        for (Iterator<java.util.Map.Entry<String, JsonNode>> it = assigned.fields(); it.hasNext(); ) {
            java.util.Map.Entry<String, JsonNode> variable = it.next();
            int bytes = variable.getValue().toString().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_VALUE_BYTES) {
                throw new StatesError(StatesError.DATA_LIMIT_EXCEEDED, "The value assigned to the variable '"
                        + variable.getKey() + "' is " + bytes + " bytes, more than the " + MAX_VALUE_BYTES
                        + " bytes a variable may hold");
            }
            total += bytes;
        }
        if (total > MAX_ASSIGNMENT_BYTES) {
            throw new StatesError(StatesError.DATA_LIMIT_EXCEEDED, "The variables assigned by the state are "
                    + total + " bytes together, more than the " + MAX_ASSIGNMENT_BYTES + " bytes one Assign may set");
        }
    }
}
