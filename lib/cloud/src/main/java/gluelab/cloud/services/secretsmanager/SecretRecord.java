package gluelab.cloud.services.secretsmanager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A secret as stored: its name and ARN, what describes it, its versions in the order they were made, how it rotates,
 * its resource policy, and its life (epoch millis on the lab clock; {@code deletedAt} and {@code deletionDate} are
 * set while it waits out its recovery window; {@code lastAccessed} is a day, as AWS keeps it).
 *
 * @param rotationAnchor when rotation was last configured or last succeeded: what AutomaticallyAfterDays counts from
 */
record SecretRecord(String name, String arn, String description, String kmsKeyId, Map<String, String> tags,
                    Map<String, SecretVersion> versions, boolean rotationEnabled, RotationSettings rotation,
                    Long rotationAnchor, Long lastRotated, String policy, long created, long lastChanged,
                    Long lastAccessed, Long deletedAt, Long deletionDate) {

    static final String CURRENT = "AWSCURRENT";
    static final String PREVIOUS = "AWSPREVIOUS";
    static final String PENDING = "AWSPENDING";
    /** Versions without a staging label that AWS keeps; older ones are removed. */
    static final int UNLABELLED_VERSIONS_KEPT = 100;

    SecretRecord {
        tags = new LinkedHashMap<>(tags);
        versions = new LinkedHashMap<>(versions);
        rotation = rotation == null ? RotationSettings.NONE : rotation;
    }

    boolean deleted() {
        return deletedAt != null;
    }

    Optional<SecretVersion> version(String versionId) {
        return Optional.ofNullable(versions.get(versionId));
    }

    Optional<SecretVersion> withStage(String stage) {
        return versions.values().stream().filter(v -> v.hasStage(stage)).findFirst();
    }

    /** Each labelled version's labels, as VersionIdsToStages shows them. */
    Map<String, List<String>> versionIdsToStages() {
        Map<String, List<String>> stages = new LinkedHashMap<>();
        versions.values().stream().filter(v -> !v.stages().isEmpty()).forEach(v -> stages.put(v.versionId(), v.stages()));
        return stages;
    }

    /**
     * With {@code version} added (or replaced) and {@code stages} attached to it, taken from the versions that had
     * them. When AWSCURRENT moves, the version it left becomes AWSPREVIOUS, as on AWS.
     */
    SecretRecord withVersion(SecretVersion version, List<String> stages, long now) {
        Map<String, SecretVersion> changed = new LinkedHashMap<>(versions);
        changed.put(version.versionId(), version);
        SecretRecord withIt = with(changed, now);
        for (String stage : stages) {
            withIt = withIt.movingStage(stage, version.versionId(), now);
        }
        return withIt.trimmed();
    }

    /** With {@code stage} on {@code toVersion} alone (or on no version when null), AWSPREVIOUS following AWSCURRENT. */
    SecretRecord movingStage(String stage, String toVersion, long now) {
        Map<String, SecretVersion> changed = new LinkedHashMap<>();
        String leftBy = withStage(stage).map(SecretVersion::versionId).orElse(null);
        boolean currentMoves = stage.equals(CURRENT) && leftBy != null && !leftBy.equals(toVersion);
        for (SecretVersion v : versions.values()) {
            List<String> labels = new ArrayList<>(v.stages());
            labels.remove(stage);
            if (currentMoves) {
                labels.remove(PREVIOUS);
            }
            if (v.versionId().equals(toVersion)) {
                labels.add(stage);
            }
            if (currentMoves && v.versionId().equals(leftBy)) {
                labels.add(PREVIOUS);
            }
            changed.put(v.versionId(), v.withStages(labels));
        }
        return with(changed, now).trimmed();
    }

    /** Without the oldest versions that have no label, beyond what AWS keeps. */
    private SecretRecord trimmed() {
        List<String> unlabelled = versions.values().stream().filter(v -> v.stages().isEmpty())
                .map(SecretVersion::versionId).toList();
        if (unlabelled.size() <= UNLABELLED_VERSIONS_KEPT) {
            return this;
        }
        Map<String, SecretVersion> kept = new LinkedHashMap<>(versions);
        unlabelled.subList(0, unlabelled.size() - UNLABELLED_VERSIONS_KEPT).forEach(kept::remove);
        return new SecretRecord(name, arn, description, kmsKeyId, tags, kept, rotationEnabled, rotation,
                rotationAnchor, lastRotated, policy, created, lastChanged, lastAccessed, deletedAt, deletionDate);
    }

    private SecretRecord with(Map<String, SecretVersion> newVersions, long now) {
        return new SecretRecord(name, arn, description, kmsKeyId, tags, newVersions, rotationEnabled, rotation,
                rotationAnchor, lastRotated, policy, created, now, lastAccessed, deletedAt, deletionDate);
    }

    SecretRecord withoutVersion(String versionId) {
        Map<String, SecretVersion> changed = new LinkedHashMap<>(versions);
        changed.remove(versionId);
        return new SecretRecord(name, arn, description, kmsKeyId, tags, changed, rotationEnabled, rotation,
                rotationAnchor, lastRotated, policy, created, lastChanged, lastAccessed, deletedAt, deletionDate);
    }

    SecretRecord describedAs(String newDescription, String newKmsKeyId, long now) {
        return new SecretRecord(name, arn, newDescription, newKmsKeyId, tags, versions, rotationEnabled, rotation,
                rotationAnchor, lastRotated, policy, created, now, lastAccessed, deletedAt, deletionDate);
    }

    SecretRecord withTags(Map<String, String> newTags, long now) {
        return new SecretRecord(name, arn, description, kmsKeyId, newTags, versions, rotationEnabled, rotation,
                rotationAnchor, lastRotated, policy, created, now, lastAccessed, deletedAt, deletionDate);
    }

    SecretRecord withPolicy(String newPolicy, long now) {
        return new SecretRecord(name, arn, description, kmsKeyId, tags, versions, rotationEnabled, rotation,
                rotationAnchor, lastRotated, newPolicy, created, now, lastAccessed, deletedAt, deletionDate);
    }

    SecretRecord rotating(RotationSettings settings, long now) {
        return new SecretRecord(name, arn, description, kmsKeyId, tags, versions, true, settings, now, lastRotated,
                policy, created, now, lastAccessed, deletedAt, deletionDate);
    }

    SecretRecord rotationCancelled(long now) {
        return new SecretRecord(name, arn, description, kmsKeyId, tags, versions, false, rotation, rotationAnchor,
                lastRotated, policy, created, now, lastAccessed, deletedAt, deletionDate);
    }

    SecretRecord rotatedAt(long now) {
        return new SecretRecord(name, arn, description, kmsKeyId, tags, versions, rotationEnabled, rotation, now, now,
                policy, created, now, lastAccessed, deletedAt, deletionDate);
    }

    /** Read on {@code day} (midnight UTC): the secret and the version read. */
    SecretRecord accessed(String versionId, long day) {
        Map<String, SecretVersion> changed = new LinkedHashMap<>(versions);
        changed.computeIfPresent(versionId, (id, v) -> v.accessedAt(day));
        return new SecretRecord(name, arn, description, kmsKeyId, tags, changed, rotationEnabled, rotation,
                rotationAnchor, lastRotated, policy, created, lastChanged, day, deletedAt, deletionDate);
    }

    SecretRecord scheduledForDeletion(long now, long purgeAt) {
        return new SecretRecord(name, arn, description, kmsKeyId, tags, versions, rotationEnabled, rotation,
                rotationAnchor, lastRotated, policy, created, lastChanged, lastAccessed, now, purgeAt);
    }

    SecretRecord restored(long now) {
        return new SecretRecord(name, arn, description, kmsKeyId, tags, versions, rotationEnabled, rotation,
                rotationAnchor, lastRotated, policy, created, now, lastAccessed, null, null);
    }
}
