package gluelab.cloud.services.secretsmanager;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.RotationRulesType;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/** A stored secret as DescribeSecret and ListSecrets show it: everything about it but its value. */
final class SecretViews {

    private SecretViews() {
    }

    static DescribeSecretResponse describe(SecretRecord secret) {
        return DescribeSecretResponse.builder()
                .arn(secret.arn())
                .name(secret.name())
                .description(secret.description())
                .kmsKeyId(secret.kmsKeyId())
                .rotationEnabled(secret.rotationEnabled() ? true : null)
                .rotationLambdaARN(secret.rotation().lambdaArn())
                .rotationRules(rules(secret.rotation()))
                .lastRotatedDate(instant(secret.lastRotated()))
                .lastChangedDate(instant(secret.lastChanged()))
                .lastAccessedDate(instant(secret.lastAccessed()))
                .deletedDate(instant(secret.deletedAt()))
                .nextRotationDate(nextRotation(secret))
                .tags(tags(secret))
                .versionIdsToStages(secret.deleted() ? null : secret.versionIdsToStages())
                .createdDate(Instant.ofEpochMilli(secret.created()))
                .build();
    }

    static SecretListEntry listEntry(SecretRecord secret) {
        DescribeSecretResponse described = describe(secret);
        return SecretListEntry.builder()
                .arn(described.arn())
                .name(described.name())
                .description(described.description())
                .kmsKeyId(described.kmsKeyId())
                .rotationEnabled(described.rotationEnabled())
                .rotationLambdaARN(described.rotationLambdaARN())
                .rotationRules(described.rotationRules())
                .lastRotatedDate(described.lastRotatedDate())
                .lastChangedDate(described.lastChangedDate())
                .lastAccessedDate(described.lastAccessedDate())
                .deletedDate(described.deletedDate())
                .nextRotationDate(described.nextRotationDate())
                .tags(described.hasTags() ? described.tags() : null)
                .secretVersionsToStages(secret.versionIdsToStages())
                .createdDate(described.createdDate())
                .build();
    }

    static List<Tag> tags(SecretRecord secret) {
        return secret.tags().isEmpty() ? null : secret.tags().entrySet().stream()
                .map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build()).toList();
    }

    static RotationRulesType rules(RotationSettings settings) {
        if (!settings.hasSchedule() && settings.duration() == null) {
            return null;
        }
        return RotationRulesType.builder()
                .automaticallyAfterDays(settings.automaticallyAfterDays())
                .scheduleExpression(settings.scheduleExpression())
                .duration(settings.duration())
                .build();
    }

    /** When the next scheduled rotation is due, while rotation is on and has a schedule. */
    static Instant nextRotation(SecretRecord secret) {
        if (!secret.rotationEnabled() || !secret.rotation().hasSchedule() || secret.deleted()) {
            return null;
        }
        return new RotationSchedule(secret).apply(RotationSchedule.anchor(secret)).orElse(null);
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
