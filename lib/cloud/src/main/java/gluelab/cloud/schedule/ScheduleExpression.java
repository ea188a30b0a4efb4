package gluelab.cloud.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * An AWS schedule expression, {@code cron(...)} or {@code rate(...)}, as Glue triggers, EventBridge rules
 * and EventBridge Scheduler write them. All times are UTC.
 */
public sealed interface ScheduleExpression permits CronExpression, RateExpression {

    /** Parses {@code cron(...)} or {@code rate(...)}. */
    static ScheduleExpression parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new ScheduleExpressionException("A schedule expression is required, e.g. cron(0 12 * * ? *) or rate(5 minutes)");
        }
        String text = expression.trim();
        if (text.startsWith("cron(")) {
            return CronExpression.parse(text);
        }
        if (text.startsWith("rate(")) {
            return RateExpression.parse(text);
        }
        throw new ScheduleExpressionException("'" + expression + "' is neither cron(...) nor rate(...)");
    }

    /**
     * The first fire time strictly after {@code after}, or empty when there is none (a cron whose years
     * are all past). {@code anchor} is when the schedule started: rates count from it, crons ignore it.
     */
    Optional<Instant> nextFireAfter(Instant anchor, Instant after);

    /** The expression as AWS shows it, e.g. {@code cron(0/5 * * * ? *)}. */
    String expression();
}
