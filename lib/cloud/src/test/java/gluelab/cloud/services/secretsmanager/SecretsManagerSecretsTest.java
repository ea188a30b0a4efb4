package gluelab.cloud.services.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * Secrets, their versions and labels, as AWS Secrets Manager keeps them, through the AWS SDK: create, read by name,
 * ARN or partial ARN, version or label; new versions moving AWSCURRENT and AWSPREVIOUS; tags, filters, policies,
 * random passwords, and deletion with a recovery window on the lab clock.
 */
class SecretsManagerSecretsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static SecretsManagerClient client() {
        return cloud.client(SecretsManagerClient.builder());
    }

    private static void assertError(Runnable call, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SecretsManagerException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).contains(message);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }

    @Test
    void aCreatedSecretIsReadByNameFullArnOrPartialArnAndItsArnEndsInSixRandomCharacters() {
        try (SecretsManagerClient sm = client()) {
            CreateSecretResponse created = sm.createSecret(r -> r.name("app/db").secretString("{\"password\":\"p1\"}")
                    .description("the app's database").kmsKeyId("alias/app"));
            assertThat(created.arn()).matches("arn:aws:secretsmanager:us-east-1:000000000000:secret:app/db-[A-Za-z0-9]{6}");
            for (String id : List.of("app/db", created.arn(), "arn:aws:secretsmanager:us-east-1:000000000000:secret:app/db")) {
                GetSecretValueResponse value = sm.getSecretValue(r -> r.secretId(id));
                assertThat(value.secretString()).isEqualTo("{\"password\":\"p1\"}");
                assertThat(value.versionId()).isEqualTo(created.versionId());
                assertThat(value.versionStages()).containsExactly("AWSCURRENT");
                assertThat(value.arn()).isEqualTo(created.arn());
            }
            DescribeSecretResponse described = sm.describeSecret(r -> r.secretId("app/db"));
            assertThat(described.description()).isEqualTo("the app's database");
            assertThat(described.kmsKeyId()).isEqualTo("alias/app");
            assertThat(described.versionIdsToStages()).isEqualTo(Map.of(created.versionId(), List.of("AWSCURRENT")));
            Instant today = LabAdmin.now(cloud).truncatedTo(ChronoUnit.DAYS);
            assertThat(described.lastAccessedDate()).isEqualTo(today);
            assertThat(sm.createSecret(r -> r.name("app/db2").secretString("x")).arn()).isNotEqualTo(created.arn());

            assertError(() -> sm.getSecretValue(r -> r.secretId("app/nothing")), "ResourceNotFoundException",
                    "Secrets Manager can't find the specified secret.");
            assertError(() -> sm.getSecretValue(r -> r.secretId(created.arn().replaceAll(".{6}$", "zzzzzz"))),
                    "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        }
    }

    @Test
    void theSameClientRequestTokenWithTheSameValueIsTheSameAnswerAndWithAnotherValueResourceExists() {
        try (SecretsManagerClient sm = client()) {
            String token = UUID.randomUUID().toString();
            CreateSecretResponse first = sm.createSecret(r -> r.name("idem").secretString("v1").clientRequestToken(token));
            CreateSecretResponse again = sm.createSecret(r -> r.name("idem").secretString("v1").clientRequestToken(token));
            assertThat(again.arn()).isEqualTo(first.arn());
            assertThat(again.versionId()).isEqualTo(token);
            assertError(() -> sm.createSecret(r -> r.name("idem").secretString("v2").clientRequestToken(token)),
                    "ResourceExistsException", "You can't modify an existing version");
            assertError(() -> sm.createSecret(r -> r.name("idem").secretString("v1")), "ResourceExistsException",
                    "The operation failed because the secret idem already exists.");

            String putToken = UUID.randomUUID().toString();
            sm.putSecretValue(r -> r.secretId("idem").secretString("v2").clientRequestToken(putToken));
            assertThat(sm.putSecretValue(r -> r.secretId("idem").secretString("v2").clientRequestToken(putToken))
                    .versionStages()).containsExactly("AWSCURRENT");
            assertError(() -> sm.putSecretValue(r -> r.secretId("idem").secretString("v3").clientRequestToken(putToken)),
                    "ResourceExistsException", "You can't modify an existing version, you can only create a new version.");
            assertThat(sm.listSecretVersionIds(r -> r.secretId("idem")).versions()).hasSize(2);
        }
    }

    @Test
    void aNewValueMovesAwsCurrentAndTheOldVersionBecomesAwsPreviousAndLabelsCanBeMoved() {
        try (SecretsManagerClient sm = client()) {
            String v1 = sm.createSecret(r -> r.name("labels").secretString("one")).versionId();
            String v2 = sm.putSecretValue(r -> r.secretId("labels").secretString("two")).versionId();
            assertThat(sm.describeSecret(r -> r.secretId("labels")).versionIdsToStages())
                    .isEqualTo(Map.of(v1, List.of("AWSPREVIOUS"), v2, List.of("AWSCURRENT")));
            assertThat(sm.getSecretValue(r -> r.secretId("labels").versionStage("AWSPREVIOUS")).secretString())
                    .isEqualTo("one");
            assertThat(sm.getSecretValue(r -> r.secretId("labels").versionId(v1)).secretString()).isEqualTo("one");

            String v3 = sm.putSecretValue(r -> r.secretId("labels").secretString("three").versionStages("AWSPENDING"))
                    .versionId();
            assertThat(sm.getSecretValue(r -> r.secretId("labels")).secretString()).isEqualTo("two");
            assertThat(sm.getSecretValue(r -> r.secretId("labels").versionStage("AWSPENDING")).secretString())
                    .isEqualTo("three");

            assertError(() -> sm.updateSecretVersionStage(r -> r.secretId("labels").versionStage("AWSCURRENT")
                    .moveToVersionId(v3)), "InvalidParameterException", "RemoveFromVersionId");
            assertError(() -> sm.updateSecretVersionStage(r -> r.secretId("labels").versionStage("AWSCURRENT")
                    .removeFromVersionId(v2)), "InvalidParameterException", "It can't be completely removed.");
            sm.updateSecretVersionStage(r -> r.secretId("labels").versionStage("AWSCURRENT").moveToVersionId(v3)
                    .removeFromVersionId(v2));
            assertThat(sm.describeSecret(r -> r.secretId("labels")).versionIdsToStages())
                    .isEqualTo(Map.of(v2, List.of("AWSPREVIOUS"), v3, List.of("AWSPENDING", "AWSCURRENT")));
            assertThat(sm.listSecretVersionIds(r -> r.secretId("labels")).versions()).hasSize(2);
            assertThat(sm.listSecretVersionIds(r -> r.secretId("labels").includeDeprecated(true)).versions())
                    .extracting(v -> v.versionId()).containsExactly(v1, v2, v3);
            assertError(() -> sm.getSecretValue(r -> r.secretId("labels").versionStage("NOPE")),
                    "ResourceNotFoundException", "Secrets Manager can't find the specified secret value for staging label: NOPE");
        }
    }

    @Test
    void binarySecretsUpdatesAndBadValuesAreAnsweredWithoutEchoingTheValue() {
        try (SecretsManagerClient sm = client()) {
            SdkBytes key = SdkBytes.fromByteArray(new byte[] {1, 2, 3, 0, -1});
            sm.createSecret(r -> r.name("binary").secretBinary(key));
            assertThat(sm.getSecretValue(r -> r.secretId("binary")).secretBinary()).isEqualTo(key);
            String v2 = sm.updateSecret(r -> r.secretId("binary").secretString("now text").description("changed"))
                    .versionId();
            assertThat(sm.getSecretValue(r -> r.secretId("binary")).versionId()).isEqualTo(v2);
            assertThat(sm.describeSecret(r -> r.secretId("binary")).description()).isEqualTo("changed");

            String tooLong = "s3cr3t".repeat(11_000);
            assertThatThrownBy(() -> sm.putSecretValue(r -> r.secretId("binary").secretString(tooLong)))
                    .isInstanceOfSatisfying(SecretsManagerException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("secretString").doesNotContain("s3cr3t");
                    });
            assertError(() -> sm.createSecret(r -> r.name("both").secretString("a").secretBinary(key)),
                    "InvalidParameterException", "You can't specify both a binary secret value and a string secret value");
            assertError(() -> sm.createSecret(r -> r.name("bad name!")), "InvalidParameterException", "Invalid name.");
        }
    }

    @Test
    void listSecretsFiltersByNameDescriptionAndTagsPagesAndHidesPlannedDeletions() {
        try (SecretsManagerClient sm = client()) {
            for (int i = 0; i < 5; i++) {
                int n = i;
                sm.createSecret(r -> r.name("list/s" + n).description(n % 2 == 0 ? "even one" : "odd one")
                        .tags(Tag.builder().key("team").value(n < 3 ? "red" : "blue").build()).secretString("x"));
            }
            sm.tagResource(r -> r.secretId("list/s4").tags(Tag.builder().key("extra").value("yes").build()));
            sm.untagResource(r -> r.secretId("list/s4").tagKeys("team"));
            assertThat(names(sm, Filter.builder().key(FilterNameStringType.NAME).values("list/").build()))
                    .containsExactlyInAnyOrder("list/s0", "list/s1", "list/s2", "list/s3", "list/s4");
            assertThat(names(sm, Filter.builder().key(FilterNameStringType.DESCRIPTION).values("odd").build()))
                    .containsExactlyInAnyOrder("list/s1", "list/s3");
            assertThat(names(sm, Filter.builder().key(FilterNameStringType.TAG_VALUE).values("blue").build()))
                    .containsExactly("list/s3");
            assertThat(names(sm, Filter.builder().key(FilterNameStringType.TAG_KEY).values("extra").build()))
                    .containsExactly("list/s4");
            assertThat(names(sm, Filter.builder().key(FilterNameStringType.NAME).values("list/").build(),
                    Filter.builder().key(FilterNameStringType.TAG_VALUE).values("!red").build()))
                    .containsExactlyInAnyOrder("list/s3", "list/s4");
            assertThat(names(sm, Filter.builder().key(FilterNameStringType.ALL).values("even").build()))
                    .containsExactlyInAnyOrder("list/s0", "list/s2", "list/s4");

            Set<String> paged = new HashSet<>();
            sm.listSecretsPaginator(r -> r.maxResults(2).filters(Filter.builder().key(FilterNameStringType.NAME)
                    .values("list/").build())).stream().flatMap(p -> p.secretList().stream())
                    .forEach(s -> assertThat(paged.add(s.name())).isTrue());
            assertThat(paged).hasSize(5);

            sm.deleteSecret(r -> r.secretId("list/s0"));
            assertThat(names(sm, Filter.builder().key(FilterNameStringType.NAME).values("list/s0").build())).isEmpty();
            List<SecretListEntry> planned = sm.listSecrets(r -> r.includePlannedDeletion(true).filters(Filter.builder()
                    .key(FilterNameStringType.NAME).values("list/s0").build())).secretList();
            assertThat(planned).singleElement().satisfies(s -> assertThat(s.deletedDate()).isNotNull());
            assertError(() -> sm.listSecrets(r -> r.nextToken("not-a-token")), "InvalidNextTokenException",
                    "The NextToken value is invalid.");
        }
    }

    private static List<String> names(SecretsManagerClient sm, Filter... filters) {
        return sm.listSecrets(r -> r.filters(filters)).secretList().stream().map(SecretListEntry::name).toList();
    }

    @Test
    void aDeletedSecretRefusesReadsUntilRestoredAndIsGoneOnceItsRecoveryWindowPassesOnTheLabClock() {
        try (SecretsManagerClient sm = client()) {
            sm.createSecret(r -> r.name("doomed").secretString("bye"));
            assertError(() -> sm.deleteSecret(r -> r.secretId("doomed").recoveryWindowInDays(6L)),
                    "InvalidParameterException", "The RecoveryWindowInDays value must be between 7 and 30 days");
            assertError(() -> sm.deleteSecret(r -> r.secretId("doomed").recoveryWindowInDays(7L)
                    .forceDeleteWithoutRecovery(true)), "InvalidParameterException", "ForceDeleteWithoutRecovery");
            Instant now = LabAdmin.now(cloud);
            Instant deletion = sm.deleteSecret(r -> r.secretId("doomed").recoveryWindowInDays(7L)).deletionDate();
            assertThat(Duration.between(now, deletion)).isBetween(Duration.ofDays(7), Duration.ofDays(7).plusMinutes(1));
            assertError(() -> sm.getSecretValue(r -> r.secretId("doomed")), "InvalidRequestException",
                    "marked for deletion");
            assertError(() -> sm.createSecret(r -> r.name("doomed").secretString("again")), "InvalidRequestException",
                    "already scheduled for deletion");
            assertThat(sm.describeSecret(r -> r.secretId("doomed")).deletedDate()).isNotNull();

            sm.restoreSecret(r -> r.secretId("doomed"));
            assertThat(sm.getSecretValue(r -> r.secretId("doomed")).secretString()).isEqualTo("bye");

            sm.deleteSecret(r -> r.secretId("doomed").recoveryWindowInDays(7L));
            LabAdmin.advanceClock(cloud, Duration.ofDays(7).plusMinutes(2));
            assertError(() -> sm.describeSecret(r -> r.secretId("doomed")), "ResourceNotFoundException",
                    "Secrets Manager can't find the specified secret.");
            sm.createSecret(r -> r.name("doomed").secretString("reborn"));

            sm.deleteSecret(r -> r.secretId("doomed").forceDeleteWithoutRecovery(true));
            assertError(() -> sm.describeSecret(r -> r.secretId("doomed")), "ResourceNotFoundException",
                    "Secrets Manager can't find the specified secret.");
        }
    }

    @Test
    void batchGetSecretValueReadsByIdsOrFiltersAndReportsEachFailure() {
        try (SecretsManagerClient sm = client()) {
            sm.createSecret(r -> r.name("batch/a").secretString("A"));
            sm.createSecret(r -> r.name("batch/b").secretString("B"));
            BatchGetSecretValueResponse byIds = sm.batchGetSecretValue(r -> r.secretIdList("batch/a", "batch/none"));
            assertThat(byIds.secretValues()).singleElement().satisfies(v -> assertThat(v.secretString()).isEqualTo("A"));
            assertThat(byIds.errors()).singleElement().satisfies(e -> {
                assertThat(e.secretId()).isEqualTo("batch/none");
                assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
            });
            BatchGetSecretValueResponse byFilter = sm.batchGetSecretValue(r -> r.filters(Filter.builder()
                    .key(FilterNameStringType.NAME).values("batch/").build()));
            assertThat(byFilter.secretValues().stream().map(v -> v.secretString()).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder("A", "B");
            assertError(() -> sm.batchGetSecretValue(r -> r.secretIdList("batch/a").filters(Filter.builder()
                    .key(FilterNameStringType.NAME).values("batch/").build())), "InvalidParameterException",
                    "Either 'SecretIdList' or 'Filters' must be provided, but not both.");
        }
    }

    @Test
    void getRandomPasswordHonoursEveryOptionAndNeverRepeats() {
        try (SecretsManagerClient sm = client()) {
            String standard = sm.getRandomPassword(r -> r.build()).randomPassword();
            assertThat(standard).hasSize(32).matches(".*[a-z].*").matches(".*[A-Z].*").matches(".*[0-9].*")
                    .matches(".*[!-/:-@\\[-`{-~].*");
            assertThat(sm.getRandomPassword(r -> r.build()).randomPassword()).isNotEqualTo(standard);
            String digits = sm.getRandomPassword(r -> r.passwordLength(50L).excludeLowercase(true)
                    .excludeUppercase(true).excludePunctuation(true).excludeCharacters("0123")).randomPassword();
            assertThat(digits).hasSize(50).matches("[4-9]+");
            assertThat(sm.getRandomPassword(r -> r.passwordLength(200L).includeSpace(true).excludeNumbers(true)
                    .excludePunctuation(true)).randomPassword()).matches("[a-zA-Z ]+").contains(" ");
            assertError(() -> sm.getRandomPassword(r -> r.passwordLength(5000L)), "InvalidParameterException",
                    "passwordLength");
            assertError(() -> sm.getRandomPassword(r -> r.excludeLowercase(true).excludeUppercase(true)
                    .excludeNumbers(true).excludePunctuation(true)), "InvalidParameterException", "excluded");
        }
    }

    @Test
    void aResourcePolicyIsStoredCheckedAndRemoved() {
        try (SecretsManagerClient sm = client()) {
            sm.createSecret(r -> r.name("with-policy").secretString("x"));
            String policy = """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},\
                    "Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";
            sm.putResourcePolicy(r -> r.secretId("with-policy").resourcePolicy(policy));
            assertThat(sm.getResourcePolicy(r -> r.secretId("with-policy")).resourcePolicy()).isEqualTo(policy);
            assertError(() -> sm.putResourcePolicy(r -> r.secretId("with-policy").resourcePolicy("{not json")),
                    "MalformedPolicyDocumentException", "syntax error");
            sm.deleteResourcePolicy(r -> r.secretId("with-policy"));
            assertThat(sm.getResourcePolicy(r -> r.secretId("with-policy")).resourcePolicy()).isNull();
        }
    }
}
