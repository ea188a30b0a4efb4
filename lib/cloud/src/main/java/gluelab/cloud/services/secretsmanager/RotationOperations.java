package gluelab.cloud.services.secretsmanager;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.secretsmanager.model.CancelRotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CancelRotateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.RotationRulesType;

/**
 * Rotation: RotateSecret stores the function and the rules (or re-uses the stored ones when given none), turns
 * rotation on, schedules it on the lab clock, and unless {@code RotateImmediately} is false rotates at once
 * ({@link RotationSteps}); CancelRotateSecret turns it off.
 *
 * <p>Where Lab Cloud differs from AWS: the rotation has run when RotateSecret answers (AWS runs it after); with
 * {@code RotateImmediately} false AWS also test-runs the function's testSecret step, Lab Cloud does not.
 */
public final class RotationOperations {

    private static final Pattern DURATION = Pattern.compile("([1-9]|1[0-9]|2[0-4])h");

    private final AccountRegionStore<SecretsManagerState> states;
    private final RotationSteps steps;
    private final RotationTimers timers;

    RotationOperations(AccountRegionStore<SecretsManagerState> states, RotationSteps steps, RotationTimers timers) {
        this.states = states;
        this.steps = steps;
        this.timers = timers;
    }

    public RotateSecretResponse rotateSecret(RequestContext context, RotateSecretRequest request) {
        Validation.of("InvalidParameterException").required("secretId", request.secretId())
                .length("rotationLambdaARN", request.rotationLambdaARN(), 0, 2048)
                .length("clientRequestToken", request.clientRequestToken(), 32, 64).orThrow();
        RotationRulesType rules = request.rotationRules();
        if (rules != null) {
            checkRules(rules);
        }
        long now = context.now().toEpochMilli();
        SecretsManagerState state = states.get(context);
        SecretRecord secret;
        synchronized (state) {
            secret = state.requireLive(request.secretId(), now);
            RotationSettings stored = secret.rotation();
            String lambdaArn = request.rotationLambdaARN() != null ? request.rotationLambdaARN() : stored.lambdaArn();
            if (lambdaArn == null || lambdaArn.isEmpty()) {
                throw SecretsManagerErrors.invalidRequest("No Lambda rotation function ARN is associated with this "
                        + "secret.");
            }
            RotationSettings settings = rules == null ? new RotationSettings(lambdaArn,
                    stored.automaticallyAfterDays(), stored.scheduleExpression(), stored.duration())
                    : new RotationSettings(lambdaArn, rules.automaticallyAfterDays(), rules.scheduleExpression(),
                    rules.duration());
            secret = secret.rotating(settings, now);
            state.put(secret);
        }
        timers.sync(state.scope, secret);
        if (Boolean.FALSE.equals(request.rotateImmediately())) {
            return RotateSecretResponse.builder().arn(secret.arn()).name(secret.name()).build();
        }
        RotationSteps.Outcome outcome = steps.rotate(state.scope, secret.name(), request.clientRequestToken(), false);
        if (outcome.succeeded()) {
            state.find(secret.name(), context.now().toEpochMilli()).ifPresent(rotated -> timers.sync(state.scope, rotated));
        }
        return RotateSecretResponse.builder().arn(secret.arn()).name(secret.name()).versionId(outcome.versionId())
                .build();
    }

    private static void checkRules(RotationRulesType rules) {
        Validation.of("InvalidParameterException")
                .range("rotationRules.automaticallyAfterDays", rules.automaticallyAfterDays(), 1, 1000)
                .length("rotationRules.scheduleExpression", rules.scheduleExpression(), 1, 256)
                .length("rotationRules.duration", rules.duration(), 2, 3).orThrow();
        if (rules.automaticallyAfterDays() != null && rules.scheduleExpression() != null) {
            throw SecretsManagerErrors.invalidParameter("You can't specify both AutomaticallyAfterDays and "
                    + "ScheduleExpression in the same rotation rules.");
        }
        if (rules.scheduleExpression() != null) {
            RotationSchedule.parse(rules.scheduleExpression());
        }
        if (rules.duration() != null && !DURATION.matcher(rules.duration()).matches()) {
            throw SecretsManagerErrors.invalidParameter("The rotation window Duration must be between 1h and 24h.");
        }
    }

    public CancelRotateSecretResponse cancelRotateSecret(RequestContext context, CancelRotateSecretRequest request) {
        Validation.of("InvalidParameterException").required("secretId", request.secretId()).orThrow();
        long now = context.now().toEpochMilli();
        SecretsManagerState state = states.get(context);
        SecretRecord secret;
        synchronized (state) {
            secret = state.requireLive(request.secretId(), now).rotationCancelled(now);
            state.put(secret);
        }
        timers.cancel(state.scope, secret.name());
        String pending = secret.withStage(SecretRecord.PENDING).filter(v -> !v.hasStage(SecretRecord.CURRENT))
                .map(SecretVersion::versionId).orElse(null);
        return CancelRotateSecretResponse.builder().arn(secret.arn()).name(secret.name()).versionId(pending).build();
    }
}
