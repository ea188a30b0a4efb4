package gluelab.cloud.services.secretsmanager;

import gluelab.cloud.schedule.ScheduleExpression;
import gluelab.cloud.schedule.ScheduleExpressionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * When a secret's scheduled rotation is due: every {@code AutomaticallyAfterDays} days counted from when rotation was
 * configured or last succeeded, or at the times its {@code rate(...)}/{@code cron(...)} expression selects (in UTC).
 * Lab Cloud rotates at the start of each rotation window.
 */
final class RotationSchedule implements Function<Instant, Optional<Instant>> {

    private final RotationSettings settings;
    private final Instant anchor;
    private final ScheduleExpression expression;

    RotationSchedule(SecretRecord secret) {
        this.settings = secret.rotation();
        this.anchor = anchor(secret);
        this.expression = settings.scheduleExpression() == null ? null : parse(settings.scheduleExpression());
    }

    /** What the schedule counts from: when rotation was last configured or last succeeded. */
    static Instant anchor(SecretRecord secret) {
        return Instant.ofEpochMilli(secret.rotationAnchor() == null ? secret.created() : secret.rotationAnchor());
    }

    /** The expression, or InvalidParameterException in AWS's way when it is not one. */
    static ScheduleExpression parse(String text) {
        try {
            return ScheduleExpression.parse(text);
        } catch (ScheduleExpressionException invalid) {
            throw SecretsManagerErrors.invalidParameter("Invalid ScheduleExpression format: " + invalid.getMessage());
        }
    }

    /** The first rotation strictly after {@code after}, if the secret has a schedule. */
    @Override
    public Optional<Instant> apply(Instant after) {
        if (settings.automaticallyAfterDays() != null) {
            Duration period = Duration.ofDays(settings.automaticallyAfterDays());
            Instant next = anchor.plus(period);
            while (!next.isAfter(after)) {
                next = next.plus(period);
            }
            return Optional.of(next);
        }
        if (expression != null) {
            return expression.nextFireAfter(anchor, after);
        }
        return Optional.empty();
    }
}
