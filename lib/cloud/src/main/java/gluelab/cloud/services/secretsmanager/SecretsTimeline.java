package gluelab.cloud.services.secretsmanager;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.events.EventBus;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Json;

/**
 * What Secrets Manager did by itself, on Lab Cloud's timeline ({@code GET /_lab/events?service=secretsmanager}),
 * named as CloudTrail names these events on AWS: a rotation started, each step it invoked, and how it ended. The
 * details name the secret and the version being rotated, never a value.
 */
final class SecretsTimeline {

    static final String ROTATION_STARTED = "RotationStarted";
    static final String STEP_INVOKED = "RotationStepInvoked";
    static final String ROTATION_SUCCEEDED = "RotationSucceeded";
    static final String ROTATION_FAILED = "RotationFailed";

    private final EventBus events;

    SecretsTimeline(EventBus events) {
        this.events = events;
    }

    void started(Scope scope, SecretRecord secret, String token, boolean scheduled) {
        ObjectNode detail = detail(secret, token);
        detail.put("scheduled", scheduled);
        publish(scope, secret, ROTATION_STARTED, detail);
    }

    void stepInvoked(Scope scope, SecretRecord secret, String token, String step) {
        ObjectNode detail = detail(secret, token);
        detail.put("step", step);
        publish(scope, secret, STEP_INVOKED, detail);
    }

    void succeeded(Scope scope, SecretRecord secret, String token) {
        publish(scope, secret, ROTATION_SUCCEEDED, detail(secret, token));
    }

    void failed(Scope scope, SecretRecord secret, String token, String step, String reason) {
        ObjectNode detail = detail(secret, token);
        detail.put("step", step);
        detail.put("reason", reason);
        publish(scope, secret, ROTATION_FAILED, detail);
    }

    private static ObjectNode detail(SecretRecord secret, String token) {
        ObjectNode detail = Json.object();
        detail.put("secretArn", secret.arn());
        detail.put("versionId", token);
        detail.put("rotationLambdaARN", secret.rotation().lambdaArn());
        return detail;
    }

    private void publish(Scope scope, SecretRecord secret, String name, ObjectNode detail) {
        events.publish(scope.account(), scope.region(), SecretsManagerProvider.SERVICE, name, secret.name(), detail);
    }
}
