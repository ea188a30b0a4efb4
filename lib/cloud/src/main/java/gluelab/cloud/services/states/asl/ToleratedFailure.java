package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Map state's tolerated failure threshold ("Tolerated failure threshold for Distributed Map state"):
 * ToleratedFailureCount and ToleratedFailurePercentage, or their {@code …Path} forms read from the state's input. The
 * Map fails with {@code States.ExceedToleratedFailureThreshold} once its failed items exceed either; without either
 * field there is no threshold, and the first failing item fails the Map with its own error. In a JSONata state
 * either may be a JSONata expression, evaluated as the state starts.
 */
final class ToleratedFailure {

    static final String EXCEEDED = "States.ExceedToleratedFailureThreshold";

    private final Integer count;
    private final JsonPath countPath;
    private final Double percentage;
    private final JsonPath percentagePath;
    private final JsonataTemplate countExpression;
    private final JsonataTemplate percentageExpression;

    ToleratedFailure(Fields fields, boolean jsonata) {
        exclusive(fields, "ToleratedFailureCount");
        exclusive(fields, "ToleratedFailurePercentage");
        this.countExpression = jsonata ? expression(fields, "ToleratedFailureCount") : null;
        this.percentageExpression = jsonata ? expression(fields, "ToleratedFailurePercentage") : null;
        this.count = countExpression != null ? null : fields.integer("ToleratedFailureCount", 0, Integer.MAX_VALUE);
        this.countPath = path(fields, "ToleratedFailureCountPath");
        Double pct = percentageExpression != null ? null : fields.number("ToleratedFailurePercentage", 0);
        if (pct != null && pct > 100) {
            throw Fields.schema("The value for the field 'ToleratedFailurePercentage' must be a NUMBER between 0 "
                    + "and 100", fields.at("ToleratedFailurePercentage"));
        }
        this.percentage = pct;
        this.percentagePath = path(fields, "ToleratedFailurePercentagePath");
    }

    private static void exclusive(Fields fields, String field) {
        if (fields.has(field) && fields.has(field + "Path")) {
            throw Fields.schema("A Map state cannot have both '" + field + "' and '" + field + "Path'",
                    fields.location);
        }
    }

    private static JsonataTemplate expression(Fields fields, String field) {
        JsonNode value = fields.raw(field);
        return JsonataTemplate.isExpression(value) ? new JsonataTemplate(value, fields.at(field)) : null;
    }

    private static JsonPath path(Fields fields, String field) {
        String text = fields.string(field);
        return text == null ? null : fields.compile(field, text, true);
    }

    /** Whether the state has a threshold at all; without one a failing item fails the Map at once. */
    boolean declared() {
        return count != null || countPath != null || percentage != null || percentagePath != null
                || countExpression != null || percentageExpression != null;
    }

    /**
     * The threshold for one run of the state: its paths read from {@code roots} (over the effective input), its
     * expressions evaluated with {@code $states} ({@code states}) and the variables.
     */
    Threshold resolve(PathRoots roots, com.fasterxml.jackson.databind.node.ObjectNode states, Branch branch) {
        JsonNode effectiveInput = roots.data();
        Integer maxCount = count;
        if (countPath != null) {
            maxCount = (int) check(countPath.read(roots).orElse(null), "ToleratedFailureCountPath '"
                    + countPath + "'", effectiveInput, Integer.MAX_VALUE, true);
        } else if (countExpression != null) {
            maxCount = (int) check(countExpression.apply(states, branch.variables()), "ToleratedFailureCount",
                    effectiveInput, Integer.MAX_VALUE, true);
        }
        Double maxPercentage = percentage;
        if (percentagePath != null) {
            maxPercentage = check(percentagePath.read(roots).orElse(null),
                    "ToleratedFailurePercentagePath '" + percentagePath + "'", effectiveInput, 100, false);
        } else if (percentageExpression != null) {
            maxPercentage = check(percentageExpression.apply(states, branch.variables()),
                    "ToleratedFailurePercentage", effectiveInput, 100, false);
        }
        return new Threshold(maxCount, maxPercentage);
    }

    private static double check(JsonNode value, String field, JsonNode input, double max, boolean integral) {
        if (value == null || !(integral ? value.isIntegralNumber() : value.isNumber()) || value.asDouble() < 0
                || value.asDouble() > max) {
            throw StatesError.runtime("The " + field + " must give " + (integral
                    ? "a non-negative integer" : "a number between 0 and 100") + " in the input '" + input + "'");
        }
        return value.asDouble();
    }

    /** The resolved threshold: null parts are not limits. */
    record Threshold(Integer count, Double percentage) {

        boolean exceeded(int failed, int total) {
            if (count != null && failed > count) {
                return true;
            }
            return percentage != null && total > 0 && failed * 100.0 / total > percentage;
        }

        StatesError error() {
            return new StatesError(EXCEEDED, "The specified tolerated failure threshold was exceeded");
        }
    }
}
