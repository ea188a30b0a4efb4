package gluelab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabNamesTest {

    @Test
    void namesStartWithTheLabsPrefix() {
        LabNames names = LabNames.of("01", "");

        assertThat(names.labId()).isEqualTo("01");
        assertThat(names.prefix()).isEqualTo("lab01-");
        assertThat(names.name("raw")).isEqualTo("lab01-raw");
    }

    @Test
    void onAwsTheUsersPrefixComesFirst() {
        assertThat(LabNames.of("7", "jdoe-").name("refined")).isEqualTo("jdoe-lab07-refined");
    }

    @Test
    void aLabCanBeNamedByItsFolder() {
        LabNames names = LabNames.of("01-csv-to-parquet", "");

        assertThat(names.labId()).isEqualTo("01");
        assertThat(names.slug()).isEqualTo("csv-to-parquet");
        assertThat(LabNames.of("lab14", "").labId()).isEqualTo("14");
    }

    @Test
    void namesAreMadeSafeForS3Buckets() {
        LabNames names = LabNames.of("02", "");

        assertThat(names.name("Raw Data")).isEqualTo("lab02-raw-data");
        assertThat(names.name("orders_json")).isEqualTo("lab02-orders-json");
        assertThat(names.name("--x--")).isEqualTo("lab02-x");
    }

    @Test
    void aNameTooLongForABucketIsRefusedWithItsLength() {
        assertThatThrownBy(() -> LabNames.of("01", "").name("x".repeat(60)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 63");
    }

    @Test
    void nonsenseIsNeitherALabNorAName() {
        assertThatThrownBy(() -> LabNames.of("intro", "")).hasMessageContaining("\"intro\" does not name a lab");
        assertThatThrownBy(() -> LabNames.of("01", "").name("!!")).hasMessageContaining("no letters or digits");
    }
}
