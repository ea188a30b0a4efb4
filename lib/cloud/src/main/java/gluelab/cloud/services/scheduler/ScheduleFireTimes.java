package gluelab.cloud.services.scheduler;

import gluelab.cloud.schedule.AtExpression;
import gluelab.cloud.schedule.RateExpression;
import gluelab.cloud.schedule.ScheduleExpression;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;

/**
 * When a schedule fires, as EventBridge Scheduler fires it:
 * <ul>
 *   <li>{@code rate(...)} at its start (the StartDate, else when the schedule was last created or updated) and
 *       every period after: a rate schedule without a StartDate invokes its target at once;</li>
 *   <li>{@code cron(...)} at the times it selects on the wall clock of the schedule's time zone, from the StartDate
 *       on;</li>
 *   <li>{@code at(...)} once, at its time, or at once if that time had already passed when the schedule was created or
 *       updated; a one-time schedule ignores its StartDate and EndDate;</li>
 * </ul>
 * and never at or after the EndDate.
 */
final class ScheduleFireTimes implements Function<Instant, Optional<Instant>> {

    private final ScheduleExpression expression;
    private final Instant start;
    private final Instant end;
    private final Instant anchor;

    ScheduleFireTimes(GetScheduleResponse schedule) {
        this.expression = ScheduleDefinitions.parse(schedule.scheduleExpression(), schedule.scheduleExpressionTimezone());
        boolean oneTime = expression instanceof AtExpression;
        Instant defined = schedule.lastModificationDate();
        this.start = oneTime ? null : schedule.startDate();
        this.end = oneTime ? null : schedule.endDate();
        Instant base = start != null ? start : defined;
        // A rate counts periods from its anchor and fires a period after it, so the anchor is a period before the start.
        this.anchor = expression instanceof RateExpression rate ? base.minus(rate.period()) : base;
    }

    /** The first fire time strictly after {@code after}, if there is one. */
    @Override
    public Optional<Instant> apply(Instant after) {
        Optional<Instant> next;
        if (expression instanceof AtExpression at) {
            Instant fires = at.instant().isBefore(anchor) ? anchor : at.instant();
            next = fires.isAfter(after) ? Optional.of(fires) : Optional.empty();
        } else {
            Instant from = start != null && after.isBefore(start) ? start.minusNanos(1) : after;
            next = expression.nextFireAfter(anchor, from);
        }
        return next.filter(time -> end == null || time.isBefore(end));
    }

    /** Whether {@code fired} was the schedule's last fire time. */
    boolean isLast(Instant fired) {
        return apply(fired).isEmpty();
    }
}
