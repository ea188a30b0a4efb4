package gluelab.cloud.services.secretsmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Json;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * One rotation of a secret, as Secrets Manager runs it: it labels the new version AWSPENDING (a version without a
 * value yet, whose id is the rotation's ClientRequestToken), then invokes the rotation function synchronously once per
 * step, createSecret, setSecret, testSecret, finishSecret, as the service principal
 * {@code secretsmanager.amazonaws.com}, so the function's resource policy must admit it. The function moves the labels
 * itself (its finishSecret moves AWSCURRENT, and AWSPREVIOUS follows); Secrets Manager then checks that AWSCURRENT is on
 * the new version and takes AWSPENDING off it. A step that fails ends the rotation where it stands, AWSPENDING
 * included, and says why on the timeline. While AWSPENDING is on a version other than AWSCURRENT, a rotation is not
 * complete: a scheduled rotation reattempts it, and RotateSecret reattempts it and answers, as AWS does, that a previous
 * rotation isn't complete.
 */
final class RotationSteps {

    static final String SERVICE_PRINCIPAL = "secretsmanager.amazonaws.com";
    static final List<String> STEPS = List.of("createSecret", "setSecret", "testSecret", "finishSecret");

    /** How a rotation ended. */
    record Outcome(String versionId, boolean succeeded, String failedStep, String reason) {
    }

    private final AccountRegionStore<SecretsManagerState> states;
    private final InternalCalls internal;
    private final Clock clock;
    private final SecretsTimeline timeline;
    private final Set<String> rotating = ConcurrentHashMap.newKeySet();

    RotationSteps(AccountRegionStore<SecretsManagerState> states, InternalCalls internal, Clock clock,
                  SecretsTimeline timeline) {
        this.states = states;
        this.internal = internal;
        this.clock = clock;
        this.timeline = timeline;
    }

    /**
     * Rotates the secret with its stored function.
     *
     * @param token     the new version's id, or null for a new one (or the unfinished rotation's, which is resumed)
     * @param scheduled whether the schedule started it, not a RotateSecret call: a function the service may not invoke
     *                  is then a failed rotation, not the caller's error
     */
    Outcome rotate(Scope scope, String secretName, String token, boolean scheduled) {
        String key = scope.account() + "/" + scope.region() + "/" + secretName;
        if (!rotating.add(key)) {
            throw SecretsManagerErrors.invalidRequest("A previous rotation isn't complete. That rotation will be "
                    + "reattempted.");
        }
        try {
            return rotateExclusively(scope, secretName, token, scheduled);
        } finally {
            rotating.remove(key);
        }
    }

    private Outcome rotateExclusively(Scope scope, String secretName, String token, boolean scheduled) {
        SecretsManagerState state = states.get(scope);
        SecretRecord secret;
        String versionId;
        boolean madeVersion;
        Optional<SecretVersion> unfinished;
        synchronized (state) {
            secret = state.requireLive(secretName, clock.millis());
            unfinished = secret.withStage(SecretRecord.PENDING).filter(v -> !v.hasStage(SecretRecord.CURRENT));
            versionId = unfinished.map(SecretVersion::versionId)
                    .orElse(token != null ? SecretValues.versionId(token) : UUID.randomUUID().toString());
            madeVersion = secret.version(versionId).isEmpty();
            if (madeVersion) {
                secret = secret.withVersion(new SecretVersion(versionId, null, null, List.of(), clock.millis(), null),
                        List.of(SecretRecord.PENDING), clock.millis());
            } else if (!secret.version(versionId).get().hasStage(SecretRecord.PENDING)) {
                secret = secret.movingStage(SecretRecord.PENDING, versionId, clock.millis());
            }
            state.put(secret);
        }
        timeline.started(scope, secret, versionId, scheduled);
        Outcome outcome = runSteps(scope, state, secret, versionId, scheduled, madeVersion);
        if (unfinished.isPresent() && !scheduled) {
            throw SecretsManagerErrors.invalidRequest("A previous rotation isn't complete. That rotation will be "
                    + "reattempted.");
        }
        return outcome;
    }

    private Outcome runSteps(Scope scope, SecretsManagerState state, SecretRecord secret, String versionId,
                             boolean scheduled, boolean madeVersion) {
        String secretName = secret.name();
        String rotationToken = UUID.randomUUID().toString();
        for (String step : STEPS) {
            timeline.stepInvoked(scope, secret, versionId, step);
            Optional<String> failure;
            try {
                failure = invoke(secret, step, versionId, rotationToken);
            } catch (AwsServiceException refused) {
                String reason = refused.code() + ": " + refused.getMessage();
                timeline.failed(scope, secret, versionId, step, reason);
                if (!scheduled && step.equals(STEPS.get(0))) {
                    if (madeVersion) {
                        undo(state, secretName, versionId);
                    }
                    throw refused.code().startsWith("AccessDenied") || refused.code().contains("NotFound")
                            ? SecretsManagerErrors.cannotInvokeRotation() : refused;
                }
                return new Outcome(versionId, false, step, reason);
            }
            if (failure.isPresent()) {
                timeline.failed(scope, secret, versionId, step, failure.get());
                return new Outcome(versionId, false, step, failure.get());
            }
        }
        return finish(scope, state, secretName, versionId);
    }

    /** Invokes one step; empty when the function returned, else why it failed. */
    private Optional<String> invoke(SecretRecord secret, String step, String versionId, String rotationToken) {
        ObjectNode event = Json.object();
        event.put("Step", step);
        event.put("SecretId", secret.arn());
        event.put("ClientRequestToken", versionId);
        event.put("RotationToken", rotationToken);
        Arn function = Arn.parse(secret.rotation().lambdaArn()).orElseThrow(SecretsManagerErrors::cannotInvokeRotation);
        InvokeRequest invoke = InvokeRequest.builder()
                .functionName(function.toString())
                .invocationType(InvocationType.REQUEST_RESPONSE)
                .payload(SdkBytes.fromUtf8String(event.toString()))
                .build();
        InvokeResponse response = internal.callAsService("lambda", new Scope(function.account(), function.region()),
                SERVICE_PRINCIPAL, Arn.parse(secret.arn()).orElseThrow(), invoke);
        if (response.functionError() == null) {
            return Optional.empty();
        }
        return Optional.of(functionErrorOf(response));
    }

    /** The function's error as Lambda reported it: its type and message. */
    private static String functionErrorOf(InvokeResponse response) {
        String payload = response.payload() == null ? "" : response.payload().asUtf8String();
        try {
            JsonNode error = Json.MAPPER.readTree(payload);
            String type = error.path("errorType").asText("");
            String message = error.path("errorMessage").asText("");
            return (type.isEmpty() ? response.functionError() : type) + ": " + message;
        } catch (java.io.IOException notJson) {
            return response.functionError();
        }
    }

    /** After finishSecret: AWSCURRENT must be on the new version; AWSPENDING comes off it. */
    private Outcome finish(Scope scope, SecretsManagerState state, String secretName, String versionId) {
        SecretRecord secret;
        synchronized (state) {
            secret = state.requireLive(secretName, clock.millis());
            boolean current = secret.version(versionId).map(v -> v.hasStage(SecretRecord.CURRENT)).orElse(false);
            if (current) {
                secret = secret.movingStage(SecretRecord.PENDING, null, clock.millis()).rotatedAt(clock.millis());
                state.put(secret);
            }
        }
        boolean current = secret.version(versionId).map(v -> v.hasStage(SecretRecord.CURRENT)).orElse(false);
        if (!current) {
            String reason = "finishSecret returned, but AWSCURRENT is not on version " + versionId
                    + ": the function must move AWSCURRENT to the new version with UpdateSecretVersionStage.";
            timeline.failed(scope, secret, versionId, STEPS.get(3), reason);
            return new Outcome(versionId, false, STEPS.get(3), reason);
        }
        timeline.succeeded(scope, secret, versionId);
        return new Outcome(versionId, true, null, null);
    }

    /** Takes back the AWSPENDING version a rotation made, when its function could not be invoked at all. */
    private void undo(SecretsManagerState state, String secretName, String versionId) {
        synchronized (state) {
            state.find(secretName, clock.millis()).ifPresent(secret -> state.put(secret.withoutVersion(versionId)));
        }
    }
}
