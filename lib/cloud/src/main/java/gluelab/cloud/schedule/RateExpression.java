package gluelab.cloud.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rate(value unit)}: every {@code value} minutes, hours or days, counted from when the schedule
 * started. As on AWS, the unit is singular for 1 ({@code rate(1 hour)}) and plural otherwise.
 */
public record RateExpression(long value, String unit, Duration period) implements ScheduleExpression {

    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\S+)\\s+(\\S+)\\s*\\)");

    public static RateExpression parse(String expression) {
        Matcher matcher = RATE.matcher(expression.trim());
        if (!matcher.matches()) {
            throw new ScheduleExpressionException("'" + expression + "' is not a rate expression; write rate(<value> <unit>), "
                    + "e.g. rate(5 minutes) or rate(1 hour)");
        }
        long value;
        try {
            value = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException e) {
            throw new ScheduleExpressionException("The value of '" + expression + "' must be a whole number, not '"
                    + matcher.group(1) + "'");
        }
        if (value < 1) {
            throw new ScheduleExpressionException("The value of '" + expression + "' must be 1 or more");
        }
        String unit = matcher.group(2);
        Duration one = switch (unit) {
            case "minute", "minutes" -> Duration.ofMinutes(1);
            case "hour", "hours" -> Duration.ofHours(1);
            case "day", "days" -> Duration.ofDays(1);
            default -> throw new ScheduleExpressionException("The unit of '" + expression
                    + "' must be minute(s), hour(s) or day(s), not '" + unit + "'");
        };
        boolean plural = unit.endsWith("s");
        if (value == 1 && plural) {
            throw new ScheduleExpressionException("'" + expression + "': a value of 1 takes a singular unit, e.g. rate(1 "
                    + unit.substring(0, unit.length() - 1) + ")");
        }
        if (value > 1 && !plural) {
            throw new ScheduleExpressionException("'" + expression + "': a value above 1 takes a plural unit, e.g. rate("
                    + value + " " + unit + "s)");
        }
        return new RateExpression(value, unit, one.multipliedBy(value));
    }

    /** The fire times are {@code anchor + k * period} for k = 1, 2, ...: the first one is a period after the start. */
    @Override
    public Optional<Instant> nextFireAfter(Instant anchor, Instant after) {
        Duration elapsed = Duration.between(anchor, after);
        long k = elapsed.isNegative() ? 1 : elapsed.dividedBy(period) + 1;
        return Optional.of(anchor.plus(period.multipliedBy(k)));
    }

    @Override
    public String expression() {
        return "rate(" + value + " " + unit + ")";
    }
}
