package gluelab.cloud.services.glue.catalog;

import static gluelab.cloud.services.glue.catalog.CatalogFixtures.allPartitions;
import static gluelab.cloud.services.glue.catalog.CatalogFixtures.columns;
import static gluelab.cloud.services.glue.catalog.CatalogFixtures.createDatabase;
import static gluelab.cloud.services.glue.catalog.CatalogFixtures.partition;
import static gluelab.cloud.services.glue.catalog.CatalogFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.InvalidInputException;

/**
 * GetPartitions' Expression, table-driven: each row is an expression and the partitions it must return.
 * The comparisons follow each partition key's declared type, so on an {@code int} key 10 is more than 9,
 * while a {@code string} key compares text.
 */
class PartitionExpressionTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static final String DATABASE = "filters";

    @BeforeAll
    static void createPartitionedTables() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            createDatabase(glue, DATABASE);
            // events: partitioned by year int, month int, region string, day date; named "year-month" below.
            glue.createTable(r -> r.databaseName(DATABASE).tableInput(table("events", "s3://lake/events/",
                    columns("year:int", "month:int", "region:string", "day:date"))));
            glue.batchCreatePartition(r -> r.databaseName(DATABASE).tableName("events").partitionInputList(
                    partition("s3://lake/events/1/", "2023", "9", "eu-west-1", "2023-09-30"),
                    partition("s3://lake/events/2/", "2023", "12", "us-east-1", "2023-12-31"),
                    partition("s3://lake/events/3/", "2024", "2", "eu-west-1", "2024-02-29"),
                    partition("s3://lake/events/4/", "2024", "9", "eu-central-1", "2024-09-01"),
                    partition("s3://lake/events/5/", "2024", "10", "us-east-1", "2024-10-15"),
                    partition("s3://lake/events/6/", "2024", "11", "ap-south-1", "2024-11-05"),
                    partition("s3://lake/events/7/", "2024", "12", "eu-west-1", "2024-12-31"),
                    // Hive's (and Glue's) spelling of a null partition value
                    partition("s3://lake/events/8/", "2025", "1", "__HIVE_DEFAULT_PARTITION__", "2025-01-01")));
            // readings: timestamp, double, decimal and varchar keys; named by their code below.
            glue.createTable(r -> r.databaseName(DATABASE).tableInput(table("readings", "s3://lake/readings/",
                    columns("ts:timestamp", "ratio:double", "amount:decimal(10,2)", "code:varchar(8)"))));
            glue.batchCreatePartition(r -> r.databaseName(DATABASE).tableName("readings").partitionInputList(
                    partition("s3://lake/readings/1/", "2024-03-01 08:00:00", "0.5", "10.50", "9"),
                    partition("s3://lake/readings/2/", "2024-03-01 12:30:00", "1.25", "2.00", "10"),
                    partition("s3://lake/readings/3/", "2024-03-02 00:00:00", "2.0", "100.00", "100")));
        }
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "none", textBlock = """
            year = 2024 AND month > 9                           | 2024-10, 2024-11, 2024-12
            month > 9                                           | 2023-12, 2024-10, 2024-11, 2024-12
            month > '9'                                         | 2023-12, 2024-10, 2024-11, 2024-12
            9 < month                                           | 2023-12, 2024-10, 2024-11, 2024-12
            YEAR = 2023                                         | 2023-9, 2023-12
            year >= 2024 AND month <= 2                         | 2024-2, 2025-1
            region = 'eu-west-1'                                | 2023-9, 2024-2, 2024-12
            region <> 'eu-west-1'                               | 2023-12, 2024-9, 2024-10, 2024-11
            region != 'eu-west-1'                               | 2023-12, 2024-9, 2024-10, 2024-11
            region > 'eu'                                       | 2023-9, 2023-12, 2024-2, 2024-9, 2024-10, 2024-12
            region LIKE 'eu-%'                                  | 2023-9, 2024-2, 2024-9, 2024-12
            region LIKE 'eu-____-1'                             | 2023-9, 2024-2, 2024-12
            region NOT LIKE 'eu%'                               | 2023-12, 2024-10, 2024-11
            region IS NULL                                      | 2025-1
            region IS NOT NULL AND year = 2023                  | 2023-9, 2023-12
            month IN (2, 12)                                    | 2023-12, 2024-2, 2024-12
            month NOT IN (2, 12)                                | 2023-9, 2024-9, 2024-10, 2024-11, 2025-1
            month BETWEEN 9 AND 11                              | 2023-9, 2024-9, 2024-10, 2024-11
            month NOT BETWEEN 2 AND 11                          | 2023-12, 2024-12, 2025-1
            NOT (year = 2024)                                   | 2023-9, 2023-12, 2025-1
            (year = 2023 OR year = 2025) AND month < 10         | 2023-9, 2025-1
            year = 2024 AND (month = 2 OR region = 'us-east-1') | 2024-2, 2024-10
            day >= '2024-09-01' AND day < '2024-12-01'          | 2024-9, 2024-10, 2024-11
            day > DATE '2024-11-30'                             | 2024-12, 2025-1
            day BETWEEN '2024-02-01' AND '2024-02-29'           | 2024-2
            region = 'nowhere'                                  | none
            """)
    void eventsExpressionReturnsExactlyTheseYearMonths(String expression, String expected) {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            List<String> found = allPartitions(glue, DATABASE, "events", expression).stream()
                    .map(p -> p.values().get(0) + "-" + p.values().get(1)).toList();
            assertThat(found).containsExactlyInAnyOrderElementsOf(split(expected));
        }
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "none", textBlock = """
            ts > '2024-03-01 09:00:00'                 | 10, 100
            ts < TIMESTAMP '2024-03-01 12:30:00'       | 9
            ts >= '2024-03-02'                         | 100
            ratio = 2                                  | 100
            ratio > 1                                  | 10, 100
            amount > 9.99                              | 9, 100
            amount = 2                                 | 10
            code > '10'                                | 9, 100
            code IN ('9', '100')                       | 9, 100
            code LIKE '1%'                             | 10, 100
            """)
    void readingsExpressionReturnsExactlyTheseCodes(String expression, String expected) {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            List<String> found = allPartitions(glue, DATABASE, "readings", expression).stream()
                    .map(p -> p.values().get(3)).toList();
            assertThat(found).containsExactlyInAnyOrderElementsOf(split(expected));
        }
    }

    @Test
    void anIntKeyComparesNumbersWhereAStringKeyWouldCompareText() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            // As text, "10", "11" and "12" all sort before "9": a string comparison would miss them.
            assertThat(allPartitions(glue, DATABASE, "events", "year = 2024 AND month > 9"))
                    .extracting(p -> p.values().get(1)).containsExactlyInAnyOrder("10", "11", "12");
            // The varchar key "code" does compare as text: "9" > "10", and so does "100".
            assertThat(allPartitions(glue, DATABASE, "readings", "code > '10'"))
                    .extracting(p -> p.values().get(3)).containsExactlyInAnyOrder("9", "100");
        }
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "year = "                      | Unsupported expression
            year = 2024 garbage            | Unsupported expression
            year = 2024; DROP TABLE events | Unsupported expression
            colour = 'red'                 | Unknown column 'colour'
            year = 'abc'                   | 'abc' is not a valid int value for partition key 'year'
            day < '2024-13-45'             | is not a valid date value for partition key 'day'
            month LIKE '1%'                | Integral data type doesn't support operation 'LIKE'
            day LIKE '2024%'               | Date data type doesn't support operation 'LIKE'
            year = month                   | compare a partition key with a literal
            year > 1 XOR month > 1         | Unsupported expression
            upper(region) = 'EU'           | Unsupported expression
            """)
    void aMalformedExpressionFailsWithInvalidInput(String expression, String message) {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            assertThatThrownBy(() -> allPartitions(glue, DATABASE, "events", expression))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage()).contains(message);
                    });
        }
    }

    @Test
    void aKeyOfATypeFiltersCannotCompareIsRefusedOnlyWhenTheExpressionUsesIt() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            glue.createTable(r -> r.databaseName(DATABASE).tableInput(table("flags", "s3://lake/flags/",
                    columns("flag:boolean", "year:int"))));
            glue.createPartition(r -> r.databaseName(DATABASE).tableName("flags")
                    .partitionInput(partition("s3://lake/flags/1/", "true", "2024")));
            assertThat(allPartitions(glue, DATABASE, "flags", "year = 2024")).hasSize(1);
            assertThatThrownBy(() -> allPartitions(glue, DATABASE, "flags", "flag = 'true'"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Unknown type : 'boolean'");
        }
    }

    private static List<String> split(String expected) {
        return expected == null ? List.of() : Arrays.stream(expected.split(",")).map(String::trim).toList();
    }
}
