package gluelab.cloud.services.secretsmanager;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.SortByType;
import software.amazon.awssdk.services.secretsmanager.model.SortOrderType;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretResponse;

/**
 * Secrets themselves: CreateSecret (with its first version, idempotent on its ClientRequestToken), DescribeSecret,
 * UpdateSecret, ListSecrets, and DeleteSecret with a recovery window on the lab clock, undone by RestoreSecret.
 */
public final class SecretOperations {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]+");
    private static final String ARN_SUFFIX_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pages.Limits LIST_SECRETS = new Pages.Limits("maxResults", 100, 100);

    private final AccountRegionStore<SecretsManagerState> states;
    private final RotationTimers timers;
    private final SecureRandom random = new SecureRandom();

    SecretOperations(AccountRegionStore<SecretsManagerState> states, RotationTimers timers) {
        this.states = states;
        this.timers = timers;
    }

    public CreateSecretResponse createSecret(RequestContext context, CreateSecretRequest request) {
        Validation.of("InvalidParameterException").required("name", request.name())
                .length("name", request.name(), 1, 512)
                .length("description", request.description(), 0, 2048)
                .length("kmsKeyId", request.kmsKeyId(), 0, 2048)
                .orThrow();
        if (!NAME.matcher(request.name()).matches()) {
            throw SecretsManagerErrors.invalidParameter("Invalid name. Must be a valid name containing alphanumeric "
                    + "characters, or any of the following: -/_+=.@!");
        }
        byte[] binary = SecretValues.binary(request.secretString(), request.secretBinary());
        boolean hasValue = request.secretString() != null || binary != null;
        String versionId = SecretValues.versionId(request.clientRequestToken());
        Map<String, String> tags = SecretTagOperations.checked(new LinkedHashMap<>(),
                request.hasTags() ? request.tags() : List.of());
        long now = context.now().toEpochMilli();
        SecretsManagerState state = states.get(context);
        synchronized (state) {
            Optional<SecretRecord> existing = state.byName(request.name(), now);
            if (existing.isPresent()) {
                SecretRecord secret = existing.get();
                if (secret.deleted()) {
                    throw SecretsManagerErrors.invalidRequest("You can't create this secret because a secret with "
                            + "this name is already scheduled for deletion.");
                }
                Optional<SecretVersion> same = secret.version(versionId);
                if (same.isPresent() && same.get().sameValue(request.secretString(), binary)) {
                    return CreateSecretResponse.builder().arn(secret.arn()).name(secret.name()).versionId(versionId)
                            .build();
                }
                throw same.isPresent() ? SecretsManagerErrors.versionExists()
                        : SecretsManagerErrors.secretExists(request.name());
            }
            String arn = Arn.in(context.scope(), "secretsmanager", "secret:" + request.name() + "-" + arnSuffix())
                    .toString();
            SecretRecord secret = new SecretRecord(request.name(), arn, request.description(), request.kmsKeyId(),
                    tags, Map.of(), false, RotationSettings.NONE, null, null, null, now, now, null, null, null);
            if (hasValue) {
                secret = secret.withVersion(new SecretVersion(versionId, request.secretString(), binary, List.of(),
                        now, null), List.of(SecretRecord.CURRENT), now);
            }
            state.put(secret);
            return CreateSecretResponse.builder().arn(arn).name(secret.name())
                    .versionId(hasValue ? versionId : null).build();
        }
    }

    /** Six random letters and digits, as AWS appends to a secret's name in its ARN. */
    private String arnSuffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            suffix.append(ARN_SUFFIX_CHARACTERS.charAt(random.nextInt(ARN_SUFFIX_CHARACTERS.length())));
        }
        return suffix.toString();
    }

    public DescribeSecretResponse describeSecret(RequestContext context, DescribeSecretRequest request) {
        Validation.of("InvalidParameterException").required("secretId", request.secretId()).orThrow();
        return SecretViews.describe(states.get(context).require(request.secretId(), context.now().toEpochMilli()));
    }

    public UpdateSecretResponse updateSecret(RequestContext context, UpdateSecretRequest request) {
        Validation.of("InvalidParameterException").required("secretId", request.secretId())
                .length("description", request.description(), 0, 2048)
                .length("kmsKeyId", request.kmsKeyId(), 0, 2048)
                .orThrow();
        byte[] binary = SecretValues.binary(request.secretString(), request.secretBinary());
        boolean hasValue = request.secretString() != null || binary != null;
        long now = context.now().toEpochMilli();
        SecretsManagerState state = states.get(context);
        synchronized (state) {
            SecretRecord secret = state.requireLive(request.secretId(), now);
            if (request.description() != null || request.kmsKeyId() != null) {
                secret = secret.describedAs(request.description() != null ? request.description() : secret.description(),
                        request.kmsKeyId() != null ? request.kmsKeyId() : secret.kmsKeyId(), now);
            }
            String versionId = null;
            if (hasValue) {
                versionId = SecretValues.versionId(request.clientRequestToken());
                secret = SecretValueOperations.withValue(secret, versionId, request.secretString(), binary,
                        List.of(SecretRecord.CURRENT), now);
            }
            state.put(secret);
            return UpdateSecretResponse.builder().arn(secret.arn()).name(secret.name()).versionId(versionId).build();
        }
    }

    public DeleteSecretResponse deleteSecret(RequestContext context, DeleteSecretRequest request) {
        Validation.of("InvalidParameterException").required("secretId", request.secretId()).orThrow();
        boolean force = Boolean.TRUE.equals(request.forceDeleteWithoutRecovery());
        if (force && request.recoveryWindowInDays() != null) {
            throw SecretsManagerErrors.invalidParameter("You can't use ForceDeleteWithoutRecovery in conjunction with "
                    + "RecoveryWindowInDays.");
        }
        long days = request.recoveryWindowInDays() == null ? 30 : request.recoveryWindowInDays();
        if (!force && (days < 7 || days > 30)) {
            throw SecretsManagerErrors.invalidParameter("The RecoveryWindowInDays value must be between 7 and 30 days "
                    + "(inclusive).");
        }
        long now = context.now().toEpochMilli();
        SecretsManagerState state = states.get(context);
        SecretRecord secret;
        long purgeAt;
        synchronized (state) {
            secret = state.require(request.secretId(), now);
            if (force) {
                purgeAt = now;
                state.remove(secret.name());
            } else {
                if (secret.deleted()) {
                    throw SecretsManagerErrors.markedForDeletion();
                }
                purgeAt = now + Duration.ofDays(days).toMillis();
                state.put(secret.scheduledForDeletion(now, purgeAt));
            }
        }
        timers.cancel(state.scope, secret.name());
        return DeleteSecretResponse.builder().arn(secret.arn()).name(secret.name())
                .deletionDate(Instant.ofEpochMilli(purgeAt)).build();
    }

    public RestoreSecretResponse restoreSecret(RequestContext context, RestoreSecretRequest request) {
        Validation.of("InvalidParameterException").required("secretId", request.secretId()).orThrow();
        long now = context.now().toEpochMilli();
        SecretsManagerState state = states.get(context);
        SecretRecord restored;
        synchronized (state) {
            SecretRecord secret = state.require(request.secretId(), now);
            restored = secret.deleted() ? secret.restored(now) : secret;
            state.put(restored);
        }
        timers.sync(state.scope, restored);
        return RestoreSecretResponse.builder().arn(restored.arn()).name(restored.name()).build();
    }

    public ListSecretsResponse listSecrets(RequestContext context, ListSecretsRequest request) {
        SecretFilters filters = SecretFilters.of(request.hasFilters() ? request.filters() : List.of());
        boolean withDeleted = Boolean.TRUE.equals(request.includePlannedDeletion());
        SortByType sortBy = request.sortBy() == null ? SortByType.CREATED_DATE : request.sortBy();
        boolean ascending = request.sortOrder() == SortOrderType.ASC;
        List<SecretRecord> matching = states.get(context).secrets(context.now().toEpochMilli()).stream()
                .filter(secret -> withDeleted || !secret.deleted())
                .filter(filters::matches)
                .toList();
        Comparator<String> order = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        List<SecretRecord> sorted = matching.stream()
                .sorted(Comparator.comparing((SecretRecord secret) -> sortKey(secret, sortBy), order)).toList();
        Pages.Page<SecretRecord> page = SecretsManagerProvider.PAGES.page(sorted, secret -> sortKey(secret, sortBy),
                order, request.nextToken(), request.maxResults(), LIST_SECRETS);
        return ListSecretsResponse.builder()
                .secretList(page.items().stream().map(SecretViews::listEntry).toList())
                .nextToken(page.nextToken())
                .build();
    }

    /** A key that orders secrets as asked, and is unique (the name breaks ties). */
    private static String sortKey(SecretRecord secret, SortByType sortBy) {
        return switch (sortBy) {
            case NAME -> secret.name();
            case LAST_CHANGED_DATE -> String.format("%020d/%s", secret.lastChanged(), secret.name());
            case LAST_ACCESSED_DATE -> String.format("%020d/%s",
                    secret.lastAccessed() == null ? 0 : secret.lastAccessed(), secret.name());
            default -> String.format("%020d/%s", secret.created(), secret.name());
        };
    }
}
