package gluelab.cloud.services.iam;

import static gluelab.cloud.services.iam.IamRolesTest.TRUST_GLUE;
import static gluelab.cloud.services.iam.IamRolesTest.decoded;
import static gluelab.cloud.services.iam.IamRolesTest.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;

class IamInlinePoliciesTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static final String READ_RAW = """
            {
              "Version": "2012-10-17",
              "Statement": [{"Sid": "ReadRaw", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"],
                             "Resource": ["arn:aws:s3:::raw", "arn:aws:s3:::raw/*"]}]
            }""";

    private static IamClient iamWithRole(String roleName) {
        IamClient iam = cloud.client(IamClient.builder());
        iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(TRUST_GLUE));
        return iam;
    }

    @Test
    void putRolePolicyStoresTheDocumentAndGetRolePolicyGivesItBackUrlEncoded() {
        try (IamClient iam = iamWithRole("reader")) {
            iam.putRolePolicy(r -> r.roleName("reader").policyName("read-raw").policyDocument(READ_RAW));

            GetRolePolicyResponse policy = iam.getRolePolicy(r -> r.roleName("READER").policyName("read-raw"));

            assertThat(policy.roleName()).isEqualTo("reader");
            assertThat(policy.policyName()).isEqualTo("read-raw");
            assertThat(policy.policyDocument()).doesNotContain("{", " ", "+").contains("%22ReadRaw%22");
            assertThat(decoded(policy.policyDocument())).isEqualTo(READ_RAW);
        }
    }

    @Test
    void putRolePolicyWithANameInUseReplacesThatPolicy() {
        try (IamClient iam = iamWithRole("replacing")) {
            iam.putRolePolicy(r -> r.roleName("replacing").policyName("p").policyDocument(READ_RAW));
            String readLogs = READ_RAW.replace("\"s3:GetObject\", \"s3:ListBucket\"", "\"logs:GetLogEvents\"");

            iam.putRolePolicy(r -> r.roleName("replacing").policyName("p").policyDocument(readLogs));

            assertThat(decoded(iam.getRolePolicy(r -> r.roleName("replacing").policyName("p")).policyDocument()))
                    .isEqualTo(readLogs);
            assertThat(iam.listRolePolicies(r -> r.roleName("replacing")).policyNames()).containsExactly("p");
        }
    }

    @Test
    void listRolePoliciesListsTheNamesInOrderAndPages() {
        try (IamClient iam = iamWithRole("many")) {
            for (String name : new String[] {"c-logs", "a-s3", "b-glue"}) {
                iam.putRolePolicy(r -> r.roleName("many").policyName(name).policyDocument(READ_RAW));
            }

            ListRolePoliciesResponse first = iam.listRolePolicies(r -> r.roleName("many").maxItems(2));

            assertThat(first.policyNames()).containsExactly("a-s3", "b-glue");
            assertThat(first.isTruncated()).isTrue();
            assertThat(iam.listRolePolicies(r -> r.roleName("many").marker(first.marker())).policyNames())
                    .containsExactly("c-logs");
            assertThat(iam.listRolePoliciesPaginator(r -> r.roleName("many").maxItems(1)).policyNames())
                    .containsExactly("a-s3", "b-glue", "c-logs");
        }
    }

    @Test
    void deleteRolePolicyRemovesItAndAMissingOneIsNoSuchEntity() {
        try (IamClient iam = iamWithRole("deleting")) {
            iam.putRolePolicy(r -> r.roleName("deleting").policyName("gone-soon").policyDocument(READ_RAW));

            iam.deleteRolePolicy(r -> r.roleName("deleting").policyName("gone-soon"));

            assertThat(iam.listRolePolicies(r -> r.roleName("deleting")).policyNames()).isEmpty();
            assertThatThrownBy(() -> iam.getRolePolicy(r -> r.roleName("deleting").policyName("gone-soon")))
                    .isInstanceOfSatisfying(IamException.class,
                            error(404, "NoSuchEntity", "The role policy with name gone-soon cannot be found."));
            assertThatThrownBy(() -> iam.deleteRolePolicy(r -> r.roleName("deleting").policyName("gone-soon")))
                    .isInstanceOfSatisfying(IamException.class,
                            error(404, "NoSuchEntity", "The role policy with name gone-soon cannot be found."));
        }
    }

    @Test
    void theRoleMustExist() {
        try (IamClient iam = cloud.client(IamClient.builder())) {
            assertThatThrownBy(() -> iam.putRolePolicy(r -> r.roleName("absent").policyName("p").policyDocument(READ_RAW)))
                    .isInstanceOfSatisfying(IamException.class,
                            error(404, "NoSuchEntity", "The role with name absent cannot be found."));
            assertThatThrownBy(() -> iam.listRolePolicies(r -> r.roleName("absent")))
                    .isInstanceOfSatisfying(IamException.class,
                            error(404, "NoSuchEntity", "The role with name absent cannot be found."));
        }
    }

    @Test
    void aDocumentAwsWouldRefuseIsMalformedPolicyDocumentInAwsWords() {
        try (IamClient iam = iamWithRole("strict")) {
            assertThatThrownBy(() -> iam.putRolePolicy(r -> r.roleName("strict").policyName("p").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}""")))
                    .isInstanceOfSatisfying(IamException.class,
                            error(400, "MalformedPolicyDocument", "Policy document should not specify a principal."));
            assertThatThrownBy(() -> iam.putRolePolicy(r -> r.roleName("strict").policyName("p").policyDocument("""
                    {"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""")))
                    .isInstanceOfSatisfying(IamException.class, error(400, "MalformedPolicyDocument",
                            "Policy document must be version 2012-10-17 or greater."));
            assertThatThrownBy(() -> iam.putRolePolicy(r -> r.roleName("strict").policyName("p").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"GetObject","Resource":"*"}]}""")))
                    .isInstanceOfSatisfying(IamException.class, error(400, "MalformedPolicyDocument",
                            "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."));
        }
    }

    @Test
    void aRolesInlinePoliciesTogetherMayNotPassTenThousandTwoHundredFortyCharactersWhitespaceNotCounted() {
        try (IamClient iam = iamWithRole("crowded")) {
            String big = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + "a".repeat(6000)
                    + "\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
            String indentedBig = big.replace(",", ",\n        ");
            iam.putRolePolicy(r -> r.roleName("crowded").policyName("one").policyDocument(indentedBig));

            assertThatThrownBy(() -> iam.putRolePolicy(r -> r.roleName("crowded").policyName("two").policyDocument(big)))
                    .isInstanceOfSatisfying(IamException.class, error(409, "LimitExceeded",
                            "Maximum policy size of 10240 bytes exceeded for role crowded"));
            iam.putRolePolicy(r -> r.roleName("crowded").policyName("one").policyDocument(big));
        }
    }
}
