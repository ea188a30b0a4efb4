package gluelab.e2e.glue;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import gluelab.e2e.LabCloudWithWorker;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * {@code --datalake-formats iceberg}: a job configures an Iceberg catalog over the Glue Data Catalog with
 * exactly the {@code --conf} AWS documents, and Iceberg's own GlueCatalog and S3FileIO reach Lab Cloud. A
 * run without the flag does not see Iceberg, as on AWS, and fails saying which class is missing.
 */
class IcebergEndToEndTest {

    private static final String WAREHOUSE = "s3://ice-data/warehouse/";
    /** Glue's documented form: every setting in one --conf value, joined by " --conf ". */
    private static final String CONF = String.join(" --conf ",
            "spark.sql.extensions=org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions",
            "spark.sql.catalog.glue_catalog=org.apache.iceberg.spark.SparkCatalog",
            "spark.sql.catalog.glue_catalog.warehouse=" + WAREHOUSE,
            "spark.sql.catalog.glue_catalog.catalog-impl=org.apache.iceberg.aws.glue.GlueCatalog",
            "spark.sql.catalog.glue_catalog.io-impl=org.apache.iceberg.aws.s3.S3FileIO");

    @RegisterExtension
    static RunningLabCloud cloud = LabCloudWithWorker.shared();
    static GlueJobRuns glue;

    @BeforeAll
    static void aJobWithTheIcebergCatalogConf() {
        glue = new GlueJobRuns(cloud);
        glue.createBuckets("ice-jobs", "ice-data");
        String jar = glue.uploadJobJar("ice-jobs", LabJobs.jar());
        glue.createJob("ice-merge", jar, "labtest.IcebergMerge", Map.of("--conf", CONF));
        glue.glue.createDatabase(r -> r.databaseInput(d -> d.name("ice_db")));
    }

    @AfterAll
    static void closeClients() {
        glue.close();
    }

    @Test
    void withDatalakeFormatsIcebergAJobCreatesAnIcebergTableInTheGlueCatalogAndMergesIntoIt() {
        JobRun run = glue.succeed("ice-merge", Map.of("--datalake-formats", "iceberg",
                "--table", "glue_catalog.ice_db.orders"));

        assertThat(glue.output(run.id())).filteredOn(line -> line.startsWith("snapshot ") || line.startsWith("row "))
                .containsExactly("snapshot append", "snapshot overwrite",
                        "row 1 new 10.50", "row 2 shipped 20.00", "row 3 new 7.25", "row 4 new 3.10");
        Table table = glue.glue.getTable(r -> r.databaseName("ice_db").name("orders")).table();
        assertThat(table.parameters()).containsEntry("table_type", "ICEBERG");
        String metadata = table.parameters().get("metadata_location");
        assertThat(metadata).startsWith(WAREHOUSE + "ice_db.db/orders/metadata/").endsWith(".metadata.json");
        assertThat(table.parameters().get("previous_metadata_location")).startsWith(WAREHOUSE).isNotEqualTo(metadata);
        String key = metadata.substring("s3://ice-data/".length());
        assertThat(glue.s3.headObject(r -> r.bucket("ice-data").key(key)).contentLength()).isPositive();
    }

    @Test
    void withoutDatalakeFormatsTheRunDoesNotSeeIcebergAndFailsNamingTheMissingCatalogClass() {
        JobRun run = glue.runToEnd("ice-merge", Map.of("--table", "glue_catalog.ice_db.without_flag"));

        assertThat(run.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(run.errorMessage()).contains("org.apache.iceberg.spark.SparkCatalog");
        assertThat(glue.glue.getTables(r -> r.databaseName("ice_db")).tableList())
                .noneMatch(t -> t.name().equals("without_flag"));
    }
}
