package gluelab.cloud.services.secretsmanager;

import java.util.List;

/**
 * One version of a secret as stored: its value (a string or bytes; neither while a rotation's AWSPENDING version
 * waits for its createSecret step), its staging labels, and when it was created and last read (epoch millis on the
 * lab clock; null for never read).
 */
record SecretVersion(String versionId, String secretString, byte[] secretBinary, List<String> stages, long created,
                     Long lastAccessed) {

    SecretVersion {
        stages = List.copyOf(stages);
    }

    boolean hasValue() {
        return secretString != null || secretBinary != null;
    }

    boolean hasStage(String stage) {
        return stages.contains(stage);
    }

    boolean sameValue(String string, byte[] binary) {
        return java.util.Objects.equals(secretString, string) && java.util.Arrays.equals(secretBinary, binary);
    }

    SecretVersion withStages(List<String> newStages) {
        return new SecretVersion(versionId, secretString, secretBinary, newStages, created, lastAccessed);
    }

    SecretVersion withValue(String string, byte[] binary) {
        return new SecretVersion(versionId, string, binary, stages, created, lastAccessed);
    }

    SecretVersion accessedAt(long day) {
        return new SecretVersion(versionId, secretString, secretBinary, stages, created, day);
    }
}
