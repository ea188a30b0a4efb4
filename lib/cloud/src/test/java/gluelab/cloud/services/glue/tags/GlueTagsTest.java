package gluelab.cloud.services.glue.tags;

import static gluelab.cloud.services.glue.jobs.GlueLabSupport.sparkJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.cloud.testing.TestRoles;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AccessDeniedException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.TriggerType;

/** Glue's tagging operations on jobs, triggers, crawlers and databases, addressed by their ARNs as on AWS. */
class GlueTagsTest {

    private static final String ARN = "arn:aws:glue:us-east-1:000000000000:";
    private static final String ROLE = TestRoles.JOB_ROLE;

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory().withGlueRoles();
    static GlueClient glue;

    @BeforeAll
    static void client() {
        glue = cloud.client(GlueClient.builder());
    }

    @AfterAll
    static void closeClient() {
        glue.close();
    }

    @Test
    void tagsGivenAtCreationAreTheTagsGetTagsShowsForEveryKindOfResource() {
        glue.createJob(sparkJob("created-tagged", "com.example.Job").tags(Map.of("team", "data")).build());
        glue.createTrigger(r -> r.name("created-tagged-trigger").type(TriggerType.ON_DEMAND)
                .actions(a -> a.jobName("created-tagged")).tags(Map.of("team", "ops")));
        glue.createCrawler(r -> r.name("created-tagged-crawler").role(ROLE).databaseName("lake")
                .targets(t -> t.s3Targets(s -> s.path("s3://lake/sales/"))).tags(Map.of("team", "lake")));
        glue.createDatabase(r -> r.databaseInput(d -> d.name("created_tagged_db")).tags(Map.of("team", "bi")));

        assertThat(tags("job/created-tagged")).containsExactlyEntriesOf(Map.of("team", "data"));
        assertThat(tags("trigger/created-tagged-trigger")).containsExactlyEntriesOf(Map.of("team", "ops"));
        assertThat(tags("crawler/created-tagged-crawler")).containsExactlyEntriesOf(Map.of("team", "lake"));
        assertThat(tags("database/created_tagged_db")).containsExactlyEntriesOf(Map.of("team", "bi"));
    }

    @Test
    void aResourceWithoutTagsHasAnEmptyMap() {
        glue.createJob(sparkJob("untagged", "com.example.Job").build());

        assertThat(tags("job/untagged")).isEmpty();
    }

    @Test
    void tagResourceAddsAndOverwritesAndUntagResourceRemovesOnlyTheKeysItNames() {
        glue.createJob(sparkJob("retagged", "com.example.Job").tags(Map.of("team", "data", "tier", "gold")).build());

        glue.tagResource(r -> r.resourceArn(ARN + "job/retagged").tagsToAdd(Map.of("tier", "silver", "owner", "ana")));
        assertThat(tags("job/retagged")).containsExactlyInAnyOrderEntriesOf(
                Map.of("team", "data", "tier", "silver", "owner", "ana"));

        glue.untagResource(r -> r.resourceArn(ARN + "job/retagged").tagsToRemove("team", "never-there"));
        assertThat(tags("job/retagged")).containsExactlyInAnyOrderEntriesOf(Map.of("tier", "silver", "owner", "ana"));
    }

    @Test
    void theListOperationsFilterByTagsAddedWithTagResource() {
        glue.createJob(sparkJob("filtered-job", "com.example.Job").build());
        glue.createTrigger(r -> r.name("filtered-trigger").type(TriggerType.ON_DEMAND).actions(a -> a.jobName("filtered-job")));
        glue.createCrawler(r -> r.name("filtered-crawler").role(ROLE).databaseName("lake")
                .targets(t -> t.s3Targets(s -> s.path("s3://lake/x/"))));

        for (String resource : new String[] {"job/filtered-job", "trigger/filtered-trigger", "crawler/filtered-crawler"}) {
            glue.tagResource(r -> r.resourceArn(ARN + resource).tagsToAdd(Map.of("cost-centre", "lab-42")));
        }

        Map<String, String> wanted = Map.of("cost-centre", "lab-42");
        assertThat(glue.listJobs(r -> r.tags(wanted)).jobNames()).containsExactly("filtered-job");
        assertThat(glue.listTriggers(r -> r.tags(wanted)).triggerNames()).containsExactly("filtered-trigger");
        assertThat(glue.listCrawlers(r -> r.tags(wanted)).crawlerNames()).containsExactly("filtered-crawler");
    }

