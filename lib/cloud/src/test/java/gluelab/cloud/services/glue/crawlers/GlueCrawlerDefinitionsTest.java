package gluelab.cloud.services.glue.crawlers;

import static gluelab.cloud.services.glue.crawlers.CrawlerLabSupport.ROLE;
import static gluelab.cloud.services.glue.crawlers.CrawlerLabSupport.s3Crawler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerLineageSettings;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.DeleteBehavior;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.NoScheduleException;
import software.amazon.awssdk.services.glue.model.RecrawlBehavior;
import software.amazon.awssdk.services.glue.model.ScheduleState;
import software.amazon.awssdk.services.glue.model.SchedulerNotRunningException;
import software.amazon.awssdk.services.glue.model.SchedulerRunningException;
import software.amazon.awssdk.services.glue.model.UpdateBehavior;
import software.amazon.awssdk.services.iam.IamClient;

/** Crawler definitions: what CreateCrawler keeps and defaults, what it refuses, and how UpdateCrawler changes it. */
class GlueCrawlerDefinitionsTest {

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
    void aNewCrawlerIsReadyWithGluesDefaultsAndVersionOne() {
        glue.createCrawler(s3Crawler("defaults", "lake", "s3://lake/sales/").description("sales").build());

        Crawler crawler = glue.getCrawler(r -> r.name("defaults")).crawler();

        assertThat(crawler.name()).isEqualTo("defaults");
        assertThat(crawler.role()).isEqualTo(ROLE);
        assertThat(crawler.databaseName()).isEqualTo("lake");
        assertThat(crawler.description()).isEqualTo("sales");
        assertThat(crawler.targets().s3Targets()).singleElement().satisfies(t -> assertThat(t.path()).isEqualTo("s3://lake/sales/"));
        assertThat(crawler.state()).isEqualTo(CrawlerState.READY);
        assertThat(crawler.version()).isEqualTo(1L);
        assertThat(crawler.schemaChangePolicy().updateBehavior()).isEqualTo(UpdateBehavior.UPDATE_IN_DATABASE);
        assertThat(crawler.schemaChangePolicy().deleteBehavior()).isEqualTo(DeleteBehavior.DEPRECATE_IN_DATABASE);
        assertThat(crawler.recrawlPolicy().recrawlBehavior()).isEqualTo(RecrawlBehavior.CRAWL_EVERYTHING);
        assertThat(crawler.lineageConfiguration().crawlerLineageSettings()).isEqualTo(CrawlerLineageSettings.DISABLE);
        assertThat(crawler.creationTime()).isNotNull().isEqualTo(crawler.lastUpdated());
        assertThat(crawler.lastCrawl()).isNull();
        assertThat(crawler.schedule()).isNull();
    }

