package gluelab.e2e.glue;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A plain Spark session in this JVM, configured as a learner points Spark at any S3-compatible endpoint (S3A's
 * own endpoint, path-style and key settings, and the SDK's default checksums), writing and reading Parquet in Lab
 * Cloud's S3 without the Glue worker in between.
 */
class PlainSparkOnLabCloudS3Test {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static SparkSession spark;
    static S3Client s3;

    @BeforeAll
    static void startSparkAgainstLabCloud() {
        s3 = cloud.client(S3Client.builder());
        s3.createBucket(r -> r.bucket("plain-spark"));
        spark = SparkSession.builder().master("local[2]").appName("plain-spark-on-lab-cloud")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.hadoop.fs.s3a.endpoint", cloud.endpoint().toString())
                .config("spark.hadoop.fs.s3a.endpoint.region", "us-east-1")
                .config("spark.hadoop.fs.s3a.path.style.access", "true")
                .config("spark.hadoop.fs.s3a.connection.ssl.enabled", "false")
                .config("spark.hadoop.fs.s3a.access.key", "test")
                .config("spark.hadoop.fs.s3a.secret.key", "test")
                .config("spark.hadoop.fs.s3a.aws.credentials.provider",
                        "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider")
                .config("spark.hadoop.fs.s3.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
        s3.close();
    }

    private static Dataset<Row> rows(String ddl, Object[]... values) {
        return spark.createDataFrame(List.of(values).stream().map(RowFactory::create).toList(), StructType.fromDDL(ddl));
    }

    @Test
    void parquetWrittenThroughS3aIsCommittedReadBackAndDynamicallyOverwrittenByPartition() {
        rows("id INT, month STRING", new Object[] {1, "2026-01"}, new Object[] {2, "2026-01"}, new Object[] {3, "2026-02"})
                .write().partitionBy("month").parquet("s3a://plain-spark/orders/");
        Map<String, String> january = objects("orders/month=2026-01/");

        assertThat(spark.read().parquet("s3a://plain-spark/orders/").orderBy("id").collectAsList())
                .extracting(Row::toString).containsExactly("[1,2026-01]", "[2,2026-01]", "[3,2026-02]");
        assertThat(objects("orders/").keySet()).as("the part files and the _SUCCESS marker, nothing temporary")
                .contains("orders/_SUCCESS")
                .allMatch(key -> key.equals("orders/_SUCCESS") || key.matches("orders/month=2026-0[12]/part-[^/]+\\.parquet"));

        rows("id INT, month STRING", new Object[] {4, "2026-02"}).write().mode(SaveMode.Overwrite)
                .option("partitionOverwriteMode", "dynamic").partitionBy("month").parquet("s3://plain-spark/orders/");

        assertThat(spark.read().parquet("s3://plain-spark/orders/").orderBy("id").collectAsList())
                .extracting(Row::toString).containsExactly("[1,2026-01]", "[2,2026-01]", "[4,2026-02]");
        assertThat(objects("orders/month=2026-01/")).as("January, object for object").isEqualTo(january);
        assertThat(objects("orders/").keySet()).noneMatch(key -> key.contains("_temporary") || key.contains(".spark-staging"));
    }

    private static Map<String, String> objects(String prefix) {
        Map<String, String> objects = new TreeMap<>();
        s3.listObjectsV2Paginator(r -> r.bucket("plain-spark").prefix(prefix)).contents()
                .forEach(o -> objects.put(o.key(), o.eTag()));
        return objects;
    }
}
