package gluelab.cloud.services.secretsmanager;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageResponse;

/**
 * A secret's versions and their staging labels: GetSecretValue and BatchGetSecretValue read a value (by version id or
 * label, AWSCURRENT unless told), PutSecretValue adds a version (idempotent on its ClientRequestToken),
 * UpdateSecretVersionStage moves a label, ListSecretVersionIds lists the versions.
 */
public final class SecretValueOperations {

    private static final Pages.Limits LIST_VERSIONS = new Pages.Limits("maxResults", 100, 100);
    private static final Pages.Limits BATCH_GET = new Pages.Limits("maxResults", 20, 20);
    private static final int MAX_BATCH_IDS = 20;

    private final AccountRegionStore<SecretsManagerState> states;

    SecretValueOperations(AccountRegionStore<SecretsManagerState> states) {
        this.states = states;
    }

    public GetSecretValueResponse getSecretValue(RequestContext context, GetSecretValueRequest request) {
        Validation.of("InvalidParameterException").required("secretId", request.secretId())
                .length("versionId", request.versionId(), 32, 64)
                .length("versionStage", request.versionStage(), 1, 256).orThrow();
        SecretsManagerState state = states.get(context);
        synchronized (state) {
            long now = context.now().toEpochMilli();
            SecretRecord secret = state.requireLive(request.secretId(), now);
            SecretVersion version = chosen(secret, request.versionId(), request.versionStage());
            markAccessed(state, secret, version, context.now());
            return GetSecretValueResponse.builder()
                    .arn(secret.arn()).name(secret.name()).versionId(version.versionId())
                    .secretString(version.secretString())
                    .secretBinary(version.secretBinary() == null ? null : SdkBytes.fromByteArray(version.secretBinary()))
                    .versionStages(version.stages())
                    .createdDate(Instant.ofEpochMilli(version.created()))
                    .build();
        }
    }

    /** The version asked for: by id (which must carry the label too, when one is named), else by label. */
    private static SecretVersion chosen(SecretRecord secret, String versionId, String stage) {
        Optional<SecretVersion> version;
        if (versionId != null) {
            version = secret.version(versionId).filter(v -> stage == null || v.hasStage(stage));
            if (version.isEmpty() || !version.get().hasValue()) {
                throw SecretsManagerErrors.versionNotFound(versionId);
            }
            return version.get();
        }
        String label = stage == null ? SecretRecord.CURRENT : stage;
        version = secret.withStage(label).filter(SecretVersion::hasValue);
        return version.orElseThrow(() -> SecretsManagerErrors.stageNotFound(label));
    }

    /** Keeps the day a secret and its version were last read, as LastAccessedDate shows it; once a day at most. */
    private static void markAccessed(SecretsManagerState state, SecretRecord secret, SecretVersion version, Instant now) {
        long day = now.truncatedTo(ChronoUnit.DAYS).toEpochMilli();
        if (secret.lastAccessed() == null || secret.lastAccessed() != day || version.lastAccessed() == null
                || version.lastAccessed() != day) {
            state.put(secret.accessed(version.versionId(), day));
        }
    }

    public BatchGetSecretValueResponse batchGetSecretValue(RequestContext context, BatchGetSecretValueRequest request) {
        boolean byIds = request.hasSecretIdList();
        boolean byFilters = request.hasFilters();
        if (byIds == byFilters) {
            throw SecretsManagerErrors.invalidParameter("Either 'SecretIdList' or 'Filters' must be provided, but "
                    + "not both.");
        }
        List<String> ids;
        String nextToken = null;
        if (byIds) {
            Validation.of("InvalidParameterException").size("secretIdList", request.secretIdList(), 1, MAX_BATCH_IDS)
                    .orThrow();
            if (request.maxResults() != null) {
                throw SecretsManagerErrors.invalidParameter("'MaxResults' can only be used with 'Filters'.");
            }
            ids = request.secretIdList();
        } else {
            SecretFilters filters = SecretFilters.of(request.filters());
            List<SecretRecord> matching = states.get(context).secrets(context.now().toEpochMilli()).stream()
                    .filter(secret -> !secret.deleted()).filter(filters::matches).toList();
            Pages.Page<SecretRecord> page = SecretsManagerProvider.PAGES.page(matching, SecretRecord::name,
                    request.nextToken(), request.maxResults(), BATCH_GET);
            ids = page.items().stream().map(SecretRecord::arn).toList();
            nextToken = page.nextToken();
        }
        List<SecretValueEntry> values = new ArrayList<>();
        List<APIErrorType> errors = new ArrayList<>();
        for (String id : ids) {
            try {
                GetSecretValueResponse value = getSecretValue(context, GetSecretValueRequest.builder().secretId(id).build());
                values.add(SecretValueEntry.builder().arn(value.arn()).name(value.name()).versionId(value.versionId())
                        .secretString(value.secretString()).secretBinary(value.secretBinary())
                        .versionStages(value.versionStages()).createdDate(value.createdDate()).build());
            } catch (AwsServiceException failed) {
                errors.add(APIErrorType.builder().secretId(id).errorCode(failed.code()).message(failed.getMessage())
                        .build());
            }
        }
        return BatchGetSecretValueResponse.builder().secretValues(values).errors(errors).nextToken(nextToken).build();
    }

