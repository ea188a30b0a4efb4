package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One element of a state's Retry: which errors it retries, how often, and how long it waits between attempts on
 * the lab clock ({@code IntervalSeconds × BackoffRate^attempt}, at most {@code MaxDelaySeconds}, a random part of it
 * with {@code JitterStrategy: FULL}).
 */
final class Retrier {

    private static final java.util.Set<String> FIELDS = java.util.Set.of("ErrorEquals", "IntervalSeconds",
            "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");

    final List<String> errorEquals;
    private final int intervalSeconds;
    final int maxAttempts;
    private final double backoffRate;
    private final Integer maxDelaySeconds;
    private final boolean fullJitter;

    private Retrier(Fields fields) {
        fields.only(FIELDS);
        this.errorEquals = errorNames(fields);
        this.intervalSeconds = orDefault(fields.integer("IntervalSeconds", 1, 99_999_999), 1);
        this.maxAttempts = orDefault(fields.integer("MaxAttempts", 0, 99_999_999), 3);
        Double rate = fields.number("BackoffRate", 1.0);
        this.backoffRate = rate == null ? 2.0 : rate;
        this.maxDelaySeconds = fields.integer("MaxDelaySeconds", 1, 31_622_400);
        String jitter = fields.string("JitterStrategy");
        if (jitter != null && !jitter.equals("FULL") && !jitter.equals("NONE")) {
            throw Fields.schema("The value for the field 'JitterStrategy' must be one of [FULL, NONE]",
                    fields.at("JitterStrategy"));
        }
        this.fullJitter = "FULL".equals(jitter);
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    static List<Retrier> parse(Fields state) {
        List<Retrier> retriers = new ArrayList<>();
        List<JsonNode> items = state.array("Retry", false);
        for (int i = 0; i < items.size(); i++) {
            retriers.add(new Retrier(new Fields(items.get(i), state.at("Retry") + "[" + i + "]")));
        }
        checkAllIsLast(retriers.stream().map(r -> r.errorEquals).toList(), state.at("Retry"));
        return retriers;
    }

    /** Reads ErrorEquals: non-empty; {@code States.ALL} alone in its list. */
    static List<String> errorNames(Fields fields) {
        List<JsonNode> names = fields.array("ErrorEquals", true);
        if (names.isEmpty()) {
            throw Fields.schema("The field 'ErrorEquals' must not be empty", fields.at("ErrorEquals"));
        }
        List<String> errors = new ArrayList<>();
        for (JsonNode name : names) {
            if (!name.isTextual()) {
                throw Fields.schema("The values of 'ErrorEquals' must be STRINGs", fields.at("ErrorEquals"));
            }
            errors.add(name.asText());
        }
        if (errors.contains(StatesError.ALL) && errors.size() > 1) {
            throw Fields.schema("'States.ALL' must appear alone in 'ErrorEquals'", fields.at("ErrorEquals"));
        }
        return List.copyOf(errors);
    }

    /** {@code States.ALL} may only be in the last retrier or catcher. */
    static void checkAllIsLast(List<List<String>> lists, String location) {
        for (int i = 0; i < lists.size() - 1; i++) {
            if (lists.get(i).contains(StatesError.ALL)) {
                throw Fields.schema("'States.ALL' must appear in the last element of the array",
                        location + "[" + i + "]/ErrorEquals");
            }
        }
    }

    /** How long to wait before retry number {@code attempt} (0 for the first retry). */
    Duration delay(int attempt) {
        double seconds = intervalSeconds * Math.pow(backoffRate, attempt);
        if (maxDelaySeconds != null) {
            seconds = Math.min(seconds, maxDelaySeconds);
        }
        if (fullJitter) {
            seconds = ThreadLocalRandom.current().nextDouble() * seconds;
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
