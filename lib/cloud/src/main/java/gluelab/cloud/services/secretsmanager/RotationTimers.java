package gluelab.cloud.services.secretsmanager;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.RecurringTimers;
import gluelab.cloud.provider.Scope;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The timers of secrets whose rotation is on and scheduled, on the lab clock, at the times {@link RotationSchedule}
 * gives: each fires one rotation, whether real time passes or the clock is advanced. Turning rotation on or off,
 * rotating, deleting or restoring a secret re-syncs its timer; after a restart the timers are set again from now
 * (rotations missed while Lab Cloud was down are skipped).
 */
final class RotationTimers implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RotationTimers.class.getName());

    private final AccountRegionStore<SecretsManagerState> states;
    private final Platform platform;
    private final RecurringTimers timers;
    private volatile RotationSteps steps;

    RotationTimers(Platform platform, AccountRegionStore<SecretsManagerState> states) {
        this.platform = platform;
        this.states = states;
        this.timers = new RecurringTimers(platform, SecretsManagerProvider.SERVICE, "SecretRotation");
    }

    /** What the timers run; given once both exist, since a rotation that succeeds re-syncs its secret's timer. */
    void rotateWith(RotationSteps rotationSteps) {
        this.steps = rotationSteps;
    }

    void restoreAll() {
        Instant now = platform.clock().instant();
        states.all().forEach((scope, state) -> state.secrets(now.toEpochMilli())
                .forEach(secret -> sync(scope, secret, now)));
    }

    /** Makes the secret's timer match its rotation settings, counting from when they were set or last rotated. */
    void sync(Scope scope, SecretRecord secret) {
        sync(scope, secret, RotationSchedule.anchor(secret));
    }

    private void sync(Scope scope, SecretRecord secret, Instant after) {
        if (!secret.rotationEnabled() || !secret.rotation().hasSchedule() || secret.deleted()) {
            timers.cancel(scope, secret.name());
            return;
        }
        timers.set(scope, secret.name(), after, new RotationSchedule(secret), at -> fire(scope, secret.name()));
    }

    void cancel(Scope scope, String secretName) {
        timers.cancel(scope, secretName);
    }

    private void fire(Scope scope, String secretName) {
        SecretsManagerState state = states.get(scope);
        SecretRecord secret = state.find(secretName, platform.clock().millis()).orElse(null);
        if (secret == null || secret.deleted() || !secret.rotationEnabled()) {
            return;
        }
        try {
            RotationSteps.Outcome outcome = steps.rotate(scope, secretName, null, true);
            if (outcome.succeeded()) {
                state.find(secretName, platform.clock().millis()).ifPresent(rotated -> sync(scope, rotated));
            }
        } catch (RuntimeException notStarted) {
            // A rotation already running, or a secret deleted meanwhile: this fire time passes, as on AWS.
            LOG.log(Level.FINE, "Scheduled rotation of " + secretName + " did not start: " + notStarted.getMessage());
        }
    }

    @Override
    public void close() {
        timers.close();
    }
}
