package gluelab.lab.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RolePermissionsTest {

    private static final String WRITE_REFINED = PolicyJson.of(
            PolicyJson.allow("s3:GetObject", "s3:ListBucket").on("arn:aws:s3:::lab03-raw", "arn:aws:s3:::lab03-raw/*"),
            PolicyJson.allow("s3:PutObject", "s3:DeleteObject").on("arn:aws:s3:::lab03-refined/*"));

    @Test
    void anAllowMatchingActionAndResourceAllowsAndEverythingElseIsImplicitlyDenied() {
        RolePermissions role = RolePermissions.fromDocuments(List.of(WRITE_REFINED));

        assertThat(role.allows("s3:PutObject", "arn:aws:s3:::lab03-refined/customers/part-0.parquet")).isTrue();
        assertThat(role.allows("s3:putobject", "arn:aws:s3:::lab03-refined/x")).as("actions ignore case").isTrue();
        assertThat(role.allows("s3:PutObject", "arn:aws:s3:::lab03-raw/x")).isFalse();
        assertThat(role.allows("s3:GetObject", "arn:aws:s3:::lab03-raw/customers/v1/customers.csv")).isTrue();
        assertThat(role.allows("s3:GetObject", "arn:aws:s3:::lab03-refined/x")).isFalse();
    }

    @Test
    void wildcardsInActionsAndResourcesMatchAsInIam() {
        RolePermissions role = RolePermissions.fromDocuments(List.of(PolicyJson.of(PolicyJson.allow("s3:*").on("arn:aws:s3:::lab03-*/*"))));

        assertThat(role.allows("s3:PutObject", "arn:aws:s3:::lab03-raw/x")).isTrue();
        assertThat(role.allows("s3:PutObject", "arn:aws:s3:::lab04-raw/x")).isFalse();
        assertThat(role.allows("glue:StartJobRun", "arn:aws:s3:::lab03-raw/x")).isFalse();
    }

    @Test
    void anExplicitDenyWinsOverAnyAllow() {
        RolePermissions role = RolePermissions.fromDocuments(List.of(WRITE_REFINED,
                PolicyJson.of(PolicyJson.deny("s3:*").on("arn:aws:s3:::lab03-refined/*"))));

        assertThat(role.allows("s3:PutObject", "arn:aws:s3:::lab03-refined/x")).isFalse();
    }

    @Test
    void aStatementWithAConditionIsNotCountedAsAnAllow() {
        String conditional = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"*",
                "Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}""";

        assertThat(RolePermissions.fromDocuments(List.of(conditional)).allows("s3:PutObject", "arn:aws:s3:::b/k")).isFalse();
    }
}
