package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Wait: for Seconds, until a Timestamp, or either read from the input (SecondsPath, TimestampPath), on the lab
 * clock: advancing the clock past the end moves the execution on, and while it waits it is not work in flight.
 */
final class WaitState extends State {

    static final java.util.Set<String> FIELDS = allowed(true, true, "Seconds", "Timestamp", "SecondsPath",
            "TimestampPath");

    private final Integer seconds;
    private final Instant timestamp;
    private final JsonPath secondsPath;
    private final JsonPath timestampPath;
    private final JsonataTemplate secondsExpression;
    private final JsonataTemplate timestampExpression;

    WaitState(String name, Fields fields) {
        super(name, "Wait", fields, true, true);
        fields.only(FIELDS);
        long given = java.util.stream.Stream.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")
                .filter(fields::has).count();
        if (given != 1) {
            throw Fields.schema("A Wait state must have exactly one of 'Seconds', 'Timestamp', 'SecondsPath' or "
                    + "'TimestampPath'", fields.location);
        }
        this.secondsExpression = expression(fields, "Seconds");
        this.timestampExpression = expression(fields, "Timestamp");
        this.seconds = secondsExpression != null ? null : fields.integer("Seconds", 0, 99_999_999);
        String time = timestampExpression != null ? null : fields.string("Timestamp");
        if (time != null) {
            try {
                timestamp = parseTimestamp(time);
            } catch (DateTimeParseException e) {
                throw Fields.schema("The value for the field 'Timestamp' must be a valid RFC3339 timestamp",
                        fields.at("Timestamp"));
            }
        } else {
            timestamp = null;
        }
        String sp = fields.string("SecondsPath");
        this.secondsPath = sp == null ? null : fields.compile("SecondsPath", sp, true);
        String tp = fields.string("TimestampPath");
        this.timestampPath = tp == null ? null : fields.compile("TimestampPath", tp, true);
    }

    /** In a JSONata state, Seconds or Timestamp may be a {@code {% %}} expression. */
    private JsonataTemplate expression(Fields fields, String field) {
        return jsonata && JsonataTemplate.isExpression(fields.raw(field))
                ? new JsonataTemplate(fields.raw(field), fields.at(field)) : null;
    }

    static Instant parseTimestamp(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    @Override
    Transition run(JsonNode input, Branch branch) {
        Instant entered = branch.execution().now();
        entered(branch, input);
        JsonNode context = branch.context(this, entered, 0);
        if (jsonata) {
            com.fasterxml.jackson.databind.node.ObjectNode states = statesVariable(input, context);
            branch.sleepUntil(jsonataUntil(entered, states, branch));
            JsonNode output = jsonataOutput(branch, states, input);
            exited(branch, output);
            return new Transition(next, output);
        }
        PathRoots roots = roots(input, context, branch);
        JsonNode effective = effectiveInput(roots);
        branch.sleepUntil(until(entered, roots.over(effective)));
        JsonNode output = effectiveOutput(roots.over(effective));
        assignJsonPath(roots.over(effective), branch);
        exited(branch, output);
        return new Transition(next, output);
    }

    private Instant jsonataUntil(Instant entered, com.fasterxml.jackson.databind.node.ObjectNode states,
                                 Branch branch) {
        if (secondsExpression != null) {
            JsonNode value = secondsExpression.apply(states, branch.variables());
            if (!value.isIntegralNumber() || value.asLong() < 0) {
                throw new StatesError(JsonataTemplate.QUERY_EVALUATION_ERROR, "The Seconds expression must give a "
                        + "non-negative integer, not " + value);
            }
            return entered.plusSeconds(value.asLong());
        }
        if (timestampExpression != null) {
            JsonNode value = timestampExpression.apply(states, branch.variables());
            try {
                return parseTimestamp(value.asText());
            } catch (DateTimeParseException e) {
                throw new StatesError(JsonataTemplate.QUERY_EVALUATION_ERROR, "The Timestamp expression must give "
                        + "an RFC3339 timestamp, not " + value);
            }
        }
        return until(entered, new PathRoots(input(states), states.get("context"), branch.variables()));
    }

    private static JsonNode input(JsonNode states) {
        return states.get("input");
    }

    private Instant until(Instant entered, PathRoots roots) {
        JsonNode effective = roots.data();
        if (seconds != null) {
            return entered.plusSeconds(seconds);
        }
        if (timestamp != null) {
            return timestamp;
        }
        if (secondsPath != null) {
            JsonNode value = secondsPath.read(roots).orElse(null);
            if (value == null || !value.isIntegralNumber() || value.asLong() < 0) {
                throw StatesError.runtime("The SecondsPath parameter does not reference a valid integer value: "
                        + secondsPath + " in the input '" + effective + "'");
            }
            return entered.plusSeconds(value.asLong());
        }
        JsonNode value = timestampPath.read(roots).orElse(null);
        try {
            if (value == null || !value.isTextual()) {
                throw new DateTimeParseException("not a string", String.valueOf(value), 0);
            }
            return parseTimestamp(value.asText());
        } catch (DateTimeParseException e) {
            throw StatesError.runtime("The TimestampPath parameter does not reference a valid ISO-8601 extended "
                    + "offset date-time format string: " + timestampPath + " in the input '" + effective + "'");
        }
    }
}