    @Test
    void aCrawlerWhoseRoleGlueMayNotAssumeIsRefusedInAwsWords() {
        try (IamClient iam = cloud.client(IamClient.builder())) {
            iam.createRole(r -> r.roleName("trusts-lambda-only").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},\
                    "Action":"sts:AssumeRole"}]}"""));
        }
        for (String role : List.of("arn:aws:iam::000000000000:role/trusts-lambda-only",
                "arn:aws:iam::000000000000:role/no-such-role")) {
            assertThatThrownBy(() -> glue.createCrawler(r -> r.name("untrusted").role(role).databaseName("lake")
                    .targets(t -> t.s3Targets(s -> s.path("s3://lake/sales/")))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Service is unable to assume provided role. Please verify role's TrustPolicy"));
        }
        assertThatThrownBy(() -> glue.getCrawler(r -> r.name("untrusted"))).isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void aSecondCrawlerWithTheSameNameIsAlreadyExists() {
        glue.createCrawler(s3Crawler("twice", "lake", "s3://lake/a/").build());

        assertThatThrownBy(() -> glue.createCrawler(s3Crawler("twice", "lake", "s3://lake/b/").build()))
                .isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void anUnknownCrawlerIsEntityNotFoundForEveryOperation() {
        assertThatThrownBy(() -> glue.getCrawler(r -> r.name("nobody"))).isInstanceOf(EntityNotFoundException.class)
                .hasMessageContaining("nobody");
        assertThatThrownBy(() -> glue.startCrawler(r -> r.name("nobody"))).isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> glue.stopCrawler(r -> r.name("nobody"))).isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> glue.updateCrawler(r -> r.name("nobody").description("x")))
                .isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> glue.deleteCrawler(r -> r.name("nobody"))).isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> glue.listCrawls(r -> r.crawlerName("nobody"))).isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void aCrawlerWithoutTargetsIsInvalidInput() {
        assertThatThrownBy(() -> glue.createCrawler(r -> r.name("no-targets").role(ROLE).databaseName("lake")
                .targets(t -> t.s3Targets(java.util.List.of()))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one target");
    }

    @Test
    void anS3TargetThatIsNotAnS3UriIsInvalidInput() {
        assertThatThrownBy(() -> glue.createCrawler(s3Crawler("bad-path", "lake", "lake/sales").build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("s3://");
    }

    @Test
    void anExclusionThatIsNotAGlobIsInvalidInputNotAFailedCrawlLater() {
        assertThatThrownBy(() -> glue.createCrawler(r -> r.name("bad-glob").role(ROLE).databaseName("lake")
                .targets(t -> t.s3Targets(s -> s.path("s3://lake/sales/").exclusions("{a,b")))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Unclosed group");
    }

    @Test
    void aConfigurationThatIsNotAValidCrawlerConfigurationIsInvalidInput() {
        assertThatThrownBy(() -> glue.createCrawler(s3Crawler("bad-json", "lake", "s3://lake/x/")
                .configuration("{\"Version\": 1.0,").build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Crawler configuration not valid");
        assertThatThrownBy(() -> glue.createCrawler(s3Crawler("bad-option", "lake", "s3://lake/x/")
                .configuration("{\"Version\":1.0,\"CrawlerOutput\":{\"Partitions\":{\"AddOrUpdateBehavior\":\"Sometimes\"}}}")
                .build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("InheritFromTable");
        glue.createCrawler(s3Crawler("good-json", "lake", "s3://lake/x/").configuration("{\"Version\":1.0,"
                + "\"CrawlerOutput\":{\"Partitions\":{\"AddOrUpdateBehavior\":\"InheritFromTable\"}},"
                + "\"Grouping\":{\"TableGroupingPolicy\":\"CombineCompatibleSchemas\",\"TableLevelConfiguration\":2}}").build());
        assertThat(glue.getCrawler(r -> r.name("good-json")).crawler().configuration()).contains("InheritFromTable");
    }

    @Test
    void aScheduleThatIsNotACronExpressionIsInvalidInput() {
        assertThatThrownBy(() -> glue.createCrawler(s3Crawler("bad-schedule", "lake", "s3://lake/x/")
                .schedule("every day").build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("every day");
    }

    @Test
    void crawlingNewFoldersOnlyRefusesUpdateInDatabaseOrAnyDeleteBehaviorButLogAtCreationAndAtUpdate() {
        String refusal = "The SchemaChangePolicy for \"Crawl new folders only\" Amazon S3 target can have only LOG "
                + "DeleteBehavior value and LOG UpdateBehavior value.";
        for (UpdateBehavior update : UpdateBehavior.knownValues()) {
            for (DeleteBehavior delete : DeleteBehavior.knownValues()) {
                if (update == UpdateBehavior.LOG && delete == DeleteBehavior.LOG) {
                    continue;
                }
                assertThatThrownBy(() -> glue.createCrawler(s3Crawler("new-folders-" + update + "-" + delete, "lake",
                        "s3://lake/x/").recrawlPolicy(p -> p.recrawlBehavior(RecrawlBehavior.CRAWL_NEW_FOLDERS_ONLY))
                        .schemaChangePolicy(p -> p.updateBehavior(update).deleteBehavior(delete)).build()))
                        .as("CreateCrawler with %s and %s", update, delete)
                        .isInstanceOfSatisfying(InvalidInputException.class,
                                e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(refusal));
            }
        }

        glue.createCrawler(s3Crawler("new-folders-log", "lake", "s3://lake/x/")
                .recrawlPolicy(p -> p.recrawlBehavior(RecrawlBehavior.CRAWL_NEW_FOLDERS_ONLY))
                .schemaChangePolicy(p -> p.updateBehavior(UpdateBehavior.LOG).deleteBehavior(DeleteBehavior.LOG)).build());
        assertThat(glue.getCrawler(r -> r.name("new-folders-log")).crawler().recrawlPolicy().recrawlBehavior())
                .isEqualTo(RecrawlBehavior.CRAWL_NEW_FOLDERS_ONLY);
        assertThatThrownBy(() -> glue.updateCrawler(r -> r.name("new-folders-log")
                .schemaChangePolicy(p -> p.updateBehavior(UpdateBehavior.UPDATE_IN_DATABASE))))
                .as("UpdateCrawler turning on UPDATE_IN_DATABASE under CRAWL_NEW_FOLDERS_ONLY")
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(refusal));
        assertThatThrownBy(() -> glue.updateCrawler(r -> r.name("new-folders-log")
                .schemaChangePolicy(p -> p.deleteBehavior(DeleteBehavior.DELETE_FROM_DATABASE))))
                .as("UpdateCrawler turning on DELETE_FROM_DATABASE under CRAWL_NEW_FOLDERS_ONLY")
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(refusal));

        glue.createCrawler(s3Crawler("everything-by-default", "lake", "s3://lake/x/").build());
        assertThatThrownBy(() -> glue.updateCrawler(r -> r.name("everything-by-default")
                .recrawlPolicy(p -> p.recrawlBehavior(RecrawlBehavior.CRAWL_NEW_FOLDERS_ONLY))))
                .as("UpdateCrawler turning on CRAWL_NEW_FOLDERS_ONLY over the default UPDATE_IN_DATABASE policy")
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(refusal));
        assertThat(glue.getCrawler(r -> r.name("new-folders-log")).crawler().schemaChangePolicy().updateBehavior())
                .as("a refused update changes nothing")
                .isEqualTo(UpdateBehavior.LOG);
    }

    @Test
    void updateCrawlerChangesOnlyWhatItCarriesAndRaisesTheVersion() {
        glue.createCrawler(s3Crawler("updated", "lake", "s3://lake/x/").tablePrefix("raw_").build());
        Crawler before = glue.getCrawler(r -> r.name("updated")).crawler();

        glue.updateCrawler(r -> r.name("updated").databaseName("lake2")
                .schemaChangePolicy(p -> p.updateBehavior(UpdateBehavior.LOG)));

        Crawler after = glue.getCrawler(r -> r.name("updated")).crawler();
        assertThat(after.version()).isEqualTo(2L);
        assertThat(after.databaseName()).isEqualTo("lake2");
        assertThat(after.tablePrefix()).isEqualTo("raw_");
        assertThat(after.targets()).isEqualTo(before.targets());
        assertThat(after.schemaChangePolicy().updateBehavior()).isEqualTo(UpdateBehavior.LOG);
        assertThat(after.schemaChangePolicy().deleteBehavior()).isEqualTo(DeleteBehavior.DEPRECATE_IN_DATABASE);
        assertThat(after.creationTime()).isEqualTo(before.creationTime());
        assertThat(after.lastUpdated()).isAfterOrEqualTo(before.lastUpdated());
    }

    @Test
    void crawlersAreListedByNameFilteredByTagsAndFetchedInBatches() {
        glue.createCrawler(s3Crawler("tagged-a", "lake", "s3://lake/a/").tags(Map.of("team", "data")).build());
        glue.createCrawler(s3Crawler("tagged-b", "lake", "s3://lake/b/").tags(Map.of("team", "web")).build());

        assertThat(glue.listCrawlers(r -> r.tags(Map.of("team", "data"))).crawlerNames()).containsExactly("tagged-a");
        assertThat(glue.listCrawlers(r -> r.maxResults(1000)).crawlerNames()).contains("tagged-a", "tagged-b");
        var firstPage = glue.listCrawlers(r -> r.maxResults(1));
        assertThat(firstPage.crawlerNames()).hasSize(1);
        assertThat(firstPage.nextToken()).isNotNull();
        assertThat(glue.getCrawlers(r -> r.maxResults(1000)).crawlers()).extracting(Crawler::name).contains("tagged-a", "tagged-b");

        var batch = glue.batchGetCrawlers(r -> r.crawlerNames("tagged-a", "missing"));
        assertThat(batch.crawlers()).extracting(Crawler::name).containsExactly("tagged-a");
        assertThat(batch.crawlersNotFound()).containsExactly("missing");
    }

    @Test
    void aDeletedCrawlerIsGone() {
        glue.createCrawler(s3Crawler("deleted", "lake", "s3://lake/x/").build());

        glue.deleteCrawler(r -> r.name("deleted"));

        assertThatThrownBy(() -> glue.getCrawler(r -> r.name("deleted"))).isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void aScheduleIsScheduledFromCreationAndCanBePausedResumedAndChanged() {
        glue.createCrawler(s3Crawler("scheduled", "lake", "s3://lake/x/").schedule("cron(0 12 * * ? *)").build());
        assertThat(glue.getCrawler(r -> r.name("scheduled")).crawler().schedule().state()).isEqualTo(ScheduleState.SCHEDULED);
        assertThatThrownBy(() -> glue.startCrawlerSchedule(r -> r.crawlerName("scheduled")))
                .isInstanceOf(SchedulerRunningException.class);

        glue.stopCrawlerSchedule(r -> r.crawlerName("scheduled"));
        assertThat(glue.getCrawler(r -> r.name("scheduled")).crawler().schedule().state())
                .isEqualTo(ScheduleState.NOT_SCHEDULED);
        assertThatThrownBy(() -> glue.stopCrawlerSchedule(r -> r.crawlerName("scheduled")))
                .isInstanceOf(SchedulerNotRunningException.class);

        glue.startCrawlerSchedule(r -> r.crawlerName("scheduled"));
        glue.updateCrawlerSchedule(r -> r.crawlerName("scheduled").schedule("cron(30 6 * * ? *)"));
        assertThat(glue.getCrawler(r -> r.name("scheduled")).crawler().schedule().scheduleExpression())
                .isEqualTo("cron(30 6 * * ? *)");

        glue.createCrawler(s3Crawler("unscheduled", "lake", "s3://lake/x/").build());
        assertThatThrownBy(() -> glue.startCrawlerSchedule(r -> r.crawlerName("unscheduled")))
                .isInstanceOf(NoScheduleException.class);
    }
}
