package gluelab.cloud.services.iam;

import static gluelab.cloud.services.iam.IamRolesTest.TRUST_GLUE;
import static gluelab.cloud.services.iam.IamRolesTest.decoded;
import static gluelab.cloud.services.iam.IamRolesTest.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.testing.RunningLabCloud;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyRole;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

class IamManagedPoliciesTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static final String WRITE_CURATED = """
            {"Version": "2012-10-17",
             "Statement": [{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::curated/*"}]}""";
    static final String GLUE_SERVICE_ROLE = "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole";

    private static IamClient iam() {
        return cloud.client(IamClient.builder());
    }

    private static String version(int n) {
        return WRITE_CURATED.replace("curated/*", "curated/v" + n + "/*");
    }

    @Test
    void createPolicyGivesAnAnpaIdAndAnArnWithThePathAndGetPolicyShowsDescriptionAndTags() {
        try (IamClient iam = iam()) {
            Policy created = iam.createPolicy(r -> r.policyName("write-curated").path("/etl/").policyDocument(WRITE_CURATED)
                    .description("Writes the curated zone").tags(Tag.builder().key("zone").value("curated").build()))
                    .policy();

            assertThat(created.arn()).isEqualTo("arn:aws:iam::000000000000:policy/etl/write-curated");
            assertThat(created.policyId()).matches("ANPA[A-Z2-7]{17}");
            assertThat(created.defaultVersionId()).isEqualTo("v1");
            assertThat(created.attachmentCount()).isZero();
            assertThat(created.isAttachable()).isTrue();
            Policy got = iam.getPolicy(r -> r.policyArn(created.arn())).policy();
            assertThat(got.description()).isEqualTo("Writes the curated zone");
            assertThat(got.tags()).containsExactly(Tag.builder().key("zone").value("curated").build());
            assertThat(got.createDate()).isEqualTo(created.createDate());
            PolicyVersion v1 = iam.getPolicyVersion(r -> r.policyArn(created.arn()).versionId("v1")).policyVersion();
            assertThat(v1.isDefaultVersion()).isTrue();
            assertThat(decoded(v1.document())).isEqualTo(WRITE_CURATED);
            assertThatThrownBy(() -> iam.createPolicy(r -> r.policyName("WRITE-CURATED").policyDocument(WRITE_CURATED)))
                    .isInstanceOfSatisfying(IamException.class, error(409, "EntityAlreadyExists",
                            "A policy called WRITE-CURATED already exists. Duplicate names are not allowed."));
        }
    }

    @Test
    void awsManagedPoliciesAreInEveryAccountWithTheirRealDocuments() throws Exception {
        try (IamClient iam = iam();
             IamClient other = cloud.client(IamClient.builder(),
                     StaticCredentialsProvider.create(AwsBasicCredentials.create("test-b", "test-b")))) {
            Policy glue = other.getPolicy(r -> r.policyArn(GLUE_SERVICE_ROLE)).policy();
            assertThat(glue.policyName()).isEqualTo("AWSGlueServiceRole");
            assertThat(glue.path()).isEqualTo("/service-role/");
            assertThat(glue.defaultVersionId()).isEqualTo("v5");
            assertThat(glue.description()).startsWith("Policy for AWS Glue service role");

            JsonNode document = new ObjectMapper().readTree(decoded(iam.getPolicyVersion(r -> r.policyArn(GLUE_SERVICE_ROLE)
                    .versionId("v5")).policyVersion().document()));
            assertThat(document.get("Statement").get(0).get("Action").toString()).contains("\"glue:*\"", "\"s3:ListBucket\"");
            assertThat(document.get("Statement").get(2).get("Resource").toString()).contains("arn:aws:s3:::aws-glue-*/*");

            assertThat(iam.listPoliciesPaginator(r -> r.scope(PolicyScopeType.AWS)).policies()).extracting(Policy::arn)
                    .contains(GLUE_SERVICE_ROLE, "arn:aws:iam::aws:policy/AdministratorAccess",
                            "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                            "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess")
                    .allMatch(arn -> arn.startsWith("arn:aws:iam::aws:policy/"));
        }
    }

    @Test
    void listPoliciesKeepsLocalAndAwsApartAndOnlyAttachedListsWhatThisAccountAttached() {
        try (IamClient iam = iam()) {
            String arn = iam.createPolicy(r -> r.policyName("listed-local").path("/listing/").policyDocument(WRITE_CURATED))
                    .policy().arn();
            iam.createRole(r -> r.roleName("lister").assumeRolePolicyDocument(TRUST_GLUE));
            iam.attachRolePolicy(r -> r.roleName("lister").policyArn(arn));
            iam.attachRolePolicy(r -> r.roleName("lister").policyArn("arn:aws:iam::aws:policy/AmazonSQSFullAccess"));

            assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL).pathPrefix("/listing/")).policies())
                    .extracting(Policy::arn).containsExactly(arn);
            assertThat(iam.listPoliciesPaginator(r -> r.scope(PolicyScopeType.AWS)).policies()).extracting(Policy::arn)
                    .doesNotContain(arn);
            assertThat(iam.listPoliciesPaginator(r -> r.onlyAttached(true)).policies())
                    .filteredOn(p -> p.arn().equals(arn) || p.policyName().equals("AmazonSQSFullAccess"))
                    .extracting(Policy::attachmentCount).containsExactly(1, 1);
            assertThat(iam.listPoliciesPaginator(r -> r.onlyAttached(true)).policies()).extracting(Policy::policyName)
                    .doesNotContain("AdministratorAccess");
        }
    }

    @Test
    void policyVersionsAreListedNewestFirstAtMostFiveAndTheDefaultIsWhatCounts() {
        try (IamClient iam = iam()) {
            String arn = iam.createPolicy(r -> r.policyName("versioned").policyDocument(version(1))).policy().arn();

            PolicyVersion v2 = iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(version(2)).setAsDefault(true))
                    .policyVersion();
            assertThat(v2.versionId()).isEqualTo("v2");
            assertThat(v2.isDefaultVersion()).isTrue();
            assertThat(v2.document()).as("CreatePolicyVersion does not echo the document").isNull();
            for (int n = 3; n <= 5; n++) {
                int v = n;
                iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(version(v)));
            }
            assertThat(iam.listPolicyVersions(r -> r.policyArn(arn)).versions()).extracting(PolicyVersion::versionId)
                    .containsExactly("v5", "v4", "v3", "v2", "v1");
            assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId()).isEqualTo("v2");
            assertThatThrownBy(() -> iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(version(6))))
                    .isInstanceOfSatisfying(IamException.class, error(409, "LimitExceeded", "A managed policy can have up "
                            + "to 5 versions. Before you create a new version, you must delete an existing version."));
            assertThatThrownBy(() -> iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v2")))
                    .isInstanceOfSatisfying(IamException.class,
                            error(409, "DeleteConflict", "Cannot delete the default version of a policy."));

            iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v1"));
            PolicyVersion v6 = iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(version(6))).policyVersion();
            assertThat(v6.versionId()).as("version ids are never reused").isEqualTo("v6");
            iam.setDefaultPolicyVersion(r -> r.policyArn(arn).versionId("v6"));
            assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId()).isEqualTo("v6");
            assertThatThrownBy(() -> iam.setDefaultPolicyVersion(r -> r.policyArn(arn).versionId("v9")))
                    .isInstanceOfSatisfying(IamException.class, error(404, "NoSuchEntity",
                            "Policy " + arn + " version v9 does not exist or is not attachable."));
            assertThatThrownBy(() -> iam.getPolicyVersion(r -> r.policyArn(arn).versionId("9")))
                    .isInstanceOfSatisfying(IamException.class, error(400, "ValidationError", "1 validation error "
                            + "detected: Value at 'versionId' failed to satisfy constraint: Member must satisfy regular "
                            + "expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?"));
        }
    }

    @Test
    void deletePolicyIsRefusedWhileItIsAttachedOrHasVersionsBesideTheDefault() {
        try (IamClient iam = iam()) {
            String arn = iam.createPolicy(r -> r.policyName("in-use").policyDocument(version(1))).policy().arn();
            iam.createRole(r -> r.roleName("user-of-policy").assumeRolePolicyDocument(TRUST_GLUE));
            iam.attachRolePolicy(r -> r.roleName("user-of-policy").policyArn(arn));
            iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(version(2)).setAsDefault(true));

            assertThatThrownBy(() -> iam.deletePolicy(r -> r.policyArn(arn))).isInstanceOfSatisfying(IamException.class,
                    error(409, "DeleteConflict", "Cannot delete a policy attached to entities."));
            iam.detachRolePolicy(r -> r.roleName("user-of-policy").policyArn(arn));
            assertThatThrownBy(() -> iam.deletePolicy(r -> r.policyArn(arn))).isInstanceOfSatisfying(IamException.class,
                    error(409, "DeleteConflict", "This policy has more than one version. Before you delete a policy, you "
                            + "must delete the policy's versions. The default version is deleted with the policy."));
            iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v1"));
            iam.deletePolicy(r -> r.policyArn(arn));
            assertThatThrownBy(() -> iam.getPolicy(r -> r.policyArn(arn))).isInstanceOfSatisfying(IamException.class,
                    error(404, "NoSuchEntity", "Policy " + arn + " was not found."));
        }
    }

    @Test
    void attachRolePolicyNeedsAPolicyThatExistsAtThatExactArn() {
        try (IamClient iam = iam()) {
            iam.createRole(r -> r.roleName("attaching").assumeRolePolicyDocument(TRUST_GLUE));

            assertThatThrownBy(() -> iam.attachRolePolicy(r -> r.roleName("attaching")
                    .policyArn("arn:aws:iam::aws:policy/AWSLambdaRole"))).isInstanceOfSatisfying(IamException.class,
                    error(404, "NoSuchEntity", "Policy arn:aws:iam::aws:policy/AWSLambdaRole does not exist or is not "
                            + "attachable."));
            assertThatThrownBy(() -> iam.attachRolePolicy(r -> r.roleName("attaching")
                    .policyArn("longpolicynamebutnoarn"))).isInstanceOfSatisfying(IamException.class,
                    error(400, "ValidationError", "ARN longpolicynamebutnoarn is not valid."));
            assertThatThrownBy(() -> iam.detachRolePolicy(r -> r.roleName("attaching").policyArn(GLUE_SERVICE_ROLE)))
                    .isInstanceOfSatisfying(IamException.class,
                            error(404, "NoSuchEntity", "Policy " + GLUE_SERVICE_ROLE + " was not found."));

            iam.attachRolePolicy(r -> r.roleName("attaching").policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaRole"));
            iam.attachRolePolicy(r -> r.roleName("attaching").policyArn(GLUE_SERVICE_ROLE));
            iam.attachRolePolicy(r -> r.roleName("attaching").policyArn(GLUE_SERVICE_ROLE));
            assertThat(iam.listAttachedRolePolicies(r -> r.roleName("attaching")).attachedPolicies())
                    .extracting(AttachedPolicy::policyName).containsExactly("AWSGlueServiceRole", "AWSLambdaRole");
        }
    }

    @Test
    void aRoleTakesAtMostTenManagedPolicies() {
        try (IamClient iam = iam()) {
            iam.createRole(r -> r.roleName("collector").assumeRolePolicyDocument(TRUST_GLUE));
            for (int i = 0; i < 10; i++) {
                String arn = iam.createPolicy(r -> r.policyName("quota-" + System.nanoTime()).policyDocument(WRITE_CURATED))
                        .policy().arn();
                iam.attachRolePolicy(r -> r.roleName("collector").policyArn(arn));
            }

            assertThatThrownBy(() -> iam.attachRolePolicy(r -> r.roleName("collector").policyArn(GLUE_SERVICE_ROLE)))
                    .isInstanceOfSatisfying(IamException.class,
                            error(409, "LimitExceeded", "Cannot exceed quota for PoliciesPerRole: 10"));
        }
    }

    @Test
    void listEntitiesForPolicyListsTheRolesItIsAttachedTo() {
        try (IamClient iam = iam()) {
            Role role = iam.createRole(r -> r.roleName("entity").path("/team/").assumeRolePolicyDocument(TRUST_GLUE)).role();
            iam.attachRolePolicy(r -> r.roleName("entity").policyArn("arn:aws:iam::aws:policy/AWSStepFunctionsFullAccess"));

            ListEntitiesForPolicyResponse entities = iam.listEntitiesForPolicy(r ->
                    r.policyArn("arn:aws:iam::aws:policy/AWSStepFunctionsFullAccess"));

            assertThat(entities.policyRoles()).containsExactly(PolicyRole.builder().roleName("entity")
                    .roleId(role.roleId()).build());
            assertThat(entities.policyUsers()).isEmpty();
            assertThat(iam.listEntitiesForPolicy(r -> r.policyArn("arn:aws:iam::aws:policy/AWSStepFunctionsFullAccess")
                    .pathPrefix("/other/")).policyRoles()).isEmpty();
        }
    }

    @Test
    void awsManagedPoliciesBelongToAwsSoNoAccountMayChangeThem() {
        try (IamClient iam = iam()) {
            assertThatThrownBy(() -> iam.deletePolicy(r -> r.policyArn("arn:aws:iam::aws:policy/AdministratorAccess")))
                    .isInstanceOfSatisfying(IamException.class, error(403, "AccessDenied", "User: "
                            + "arn:aws:iam::000000000000:root is not authorized to perform: iam:DeletePolicy on resource: "
                            + "policy arn:aws:iam::aws:policy/AdministratorAccess"));
            assertThatThrownBy(() -> iam.createPolicyVersion(r -> r.policyArn("arn:aws:iam::aws:policy/AdministratorAccess")
                    .policyDocument(WRITE_CURATED))).isInstanceOfSatisfying(IamException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
    }

    @Test
    void aManagedPolicyDocumentMayNotPassSixThousandOneHundredFortyFourCharacters() {
        try (IamClient iam = iam()) {
            String big = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + "b".repeat(6100)
                    + "\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

            assertThatThrownBy(() -> iam.createPolicy(r -> r.policyName("too-big").policyDocument(big)))
                    .isInstanceOfSatisfying(IamException.class,
                            error(409, "LimitExceeded", "Cannot exceed quota for PolicySize: 6144"));
        }
    }

    @Test
    void tagPolicyUntagPolicyAndListPolicyTagsWithCaseSensitiveKeys() {
        try (IamClient iam = iam()) {
            String arn = iam.createPolicy(r -> r.policyName("tag-me").policyDocument(WRITE_CURATED)).policy().arn();

            iam.tagPolicy(r -> r.policyArn(arn).tags(Tag.builder().key("a").value("lower").build(),
                    Tag.builder().key("A").value("upper").build()));
            assertThat(iam.listPolicyTags(r -> r.policyArn(arn)).tags()).extracting(Tag::key).containsExactly("A", "a");
            iam.untagPolicy(r -> r.policyArn(arn).tagKeys("a"));
            assertThat(iam.listPolicyTags(r -> r.policyArn(arn)).tags()).extracting(Tag::key).containsExactly("A");
        }
    }

    @Test
    void aResetByPrefixRemovesThoseRolesAndCustomerPoliciesButNeverAwsOwn() {
        try (IamClient iam = iam()) {
            String arn = iam.createPolicy(r -> r.policyName("lab07-write").policyDocument(WRITE_CURATED)).policy().arn();
            iam.createRole(r -> r.roleName("lab07-job").assumeRolePolicyDocument(TRUST_GLUE));
            iam.putRolePolicy(r -> r.roleName("lab07-job").policyName("inline").policyDocument(WRITE_CURATED));
            iam.attachRolePolicy(r -> r.roleName("lab07-job").policyArn(arn));
            iam.createRole(r -> r.roleName("keeper").assumeRolePolicyDocument(TRUST_GLUE));
            iam.attachRolePolicy(r -> r.roleName("keeper").policyArn(arn));

            assertThat(cloud.http(cloud.request("/_lab/reset?prefix=lab07-").POST(HttpRequest.BodyPublishers.noBody()))
                    .statusCode()).isEqualTo(200);

            assertThatThrownBy(() -> iam.getRole(r -> r.roleName("lab07-job"))).isInstanceOf(IamException.class);
            assertThatThrownBy(() -> iam.getPolicy(r -> r.policyArn(arn))).isInstanceOf(IamException.class);
            assertThat(iam.listAttachedRolePolicies(r -> r.roleName("keeper")).attachedPolicies()).isEmpty();
            assertThat(iam.getPolicy(r -> r.policyArn(GLUE_SERVICE_ROLE)).policy().policyName())
                    .isEqualTo("AWSGlueServiceRole");
        }
    }
}
