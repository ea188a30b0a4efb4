package gluelab.e2e.glue;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import gluelab.e2e.LabCloudWithWorker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * A Glue sink with {@code enableUpdateCatalog} and {@code partitionKeys} keeps its Data Catalog table in step with
 * what it writes, through Lab Cloud's own catalog, with no crawler: the first write creates the table, every new
 * month folder becomes a partition, and a new column reaches the table only with {@code UPDATE_IN_DATABASE}.
 */
class CatalogUpdatingSinkEndToEndTest {

    private static final String DATA = "sink-cat-data";
    private static final String DATABASE = "sink_cat_db";

    @RegisterExtension
    static RunningLabCloud cloud = LabCloudWithWorker.shared();
    static GlueJobRuns glue;

    @BeforeAll
    static void aJobWithACatalogUpdatingSink() {
        glue = new GlueJobRuns(cloud);
        glue.createBuckets("sink-cat-jobs", DATA);
        String jar = glue.uploadJobJar("sink-cat-jobs", LabJobs.jar());
        glue.createJob("sink-cat-writer", jar, "labtest.CatalogUpdatingSink", Map.of("--database", DATABASE,
                "--update_behavior", "UPDATE_IN_DATABASE"));
        glue.glue.createDatabase(r -> r.databaseInput(d -> d.name(DATABASE)));
    }

    @AfterAll
    static void closeClients() {
        glue.close();
    }

    private static JobRun write(String table, String key, String csv, Map<String, String> more) {
        glue.put(DATA, "in/" + table + "/" + key, csv);
        Map<String, String> arguments = new java.util.HashMap<>(more);
        arguments.put("--input", "s3://" + DATA + "/in/" + table + "/" + key);
        arguments.put("--output", "s3://" + DATA + "/tables/" + table + "/");
        arguments.put("--table", table);
        return glue.runToEnd("sink-cat-writer", arguments);
    }

    private static List<String> columns(Table table) {
        return table.storageDescriptor().columns().stream().map(c -> c.name() + " " + c.type()).toList();
    }

    private static List<List<String>> partitions(String table) {
        return glue.glue.getPartitions(r -> r.databaseName(DATABASE).tableName(table)).partitions().stream()
                .map(Partition::values).sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }

    @Test
    void theFirstWriteCreatesThePartitionedTableAndEveryLaterOneAddsItsNewPartitions() {
        JobRun january = write("sales", "jan.csv", "id,month,amount\n1,1,10.5\n2,1,20.25\n", Map.of());
        assertThat(january.jobRunState()).as(january.errorMessage()).isEqualTo(JobRunState.SUCCEEDED);

        Table table = glue.glue.getTable(r -> r.databaseName(DATABASE).name("sales")).table();
        assertThat(columns(table)).containsExactly("id bigint", "amount double");
        assertThat(table.partitionKeys()).extracting(Column::name, Column::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("month", "bigint"));
        assertThat(table.storageDescriptor().location()).isEqualTo("s3://" + DATA + "/tables/sales/");
        assertThat(table.parameters()).containsEntry("classification", "parquet");
        assertThat(partitions("sales")).containsExactly(List.of("1"));

        JobRun februaryAndMarch = write("sales", "febmar.csv", "id,month,amount\n3,2,7.0\n4,3,1.5\n5,1,2.0\n", Map.of());
        assertThat(februaryAndMarch.jobRunState()).as(februaryAndMarch.errorMessage()).isEqualTo(JobRunState.SUCCEEDED);
        assertThat(partitions("sales")).containsExactly(List.of("1"), List.of("2"), List.of("3"));
        Partition march = glue.glue.getPartition(r -> r.databaseName(DATABASE).tableName("sales").partitionValues("3")).partition();
        assertThat(march.storageDescriptor().location()).isEqualTo("s3://" + DATA + "/tables/sales/month=3/");
        assertThat(glue.keys(DATA, "tables/sales/month=3/")).anyMatch(key -> key.endsWith(".parquet"));
    }

    @Test
    void aNewColumnReachesTheTableWithUpdateInDatabaseAndOnlyTheLogWithLog() {
        assertThat(write("logged", "a.csv", "id,month\n1,1\n", Map.of()).jobRunState()).isEqualTo(JobRunState.SUCCEEDED);

        JobRun logged = write("logged", "b.csv", "id,month,bike_type\n2,2,e-bike\n", Map.of("--update_behavior", "LOG"));
        assertThat(logged.jobRunState()).as(logged.errorMessage()).isEqualTo(JobRunState.SUCCEEDED);
        assertThat(columns(glue.glue.getTable(r -> r.databaseName(DATABASE).name("logged")).table())).containsExactly("id bigint");
        assertThat(glue.output(logged.id())).anyMatch(line -> line.contains("updateBehavior LOG leaves the table's columns"));
        assertThat(partitions("logged")).containsExactly(List.of("1"), List.of("2"));

        JobRun updated = write("logged", "c.csv", "id,month,bike_type\n3,3,classic\n", Map.of());
        assertThat(updated.jobRunState()).as(updated.errorMessage()).isEqualTo(JobRunState.SUCCEEDED);
        assertThat(columns(glue.glue.getTable(r -> r.databaseName(DATABASE).name("logged")).table()))
                .containsExactly("id bigint", "bike_type string");
    }

    @Test
    void enableUpdateCatalogWantsGluesOwnParquetWriter() {
        JobRun run = write("plain", "a.csv", "id,month\n1,1\n", Map.of("--format", "parquet"));

        assertThat(run.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(run.errorMessage()).contains("use the format \"glueparquet\"");
    }
}
