package gluelab.cloud.services.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

class IamRolesTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static final String TRUST_GLUE = """
            {
              "Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Principal": {"Service": "glue.amazonaws.com"}, "Action": "sts:AssumeRole"}]
            }""";

    static IamClient iam() {
        return cloud.client(IamClient.builder());
    }

    static Consumer<IamException> error(int status, String code, String message) {
        return e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        };
    }

    static String decoded(String document) {
        return URLDecoder.decode(document, StandardCharsets.UTF_8);
    }

    @Test
    void createRoleGivesANewAroaIdAnArnWithThePathAndTheTrustPolicyUrlEncodedAsIamEncodesIt() {
        try (IamClient iam = iam()) {
            Role role = iam.createRole(r -> r.roleName("etl-job").path("/service-role/")
                    .assumeRolePolicyDocument(TRUST_GLUE).description("Runs the nightly ETL")).role();

            assertThat(role.arn()).isEqualTo("arn:aws:iam::000000000000:role/service-role/etl-job");
            assertThat(role.path()).isEqualTo("/service-role/");
            assertThat(role.roleId()).matches("AROA[A-Z2-7]{17}");
            assertThat(role.createDate().getNano()).as("IAM's dates are whole seconds").isZero();
            assertThat(role.description()).isEqualTo("Runs the nightly ETL");
            // RFC 3986: a space is %20 and a brace %7B, so boto3's unquote and Java's URLDecoder both give it back.
            assertThat(role.assumeRolePolicyDocument()).startsWith("%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22");
            assertThat(decoded(role.assumeRolePolicyDocument())).isEqualTo(TRUST_GLUE);

            iam.deleteRole(r -> r.roleName("etl-job"));
            Role again = iam.createRole(r -> r.roleName("etl-job").assumeRolePolicyDocument(TRUST_GLUE)).role();
            assertThat(again.roleId()).as("a role created again is another role").isNotEqualTo(role.roleId());
            assertThat(again.arn()).isEqualTo("arn:aws:iam::000000000000:role/etl-job");
        }
    }

    @Test
    void getRoleShowsTheMaxSessionDurationTagsAndTheDocumentExactlyAsGiven() {
        try (IamClient iam = iam()) {
            iam.createRole(r -> r.roleName("reporting").assumeRolePolicyDocument(TRUST_GLUE).maxSessionDuration(7200)
                    .tags(Tag.builder().key("team").value("data").build()));

            Role role = iam.getRole(r -> r.roleName("reporting")).role();

            assertThat(role.maxSessionDuration()).isEqualTo(7200);
            assertThat(role.tags()).containsExactly(Tag.builder().key("team").value("data").build());
            assertThat(role.roleLastUsed()).isNotNull();
            assertThat(decoded(role.assumeRolePolicyDocument())).isEqualTo(TRUST_GLUE);
            Role plain = iam.createRole(r -> r.roleName("plain").assumeRolePolicyDocument(TRUST_GLUE)).role();
            assertThat(iam.getRole(r -> r.roleName("plain")).role().maxSessionDuration()).as("the default").isEqualTo(3600);
            assertThat(plain.hasTags()).isFalse();
        }
    }

    @Test
    void roleNamesAreUniqueRegardlessOfCaseAndFoundRegardlessOfCase() {
        try (IamClient iam = iam()) {
            iam.createRole(r -> r.roleName("LoaderRole").assumeRolePolicyDocument(TRUST_GLUE));

            assertThatThrownBy(() -> iam.createRole(r -> r.roleName("loaderrole").assumeRolePolicyDocument(TRUST_GLUE)))
                    .isInstanceOfSatisfying(IamException.class,
                            error(409, "EntityAlreadyExists", "Role with name loaderrole already exists."));
            assertThat(iam.getRole(r -> r.roleName("LOADERROLE")).role().roleName()).isEqualTo("LoaderRole");
        }
    }

    @Test
    void aRoleThatDoesNotExistIsNoSuchEntity() {
        try (IamClient iam = iam()) {
            assertThatThrownBy(() -> iam.getRole(r -> r.roleName("nobody")))
                    .isInstanceOfSatisfying(IamException.class,
                            error(404, "NoSuchEntity", "The role with name nobody cannot be found."));
            assertThatThrownBy(() -> iam.deleteRole(r -> r.roleName("nobody")))
                    .isInstanceOfSatisfying(IamException.class,
                            error(404, "NoSuchEntity", "The role with name nobody cannot be found."));
        }
    }

    @Test
    void modelConstraintsAreValidationErrorsInIamsWordsWhichNeverQuoteTheValue() {
        try (IamClient iam = iam()) {
            assertThatThrownBy(() -> iam.createRole(r -> r.roleName("has space").path("no-slashes")
                    .assumeRolePolicyDocument(TRUST_GLUE).maxSessionDuration(60)))
                    .isInstanceOfSatisfying(IamException.class, error(400, "ValidationError",
                            "3 validation errors detected: Value at 'roleName' failed to satisfy constraint: Member must "
                                    + "satisfy regular expression pattern: [\\w+=,.@-]+; Value at 'path' failed to satisfy "
                                    + "constraint: Member must satisfy regular expression pattern: "
                                    + "(\\u002F)|(\\u002F[\\u0021-\\u007F]+\\u002F); Value at 'maxSessionDuration' failed "
                                    + "to satisfy constraint: Member must have value greater than or equal to 3600"));
            assertThatThrownBy(() -> iam.createRole(r -> r.roleName("x".repeat(65)).assumeRolePolicyDocument(TRUST_GLUE)))
                    .isInstanceOfSatisfying(IamException.class, error(400, "ValidationError",
                            "1 validation error detected: Value at 'roleName' failed to satisfy constraint: Member must "
                                    + "have length less than or equal to 64"));
        }
    }

    @Test
    void aTrustPolicyIsCheckedAsAwsChecksItWhenItIsStored() {
        try (IamClient iam = iam()) {
            assertThatThrownBy(() -> iam.createRole(r -> r.roleName("bad-trust").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"glue.amazonaws.com"},
                     "Action":"sts:AssumeRole","Resource":"*"}]}""")))
                    .isInstanceOfSatisfying(IamException.class,
                            error(400, "MalformedPolicyDocument", "Has prohibited field Resource"));
            assertThatThrownBy(() -> iam.createRole(r -> r.roleName("bad-trust").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                     "Principal":{"AWS":"arn:aws:iam::000000000000:role/not-there"},"Action":"sts:AssumeRole"}]}""")))
                    .isInstanceOfSatisfying(IamException.class, error(400, "MalformedPolicyDocument",
                            "Invalid principal in policy: \"AWS\":\"arn:aws:iam::000000000000:role/not-there\""));
            String padded = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + "x".repeat(2000) + "\",\"Effect\":"
                    + "\"Allow\",\"Principal\":{\"Service\":\"glue.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
            assertThatThrownBy(() -> iam.createRole(r -> r.roleName("bad-trust").assumeRolePolicyDocument(padded)))
                    .isInstanceOfSatisfying(IamException.class,
                            error(409, "LimitExceeded", "Cannot exceed quota for ACLSizePerRole: 2048"));
            assertThatThrownBy(() -> iam.getRole(r -> r.roleName("bad-trust"))).isInstanceOf(IamException.class);

            iam.createRole(r -> r.roleName("trusted-peer").assumeRolePolicyDocument(TRUST_GLUE));
            String trustsPeerAndAccounts = """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":[
                     "arn:aws:iam::000000000000:role/trusted-peer","111111111111","arn:aws:iam::111111111111:root"]},
                     "Action":"sts:AssumeRole"}]}""";
            assertThat(iam.createRole(r -> r.roleName("trusting").assumeRolePolicyDocument(trustsPeerAndAccounts))
                    .role().roleName()).isEqualTo("trusting");
        }
    }

    @Test
    void listRolesFiltersByPathPrefixAndPagesWithMarkerAndIsTruncated() {
        try (IamClient iam = iam()) {
            for (String name : new String[] {"pg-c", "pg-a", "pg-b"}) {
                iam.createRole(r -> r.roleName(name).path("/paging/").assumeRolePolicyDocument(TRUST_GLUE));
            }

            ListRolesResponse first = iam.listRoles(r -> r.pathPrefix("/paging/").maxItems(2));
            assertThat(first.roles()).extracting(Role::roleName).containsExactly("pg-a", "pg-b");
            assertThat(first.isTruncated()).isTrue();
            assertThat(first.roles().get(0).maxSessionDuration()).isEqualTo(3600);
            ListRolesResponse second = iam.listRoles(r -> r.pathPrefix("/paging/").maxItems(2).marker(first.marker()));
            assertThat(second.roles()).extracting(Role::roleName).containsExactly("pg-c");
            assertThat(second.isTruncated()).isFalse();
            assertThat(second.marker()).isNull();
            assertThat(iam.listRolesPaginator(r -> r.pathPrefix("/paging/").maxItems(1)).roles())
                    .extracting(Role::roleName).containsExactly("pg-a", "pg-b", "pg-c");
            assertThatThrownBy(() -> iam.listRoles(r -> r.maxItems(0))).isInstanceOfSatisfying(IamException.class,
                    error(400, "ValidationError", "1 validation error detected: Value at 'maxItems' failed to satisfy "
                            + "constraint: Member must have value greater than or equal to 1"));
        }
    }

    @Test
    void updateRoleAndUpdateRoleDescriptionChangeOnlyWhatTheyName() {
        try (IamClient iam = iam()) {
            iam.createRole(r -> r.roleName("updated").assumeRolePolicyDocument(TRUST_GLUE).description("before"));

            iam.updateRole(r -> r.roleName("updated").maxSessionDuration(43_200));
            assertThat(iam.getRole(r -> r.roleName("updated")).role())
                    .satisfies(role -> assertThat(role.maxSessionDuration()).isEqualTo(43_200))
                    .satisfies(role -> assertThat(role.description()).isEqualTo("before"));
            Role described = iam.updateRoleDescription(r -> r.roleName("updated").description("after")).role();
            assertThat(described.description()).isEqualTo("after");
            assertThatThrownBy(() -> iam.updateRole(r -> r.roleName("updated").maxSessionDuration(50_000)))
                    .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("ValidationError"));
        }
    }

    @Test
    void updateAssumeRolePolicyReplacesTheTrustPolicyOnlyWithOneAwsWouldAccept() {
        try (IamClient iam = iam()) {
            iam.createRole(r -> r.roleName("retrusted").assumeRolePolicyDocument(TRUST_GLUE));
            String trustLambda = TRUST_GLUE.replace("glue.amazonaws.com", "lambda.amazonaws.com");

            iam.updateAssumeRolePolicy(r -> r.roleName("retrusted").policyDocument(trustLambda));

            assertThat(decoded(iam.getRole(r -> r.roleName("retrusted")).role().assumeRolePolicyDocument()))
                    .isEqualTo(trustLambda);
            assertThatThrownBy(() -> iam.updateAssumeRolePolicy(r -> r.roleName("retrusted").policyDocument("{nope")))
                    .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("MalformedPolicyDocument"));
            assertThatThrownBy(() -> iam.updateAssumeRolePolicy(r -> r.roleName("ghost").policyDocument(trustLambda)))
                    .isInstanceOfSatisfying(IamException.class,
                            error(404, "NoSuchEntity", "The role with name ghost cannot be found."));
        }
    }

    @Test
    void deleteRoleIsRefusedWhileItsInlineOrAttachedPoliciesRemain() {
        try (IamClient iam = iam()) {
            iam.createRole(r -> r.roleName("busy").assumeRolePolicyDocument(TRUST_GLUE));
            iam.putRolePolicy(r -> r.roleName("busy").policyName("read").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"""));
            iam.attachRolePolicy(r -> r.roleName("busy").policyArn("arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole"));

            assertThatThrownBy(() -> iam.deleteRole(r -> r.roleName("busy"))).isInstanceOfSatisfying(IamException.class,
                    error(409, "DeleteConflict", "Cannot delete entity, must delete policies first."));
            iam.deleteRolePolicy(r -> r.roleName("busy").policyName("read"));
            assertThatThrownBy(() -> iam.deleteRole(r -> r.roleName("busy"))).isInstanceOfSatisfying(IamException.class,
                    error(409, "DeleteConflict", "Cannot delete entity, must detach all policies first."));
            iam.detachRolePolicy(r -> r.roleName("busy").policyArn("arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole"));
            iam.deleteRole(r -> r.roleName("busy"));
            assertThatThrownBy(() -> iam.getRole(r -> r.roleName("busy"))).isInstanceOf(IamException.class);
        }
    }

    @Test
    void tagRoleReplacesValuesUntagRoleRemovesKeysAndListRoleTagsListsThemByKey() {
        try (IamClient iam = iam()) {
            iam.createRole(r -> r.roleName("tagged").assumeRolePolicyDocument(TRUST_GLUE)
                    .tags(Tag.builder().key("stage").value("dev").build()));

            iam.tagRole(r -> r.roleName("tagged").tags(Tag.builder().key("owner").value("ana").build(),
                    Tag.builder().key("stage").value("prod").build()));
            assertThat(iam.listRoleTags(r -> r.roleName("tagged")).tags()).containsExactly(
                    Tag.builder().key("owner").value("ana").build(), Tag.builder().key("stage").value("prod").build());
            iam.untagRole(r -> r.roleName("tagged").tagKeys("owner"));
            assertThat(iam.listRoleTags(r -> r.roleName("tagged")).tags()).extracting(Tag::key).containsExactly("stage");
            assertThatThrownBy(() -> iam.tagRole(r -> r.roleName("tagged").tags(Tag.builder().key("a").value("1").build(),
                    Tag.builder().key("A").value("2").build())))
                    .isInstanceOfSatisfying(IamException.class, error(400, "InvalidInput",
                            "Duplicate tag keys found. Please note that Tag keys are case insensitive."));
        }
    }

    @Test
    void aRoleInOneAccountIsInvisibleFromTheOther() {
        try (IamClient iam = iam();
             IamClient other = cloud.client(IamClient.builder(),
                     StaticCredentialsProvider.create(AwsBasicCredentials.create("test-b", "test-b")))) {
            iam.createRole(r -> r.roleName("only-in-a").assumeRolePolicyDocument(TRUST_GLUE));

            assertThatThrownBy(() -> other.getRole(r -> r.roleName("only-in-a"))).isInstanceOfSatisfying(
                    IamException.class, error(404, "NoSuchEntity", "The role with name only-in-a cannot be found."));
            assertThat(other.listRoles().roles()).extracting(Role::roleName).doesNotContain("only-in-a");
            Role own = other.createRole(r -> r.roleName("only-in-a").assumeRolePolicyDocument(TRUST_GLUE)).role();
            assertThat(own.arn()).isEqualTo("arn:aws:iam::111111111111:role/only-in-a");
        }
    }

    @Test
    void iamIsGlobalSoARoleIsTheSameWhicheverRegionARequestIsSignedFor() {
        try (IamClient iam = iam();
             IamClient europe = cloud.client(IamClient.builder(), RunningLabCloud.TEST_CREDENTIALS, Region.EU_WEST_1)) {
            iam.createRole(r -> r.roleName("everywhere").assumeRolePolicyDocument(TRUST_GLUE));

            assertThat(europe.getRole(r -> r.roleName("everywhere")).role().arn())
                    .isEqualTo("arn:aws:iam::000000000000:role/everywhere");
        }
    }

    @Test
    void createDateIsOnTheLabClock() {
        cloud.http(cloud.request("/_lab/clock/advance")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"seconds\":86400}")));
        try (IamClient iam = iam()) {
            Role role = iam.createRole(r -> r.roleName("tomorrow").assumeRolePolicyDocument(TRUST_GLUE)).role();

            assertThat(Duration.between(Instant.now(), role.createDate())).isGreaterThan(Duration.ofHours(23));
        }
    }
}
