package gluelab.cloud.services.glue.dataquality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AccessDeniedException;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.DataQualityRulesetListDetails;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetDataQualityRulesetResponse;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Data Quality rulesets through the SDK: kept as written, checked with AWS's DQDL parser, listed with a rule count. */
class GlueDataQualityRulesetsTest {

    static final String ORDERS_RULES = "Rules = [ RowCount > 0, IsComplete \"id\", IsUnique \"id\", ColumnValues \"amount\" >= 0 ]";

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void aRulesetIsKeptAsWrittenWithItsTargetTableAndTimes() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            String name = glue.createDataQualityRuleset(r -> r.name("kept-orders").description("orders gate")
                    .ruleset(ORDERS_RULES).targetTable(t -> t.databaseName("sales").tableName("orders"))).name();

            GetDataQualityRulesetResponse ruleset = glue.getDataQualityRuleset(r -> r.name(name));
            assertThat(ruleset.name()).isEqualTo("kept-orders");
            assertThat(ruleset.ruleset()).isEqualTo(ORDERS_RULES);
            assertThat(ruleset.description()).isEqualTo("orders gate");
            assertThat(ruleset.targetTable().databaseName()).isEqualTo("sales");
            assertThat(ruleset.targetTable().tableName()).isEqualTo("orders");
            assertThat(ruleset.createdOn()).isNotNull().isEqualTo(ruleset.lastModifiedOn());
        }
    }

    @Test
    void badDqdlIsAnInvalidInputExceptionThatSaysWhereTheParserStopped() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            assertThatThrownBy(() -> glue.createDataQualityRuleset(r -> r.name("bad-dqdl").ruleset("Rules = [ RowCount >> 0 ]")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("line 1:");
            assertThatThrownBy(() -> glue.getDataQualityRuleset(r -> r.name("bad-dqdl")))
                    .isInstanceOf(EntityNotFoundException.class);
        }
    }

    @Test
    void aSecondRulesetOfTheSameNameIsAlreadyExists() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            glue.createDataQualityRuleset(r -> r.name("twice").ruleset("Rules = [ RowCount > 0 ]"));

            assertThatThrownBy(() -> glue.createDataQualityRuleset(r -> r.name("twice").ruleset("Rules = [ RowCount > 1 ]")))
                    .isInstanceOf(AlreadyExistsException.class);
            assertThat(glue.getDataQualityRuleset(r -> r.name("twice")).ruleset()).isEqualTo("Rules = [ RowCount > 0 ]");
        }
    }

    @Test
    void anUpdateReplacesTheRulesetOnlyWhenItParses() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            glue.createDataQualityRuleset(r -> r.name("updated").description("v1").ruleset("Rules = [ RowCount > 0 ]"));

            var updated = glue.updateDataQualityRuleset(r -> r.name("updated").ruleset("Rules = [ RowCount > 10 ]"));
            assertThat(updated.ruleset()).isEqualTo("Rules = [ RowCount > 10 ]");
            assertThat(updated.description()).isEqualTo("v1");
            assertThatThrownBy(() -> glue.updateDataQualityRuleset(r -> r.name("updated").ruleset("Rules = [")))
                    .isInstanceOf(InvalidInputException.class);
            assertThat(glue.getDataQualityRuleset(r -> r.name("updated")).ruleset()).isEqualTo("Rules = [ RowCount > 10 ]");
            assertThatThrownBy(() -> glue.updateDataQualityRuleset(r -> r.name("no-such").ruleset("Rules = [ RowCount > 0 ]")))
                    .isInstanceOf(EntityNotFoundException.class);
        }
    }

    @Test
    void aDeletedRulesetIsGoneAndDeletingItAgainIsEntityNotFound() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            glue.createDataQualityRuleset(r -> r.name("deleted").ruleset("Rules = [ RowCount > 0 ]"));
            glue.deleteDataQualityRuleset(r -> r.name("deleted"));

            assertThatThrownBy(() -> glue.getDataQualityRuleset(r -> r.name("deleted"))).isInstanceOf(EntityNotFoundException.class);
            assertThatThrownBy(() -> glue.deleteDataQualityRuleset(r -> r.name("deleted"))).isInstanceOf(EntityNotFoundException.class);
        }
    }

    @Test
    void listingNarrowsByTargetTableAndCountsEachRulesetsRules() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            glue.createDataQualityRuleset(r -> r.name("list-orders").ruleset(ORDERS_RULES)
                    .targetTable(t -> t.databaseName("listdb").tableName("orders")));
            glue.createDataQualityRuleset(r -> r.name("list-customers").ruleset("Rules = [ RowCount > 0 ]")
                    .targetTable(t -> t.databaseName("listdb").tableName("customers")));

            var listed = glue.listDataQualityRulesets(r -> r.filter(f -> f.targetTable(t -> t.databaseName("listdb")
                    .tableName("orders")))).rulesets();
            assertThat(listed).extracting(DataQualityRulesetListDetails::name).containsExactly("list-orders");
            assertThat(listed.get(0).ruleCount()).isEqualTo(4);

            var paged = glue.listDataQualityRulesets(r -> r.maxResults(1));
            assertThat(paged.rulesets()).hasSize(1);
            assertThat(paged.nextToken()).isNotNull();
        }
    }

    @Test
    void aRoleSessionIsAuthorizedOnTheRulesetsItNamesAsDataQualityRulesetArns() {
        try (GlueClient glue = cloud.client(GlueClient.builder());
             IamClient iam = cloud.client(IamClient.builder(), RunningLabCloud.TEST_CREDENTIALS, Region.AWS_GLOBAL);
             StsClient sts = cloud.client(StsClient.builder())) {
            glue.createDataQualityRuleset(r -> r.name("granted-rules").ruleset(ORDERS_RULES));
            glue.createDataQualityRuleset(r -> r.name("other-rules").ruleset(ORDERS_RULES));
            iam.createRole(r -> r.roleName("dq-starter").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},\
                    "Action":"sts:AssumeRole"}]}"""));
            iam.putRolePolicy(r -> r.roleName("dq-starter").policyName("one-ruleset").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                    "Action":["glue:GetDataQualityRuleset","glue:StartDataQualityRulesetEvaluationRun"],\
                    "Resource":"arn:aws:glue:us-east-1:000000000000:dataQualityRuleset/granted-rules"}]}"""));
            Credentials session = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/dq-starter")
                    .roleSessionName("starter")).credentials();
            try (GlueClient starter = cloud.client(GlueClient.builder(), StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(), session.sessionToken())))) {
                assertThat(starter.getDataQualityRuleset(r -> r.name("granted-rules")).ruleset()).isEqualTo(ORDERS_RULES);
                assertThatThrownBy(() -> starter.getDataQualityRuleset(r -> r.name("other-rules")))
                        .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                                .contains("glue:GetDataQualityRuleset on resource: "
                                        + "arn:aws:glue:us-east-1:000000000000:dataQualityRuleset/other-rules"));
                assertThatThrownBy(() -> starter.startDataQualityRulesetEvaluationRun(r -> r.role("GlueLabJobRole")
                        .rulesetNames("granted-rules", "other-rules")
                        .dataSource(d -> d.glueTable(t -> t.databaseName("sales").tableName("orders")))))
                        .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                                .contains("glue:StartDataQualityRulesetEvaluationRun on resource: "
                                        + "arn:aws:glue:us-east-1:000000000000:dataQualityRuleset/other-rules"));
            }
        }
    }
}
