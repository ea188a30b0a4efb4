package gluelab.cloud.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * An AWS schedule expression, {@code cron(...)} or {@code rate(...)}, as Glue triggers, EventBridge rules
 * and EventBridge Scheduler write them, and Scheduler's one-time {@code at(...)}. Glue and EventBridge rules read
 * them in UTC; Scheduler in a time zone of the schedule's choosing.
 */
public sealed interface ScheduleExpression permits CronExpression, RateExpression, AtExpression {

    /** Parses {@code cron(...)} or {@code rate(...)}, in UTC. */
    static ScheduleExpression parse(String expression) {
        return parse(expression, ZoneOffset.UTC, false);
    }

    /**
     * Parses an EventBridge Scheduler expression: {@code at(...)}, {@code cron(...)} or {@code rate(...)}, with
     * {@code at} and {@code cron} read on the wall clock of {@code zone} (a rate is a plain duration).
     */
    static ScheduleExpression parseInZone(String expression, ZoneId zone) {
        return parse(expression, zone, true);
    }

    private static ScheduleExpression parse(String expression, ZoneId zone, boolean oneTimeToo) {
        if (expression == null || expression.isBlank()) {
            throw new ScheduleExpressionException("A schedule expression is required, e.g. cron(0 12 * * ? *) or rate(5 minutes)");
        }
        String text = expression.trim();
        if (text.startsWith("cron(")) {
            return CronExpression.parse(text, zone);
        }
        if (text.startsWith("rate(")) {
            return RateExpression.parse(text);
        }
        if (oneTimeToo && text.startsWith("at(")) {
            return AtExpression.parse(text, zone);
        }
        throw new ScheduleExpressionException("'" + expression + "' is neither " + (oneTimeToo ? "at(...), " : "")
                + "cron(...) nor rate(...)");
    }

    /**
     * The first fire time strictly after {@code after}, or empty when there is none (a cron whose years
     * are all past). {@code anchor} is when the schedule started: rates count from it, crons ignore it.
     */
    Optional<Instant> nextFireAfter(Instant anchor, Instant after);

    /** The expression as AWS shows it, e.g. {@code cron(0/5 * * * ? *)}. */
    String expression();
}