    public PutSecretValueResponse putSecretValue(RequestContext context, PutSecretValueRequest request) {
        Validation.of("InvalidParameterException").required("secretId", request.secretId()).orThrow();
        byte[] binary = SecretValues.binary(request.secretString(), request.secretBinary());
        if (request.secretString() == null && binary == null) {
            throw SecretsManagerErrors.invalidParameter("You must provide either SecretString or SecretBinary.");
        }
        String versionId = SecretValues.versionId(request.clientRequestToken());
        List<String> stages = SecretValues.stages(request.versionStages(), request.hasVersionStages());
        long now = context.now().toEpochMilli();
        SecretsManagerState state = states.get(context);
        synchronized (state) {
            SecretRecord secret = state.requireLive(request.secretId(), now);
            SecretRecord changed = withValue(secret, versionId, request.secretString(), binary, stages, now);
            state.put(changed);
            return PutSecretValueResponse.builder().arn(changed.arn()).name(changed.name()).versionId(versionId)
                    .versionStages(changed.version(versionId).orElseThrow().stages()).build();
        }
    }

    /**
     * The secret with a value as version {@code versionId}, labelled {@code stages}: a new version, or the value of a
     * version that has none yet (AWSPENDING, made when a rotation starts); the same value again changes nothing,
     * another value is ResourceExistsException.
     */
    static SecretRecord withValue(SecretRecord secret, String versionId, String string, byte[] binary,
                                  List<String> stages, long now) {
        Optional<SecretVersion> existing = secret.version(versionId);
        if (existing.isPresent() && existing.get().hasValue()) {
            if (existing.get().sameValue(string, binary)) {
                return secret;
            }
            throw SecretsManagerErrors.versionExists();
        }
        SecretVersion version = existing.map(v -> v.withValue(string, binary))
                .orElse(new SecretVersion(versionId, string, binary, List.of(), now, null));
        return secret.withVersion(version, stages, now);
    }

    public UpdateSecretVersionStageResponse updateSecretVersionStage(RequestContext context,
                                                                     UpdateSecretVersionStageRequest request) {
        Validation.of("InvalidParameterException").required("secretId", request.secretId())
                .required("versionStage", request.versionStage())
                .length("versionStage", request.versionStage(), 1, 256)
                .length("removeFromVersionId", request.removeFromVersionId(), 32, 64)
                .length("moveToVersionId", request.moveToVersionId(), 32, 64).orThrow();
        String stage = request.versionStage();
        String from = request.removeFromVersionId();
        String to = request.moveToVersionId();
        long now = context.now().toEpochMilli();
        SecretsManagerState state = states.get(context);
        synchronized (state) {
            SecretRecord secret = state.requireLive(request.secretId(), now);
            String holder = secret.withStage(stage).map(SecretVersion::versionId).orElse(null);
            if (to != null && secret.version(to).isEmpty()) {
                throw SecretsManagerErrors.versionNotFound(to);
            }
            if (from != null && !from.equals(holder)) {
                throw SecretsManagerErrors.invalidParameter("The parameter RemoveFromVersionId doesn't match the "
                        + "current version that the staging label " + stage + " is attached to.");
            }
            if (to != null && holder != null && !holder.equals(to) && from == null) {
                throw SecretsManagerErrors.invalidParameter("The staging label " + stage + " is currently attached to "
                        + "version " + holder + ". You must specify the RemoveFromVersionId parameter to move the "
                        + "label from that version.");
            }
            if (to == null && stage.equals(SecretRecord.CURRENT)) {
                throw SecretsManagerErrors.invalidParameter("You can only move staging label AWSCURRENT to a "
                        + "different secret version. It can't be completely removed.");
            }
            state.put(secret.movingStage(stage, to, now));
            return UpdateSecretVersionStageResponse.builder().arn(secret.arn()).name(secret.name()).build();
        }
    }

    public ListSecretVersionIdsResponse listSecretVersionIds(RequestContext context,
                                                             ListSecretVersionIdsRequest request) {
        Validation.of("InvalidParameterException").required("secretId", request.secretId()).orThrow();
        SecretRecord secret = states.get(context).requireLive(request.secretId(), context.now().toEpochMilli());
        boolean deprecatedToo = Boolean.TRUE.equals(request.includeDeprecated());
        java.util.function.Function<SecretVersion, String> key = v -> String.format("%020d/%s", v.created(),
                v.versionId());
        List<SecretVersion> versions = secret.versions().values().stream()
                .filter(v -> deprecatedToo || !v.stages().isEmpty())
                .sorted(java.util.Comparator.comparing(key)).toList();
        Pages.Page<SecretVersion> page = SecretsManagerProvider.PAGES.page(versions, key, request.nextToken(),
                request.maxResults(), LIST_VERSIONS);
        return ListSecretVersionIdsResponse.builder()
                .arn(secret.arn()).name(secret.name()).nextToken(page.nextToken())
                .versions(page.items().stream().map(v -> SecretVersionsListEntry.builder()
                        .versionId(v.versionId())
                        .versionStages(v.stages().isEmpty() ? null : v.stages())
                        .createdDate(Instant.ofEpochMilli(v.created()))
                        .lastAccessedDate(v.lastAccessed() == null ? null : Instant.ofEpochMilli(v.lastAccessed()))
                        .kmsKeyIds(secret.kmsKeyId() == null ? null : List.of(secret.kmsKeyId()))
                        .build()).toList())
                .build();
    }
}
