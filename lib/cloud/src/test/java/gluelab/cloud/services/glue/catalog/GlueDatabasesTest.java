package gluelab.cloud.services.glue.catalog;

import static gluelab.cloud.services.glue.catalog.CatalogFixtures.createDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AccessDeniedException;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.DatabaseAttributes;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetDatabasesResponse;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.ValidationException;

class GlueDatabasesTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void createDatabaseStoresTheNameInLowerCaseAndGetDatabaseFindsItUnderAnyCase() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            Instant before = labNow();
            glue.createDatabase(r -> r.databaseInput(d -> d.name("Sales_Raw").description("raw sales")
                    .locationUri("s3://lake/sales/").parameters(Map.of("owner", "data-team"))));

            for (String spelling : List.of("Sales_Raw", "sales_raw", "SALES_RAW")) {
                Database database = glue.getDatabase(r -> r.name(spelling)).database();
                assertThat(database.name()).isEqualTo("sales_raw");
                assertThat(database.description()).isEqualTo("raw sales");
                assertThat(database.locationUri()).isEqualTo("s3://lake/sales/");
                assertThat(database.parameters()).containsEntry("owner", "data-team");
                assertThat(database.catalogId()).isEqualTo("000000000000");
                assertThat(database.createTime()).isBetween(before.minusMillis(1), labNow());
                assertThat(database.createTableDefaultPermissions()).singleElement().satisfies(p -> {
                    assertThat(p.principal().dataLakePrincipalIdentifier()).isEqualTo("IAM_ALLOWED_PRINCIPALS");
                    assertThat(p.permissionsAsStrings()).containsExactly("ALL");
                });
            }
        }
    }

    @Test
    void createDatabaseTwiceFailsWithAlreadyExistsEvenInAnotherCase() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            createDatabase(glue, "dup_db");
            assertThatThrownBy(() -> createDatabase(glue, "DUP_DB"))
                    .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Database already exists.");
                    });
        }
    }

    @Test
    void getDatabaseOfAnUnknownNameFailsWithEntityNotFound() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            assertThatThrownBy(() -> glue.getDatabase(r -> r.name("nowhere")))
                    .isInstanceOfSatisfying(EntityNotFoundException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Database nowhere not found.");
                    });
        }
    }

    @Test
    void createDatabaseWithoutAnInputOrANameFailsValidation() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            assertThatThrownBy(() -> glue.createDatabase(r -> r.tags(Map.of())))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("1 validation error detected: Value null at 'databaseInput' failed to satisfy "
                                    + "constraint: Member must not be null"));
            assertThatThrownBy(() -> glue.createDatabase(r -> r.databaseInput(d -> d.description("no name"))))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("'databaseInput.name'");
            assertThatThrownBy(() -> glue.createDatabase(r -> r.databaseInput(d -> d.name("bad\u0001name"))))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("regular expression pattern");
        }
    }

    @Test
    void getDatabasesPagesThroughEveryDatabaseWithNextToken() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            for (int i = 0; i < 7; i++) {
                createDatabase(glue, "paged_" + i);
            }
            List<String> names = new ArrayList<>();
            String token = null;
            int pages = 0;
            do {
                String next = token;
                GetDatabasesResponse page = glue.getDatabases(r -> r.maxResults(3).nextToken(next));
                assertThat(page.databaseList()).hasSizeLessThanOrEqualTo(3);
                page.databaseList().forEach(d -> names.add(d.name()));
                token = page.nextToken();
                pages++;
            } while (token != null);
            assertThat(names).filteredOn(n -> n.startsWith("paged_"))
                    .containsExactly("paged_0", "paged_1", "paged_2", "paged_3", "paged_4", "paged_5", "paged_6");
            assertThat(names).doesNotHaveDuplicates();
            assertThat(pages).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void getDatabasesRejectsMaxResultsOutOfRangeAndForeignTokens() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            assertThatThrownBy(() -> glue.getDatabases(r -> r.maxResults(0))).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> glue.getDatabases(r -> r.maxResults(101))).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> glue.getDatabases(r -> r.nextToken("not-a-token")))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void getDatabasesWithAttributesToGetNameReturnsOnlyNames() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            glue.createDatabase(r -> r.databaseInput(d -> d.name("names_only").description("hidden")));
            List<Database> databases = glue.getDatabases(r -> r.attributesToGet(DatabaseAttributes.NAME)).databaseList();
            assertThat(databases).anySatisfy(d -> {
                assertThat(d.name()).isEqualTo("names_only");
                assertThat(d.description()).isNull();
            });
        }
    }

    @Test
    void updateDatabaseReplacesTheDefinitionAndKeepsTheCreateTime() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            glue.createDatabase(r -> r.databaseInput(d -> d.name("to_update").description("before")));
            Instant created = glue.getDatabase(r -> r.name("to_update")).database().createTime();

            glue.updateDatabase(r -> r.name("TO_UPDATE").databaseInput(d -> d.name("to_update").description("after")
                    .parameters(Map.of("k", "v"))));

            Database database = glue.getDatabase(r -> r.name("to_update")).database();
            assertThat(database.description()).isEqualTo("after");
            assertThat(database.parameters()).containsEntry("k", "v");
            assertThat(database.createTime()).isEqualTo(created);
            assertThatThrownBy(() -> glue.updateDatabase(r -> r.name("missing_db").databaseInput(d -> d.name("missing_db"))))
                    .isInstanceOf(EntityNotFoundException.class);
            assertThatThrownBy(() -> glue.updateDatabase(r -> r.name("to_update").databaseInput(d -> d.name("renamed"))))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void deleteDatabaseRemovesItsTablesAndPartitions() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            createDatabase(glue, "doomed");
            glue.createTable(r -> r.databaseName("doomed").tableInput(CatalogFixtures.table("events", "s3://lake/events/",
                    CatalogFixtures.columns("day:string"))));
            glue.createPartition(r -> r.databaseName("doomed").tableName("events")
                    .partitionInput(CatalogFixtures.partition("s3://lake/events/day=1/", "1")));

            glue.deleteDatabase(r -> r.name("Doomed"));

            assertThatThrownBy(() -> glue.getDatabase(r -> r.name("doomed"))).isInstanceOf(EntityNotFoundException.class);
            createDatabase(glue, "doomed");
            assertThat(glue.getTables(r -> r.databaseName("doomed")).tableList()).isEmpty();
            assertThatThrownBy(() -> glue.getPartition(r -> r.databaseName("doomed").tableName("events").partitionValues("1")))
                    .isInstanceOf(EntityNotFoundException.class);
            assertThatThrownBy(() -> glue.deleteDatabase(r -> r.name("never_was")))
                    .isInstanceOfSatisfying(EntityNotFoundException.class, e ->
                            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Database never_was not found."));
        }
    }

    @Test
    void anotherAccountsCatalogIdIsDeniedAndTheOwnOneIsTheDefault() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            glue.createDatabase(r -> r.catalogId("000000000000").databaseInput(d -> d.name("own_catalog")));
            assertThat(glue.getDatabase(r -> r.name("own_catalog")).database().catalogId()).isEqualTo("000000000000");
            assertThatThrownBy(() -> glue.getDatabase(r -> r.catalogId("111111111111").name("own_catalog")))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("User: arn:aws:iam::000000000000:root is not authorized to perform: glue:GetDatabase "
                                    + "on resource: arn:aws:glue:us-east-1:111111111111:catalog because no resource-based "
                                    + "policy allows the glue:GetDatabase action"));
        }
    }

    @Test
    void eachAccountHasItsOwnCatalog() {
        var otherAccount = StaticCredentialsProvider.create(AwsBasicCredentials.create("test-b", "test-b"));
        try (GlueClient glue = cloud.client(GlueClient.builder());
             GlueClient other = cloud.client(GlueClient.builder(), otherAccount)) {
            createDatabase(glue, "account_a_only");
            assertThatThrownBy(() -> other.getDatabase(r -> r.name("account_a_only")))
                    .isInstanceOf(EntityNotFoundException.class);
            createDatabase(other, "account_a_only");
            assertThat(other.getDatabase(r -> r.name("account_a_only")).database().catalogId()).isEqualTo("111111111111");
        }
    }

    @Test
    void databaseTimesFollowTheLabClock() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            Instant before = labNow();
            cloud.http(cloud.request("/_lab/clock/advance")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"duration\":\"P2D\"}")));
            createDatabase(glue, "in_the_future");
            Instant created = glue.getDatabase(r -> r.name("in_the_future")).database().createTime();
            assertThat(created).isAfter(before.plus(Duration.ofDays(2)));
        }
    }

    private static Instant labNow() {
        return cloud.cloud().platform().clock().instant();
    }
}
