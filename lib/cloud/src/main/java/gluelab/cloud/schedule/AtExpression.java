package gluelab.cloud.schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code at(yyyy-mm-ddThh:mm:ss)}: EventBridge Scheduler's one-time schedule, at that wall-clock time in the
 * schedule's time zone. A time the clock skips for daylight saving time is read as the same moment after the jump,
 * as {@link ZonedDateTime#of} reads it.
 *
 * @param time the wall-clock time written in the expression
 */
public record AtExpression(LocalDateTime time, ZoneId zone) implements ScheduleExpression {

    private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    public static AtExpression parse(String expression, ZoneId zone) {
        Matcher matcher = AT.matcher(expression.trim());
        if (!matcher.matches()) {
            throw new ScheduleExpressionException("'" + expression + "' is not a one-time expression; write "
                    + "at(yyyy-mm-ddThh:mm:ss), e.g. at(2026-03-01T08:30:00)");
        }
        try {
            return new AtExpression(LocalDateTime.parse(matcher.group(1), TEXT), zone);
        } catch (DateTimeException e) {
            throw new ScheduleExpressionException("'" + expression + "' names no real date and time: " + e.getMessage());
        }
    }

    /** The moment the schedule fires. */
    public Instant instant() {
        return ZonedDateTime.of(time, zone).toInstant();
    }

    /** The one fire time, if it is after {@code after}; the anchor does not matter. */
    @Override
    public Optional<Instant> nextFireAfter(Instant anchor, Instant after) {
        Instant at = instant();
        return at.isAfter(after) ? Optional.of(at) : Optional.empty();
    }

    @Override
    public String expression() {
        return "at(" + TEXT.format(time) + ")";
    }
}