    @Test
    void aDatabaseIsFoundWhateverTheCaseOfTheNameInItsArn() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("Sales_Raw")));

        glue.tagResource(r -> r.resourceArn(ARN + "database/SALES_RAW").tagsToAdd(Map.of("layer", "raw")));

        assertThat(tags("database/sales_raw")).containsExactlyEntriesOf(Map.of("layer", "raw"));
    }

    @Test
    void aResourceThatDoesNotExistIsEntityNotFoundInItsKindsWords() {
        assertThatThrownBy(() -> tags("job/missing"))
                .isInstanceOfSatisfying(EntityNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Job with name: missing not found."));
        assertThatThrownBy(() -> glue.tagResource(r -> r.resourceArn(ARN + "trigger/missing").tagsToAdd(Map.of("a", "b"))))
                .isInstanceOfSatisfying(EntityNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Trigger with name: missing not found."));
        assertThatThrownBy(() -> glue.untagResource(r -> r.resourceArn(ARN + "crawler/missing").tagsToRemove("a")))
                .isInstanceOfSatisfying(EntityNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Crawler entry with name missing does not exist"));
        assertThatThrownBy(() -> tags("database/missing"))
                .isInstanceOfSatisfying(EntityNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Database missing not found."));
        assertThatThrownBy(() -> tags("workflow/nightly")).isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void aResourceOfAnotherRegionIsNotFoundHere() {
        glue.createJob(sparkJob("regional", "com.example.Job").build());

        assertThatThrownBy(() -> glue.getTags(r -> r.resourceArn("arn:aws:glue:eu-west-1:000000000000:job/regional")))
                .isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void aDeletedResourceTakesItsTagsWithItSoOneCreatedAgainStartsWithout() {
        glue.createJob(sparkJob("recreated", "com.example.Job").tags(Map.of("team", "data")).build());
        glue.createDatabase(r -> r.databaseInput(d -> d.name("recreated_db")).tags(Map.of("team", "data")));

        glue.deleteJob(r -> r.jobName("recreated"));
        glue.deleteDatabase(r -> r.name("recreated_db"));
        glue.createJob(sparkJob("recreated", "com.example.Job").build());
        glue.createDatabase(r -> r.databaseInput(d -> d.name("recreated_db")));

        assertThat(tags("job/recreated")).isEmpty();
        assertThat(tags("database/recreated_db")).isEmpty();
    }

    @Test
    void aResetRemovesTheTagsOfTheResourcesItRemoves() {
        glue.createCrawler(r -> r.name("reset_me-crawler").role(ROLE).databaseName("lake")
                .targets(t -> t.s3Targets(s -> s.path("s3://lake/y/"))).tags(Map.of("team", "data")));

        cloud.http(cloud.request("/_lab/reset?prefix=reset_me").POST(HttpRequest.BodyPublishers.noBody()));
        glue.createCrawler(r -> r.name("reset_me-crawler").role(ROLE).databaseName("lake")
                .targets(t -> t.s3Targets(s -> s.path("s3://lake/y/"))));

        assertThat(tags("crawler/reset_me-crawler")).isEmpty();
    }

    @Test
    void aKindOfResourceGlueDoesNotTagIsInvalidInputAndAnArnThatIsNotGluesIsAValidationError() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("untaggable_db")));
        glue.createTable(r -> r.databaseName("untaggable_db").tableInput(t -> t.name("t")));

        assertThatThrownBy(() -> tags("table/untaggable_db/t")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> glue.getTags(r -> r.resourceArn("arn:aws:s3:::a-bucket")))
                .isInstanceOfSatisfying(GlueException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value "
                            + "'arn:aws:s3:::a-bucket' at 'resourceArn' failed to satisfy constraint: Member must satisfy "
                            + "regular expression pattern: arn:aws(-(cn|us-gov|iso(-[bef])?))?:glue:.*");
                });
        assertThatThrownBy(() -> glue.getTags(r -> r.resourceArn("arn:aws:glue::000000000000:job/no-region")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anotherAccountsResourceIsAccessDenied() {
        var otherAccount = StaticCredentialsProvider.create(AwsBasicCredentials.create("test-b", "test-b"));
        glue.createJob(sparkJob("private", "com.example.Job").build());

        try (GlueClient other = cloud.client(GlueClient.builder(), otherAccount)) {
            assertThatThrownBy(() -> other.getTags(r -> r.resourceArn(ARN + "job/private")))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("User: arn:aws:iam::111111111111:root is not authorized to perform: glue:GetTags "
                                    + "on resource: " + ARN + "job/private because no resource-based policy allows the "
                                    + "glue:GetTags action"));
        }
    }

    @Test
    void tagsBreakingGluesRulesAreRefusedAndNothingIsCreatedWithThem() {
        glue.createJob(sparkJob("full", "com.example.Job").tags(fifty("k")).build());

        assertThatThrownBy(() -> glue.tagResource(r -> r.resourceArn(ARN + "job/full").tagsToAdd(Map.of("one", "more"))))
                .as("a resource holds at most 50 tags")
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> glue.tagResource(r -> r.resourceArn(ARN + "job/full").tagsToAdd(Map.of("aws:owner", "x"))))
                .as("the aws: prefix is AWS's own")
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> glue.tagResource(r -> r.resourceArn(ARN + "job/full").tagsToAdd(Map.of("k".repeat(129), "x"))))
                .isInstanceOfSatisfying(GlueException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("at 'tagsToAdd' failed to satisfy constraint: Map keys must satisfy constraint: "
                                + "[Member must have length less than or equal to 128, Member must have length greater than "
                                + "or equal to 1]"));
        assertThatThrownBy(() -> glue.createJob(sparkJob("too-many", "com.example.Job")
                        .tags(merged(fifty("a"), Map.of("b", "c"))).build()))
                .isInstanceOfSatisfying(GlueException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> glue.getJob(r -> r.jobName("too-many"))).isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void tagsSurviveARestartOnTheSameStateDirectory(@TempDir Path stateDir) {
        LabCloudConfig config = LabCloudConfig.defaults().withPort(0)
                .withGlueWorker(LabCloudConfig.GlueWorkerMode.OFF).withStateDir(stateDir);
        try (LabCloud first = LabCloud.start(config); GlueClient client = glueAt(first)) {
            client.createDatabase(r -> r.databaseInput(d -> d.name("kept")).tags(Map.of("team", "data")));
            client.tagResource(r -> r.resourceArn(ARN + "database/kept").tagsToAdd(Map.of("tier", "gold")));
        }
        try (LabCloud second = LabCloud.start(config); GlueClient client = glueAt(second)) {
            assertThat(client.getTags(r -> r.resourceArn(ARN + "database/kept")).tags())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("team", "data", "tier", "gold"));
        }
    }

    private static Map<String, String> tags(String resource) {
        return glue.getTags(r -> r.resourceArn(ARN + resource)).tags();
    }

    private static Map<String, String> fifty(String prefix) {
        Map<String, String> tags = new HashMap<>();
        IntStream.range(0, 50).forEach(i -> tags.put(prefix + i, "v"));
        return tags;
    }

    private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new HashMap<>(a);
        all.putAll(b);
        return all;
    }

    private static GlueClient glueAt(LabCloud cloud) {
        return GlueClient.builder()
                .endpointOverride(cloud.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(RunningLabCloud.TEST_CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
