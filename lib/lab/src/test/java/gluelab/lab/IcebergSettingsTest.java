package gluelab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IcebergSettingsTest {

    @Test
    void theJobArgumentsAreAwsDocumentedDatalakeFormatsAndOneConfValue() {
        IcebergSettings iceberg = IcebergSettings.forGlueCatalog("s3://lake/warehouse");

        assertThat(iceberg.warehouse()).isEqualTo("s3://lake/warehouse/");
        assertThat(iceberg.jobArguments()).containsExactly(
                org.assertj.core.api.Assertions.entry("--datalake-formats", "iceberg"),
                org.assertj.core.api.Assertions.entry("--conf",
                        "spark.sql.extensions=org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions"
                                + " --conf spark.sql.catalog.glue_catalog=org.apache.iceberg.spark.SparkCatalog"
                                + " --conf spark.sql.catalog.glue_catalog.warehouse=s3://lake/warehouse/"
                                + " --conf spark.sql.catalog.glue_catalog.catalog-impl=org.apache.iceberg.aws.glue.GlueCatalog"
                                + " --conf spark.sql.catalog.glue_catalog.io-impl=org.apache.iceberg.aws.s3.S3FileIO"));
        assertThat(iceberg.table("sales", "orders")).isEqualTo("glue_catalog.sales.orders");
    }

    @Test
    void aCatalogNameMustBeASqlIdentifierAndTheWarehouseAnS3Prefix() {
        assertThatThrownBy(() -> IcebergSettings.forGlueCatalog("my-catalog", "s3://lake/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IcebergSettings.forGlueCatalog("/tmp/warehouse")).isInstanceOf(IllegalArgumentException.class);
    }
}
