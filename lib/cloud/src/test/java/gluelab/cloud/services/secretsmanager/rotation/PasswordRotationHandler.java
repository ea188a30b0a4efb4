package gluelab.cloud.services.secretsmanager.rotation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * A rotation function as AWS's templates write one, calling Secrets Manager back with a plain SDK client configured by
 * its environment: createSecret puts a new password as AWSPENDING, setSecret would set it in the database (here it
 * only checks the pending value exists), testSecret reads it back, finishSecret moves AWSCURRENT to it. The secret's
 * value may ask it to misbehave, for the failure tests: {@code "failAt": "<step>"} throws in that step, and
 * {@code "forgetToFinish": true} returns from finishSecret without moving AWSCURRENT. It logs steps, never values.
 */
public class PasswordRotationHandler implements RequestHandler<Map<String, String>, String> {

    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        String step = event.get("Step");
        String arn = event.get("SecretId");
        String token = event.get("ClientRequestToken");
        context.getLogger().log("rotation step " + step + " for version " + token);
        try (SecretsManagerClient sm = SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            Map<String, List<String>> versions = sm.describeSecret(r -> r.secretId(arn)).versionIdsToStages();
            if (!versions.containsKey(token) || !versions.get(token).contains("AWSPENDING")
                    && !versions.get(token).contains("AWSCURRENT")) {
                throw new IllegalStateException("Secret version " + token + " has no stage for rotation");
            }
            String current = sm.getSecretValue(r -> r.secretId(arn).versionStage("AWSCURRENT")).secretString();
            if (current.contains("\"failAt\":\"" + step + "\"")) {
                throw new IllegalStateException(step + " failed as the secret asked");
            }
            switch (step) {
                case "createSecret" -> createSecret(sm, arn, token, current, event.get("RotationToken"));
                case "setSecret", "testSecret" -> sm.getSecretValue(r -> r.secretId(arn).versionId(token)
                        .versionStage("AWSPENDING"));
                case "finishSecret" -> {
                    if (!current.contains("\"forgetToFinish\":true")) {
                        finishSecret(sm, arn, token, versions);
                    }
                }
                default -> throw new IllegalArgumentException("Invalid step parameter " + step);
            }
        }
        return null;
    }

    private static void createSecret(SecretsManagerClient sm, String arn, String token, String current,
                                     String rotationToken) {
        try {
            sm.getSecretValue(r -> r.secretId(arn).versionId(token).versionStage("AWSPENDING"));
        } catch (ResourceNotFoundException none) {
            String password = sm.getRandomPassword(r -> r.excludeCharacters("\"\\")).randomPassword();
            String next = current.replaceAll("\"password\":\"[^\"]*\"",
                    java.util.regex.Matcher.quoteReplacement("\"password\":\"" + password + "\""));
            sm.putSecretValue(r -> r.secretId(arn).clientRequestToken(token).secretString(next)
                    .versionStages("AWSPENDING").rotationToken(rotationToken));
        }
    }

    private static void finishSecret(SecretsManagerClient sm, String arn, String token,
                                     Map<String, List<String>> versions) {
        String current = versions.entrySet().stream().filter(v -> v.getValue().contains("AWSCURRENT"))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (token.equals(current)) {
            return;
        }
        sm.updateSecretVersionStage(r -> r.secretId(arn).versionStage("AWSCURRENT").moveToVersionId(token)
                .removeFromVersionId(current));
    }
}
