package gluelab.lab.data;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.lab.Column;
import gluelab.lab.ColumnType;
import gluelab.lab.DataTable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts of reading job output that need no S3: which files count, and partition folders as columns. */
class S3TableReaderTest {

    @Test
    void sparksBookkeepingFilesAreNotData() {
        assertThat(S3TableReader.isDataFile("part-00000-c000.snappy.parquet")).isTrue();
        assertThat(S3TableReader.isDataFile("year=2024/part-00000.parquet")).isTrue();
        assertThat(S3TableReader.isDataFile("_SUCCESS")).isFalse();
        assertThat(S3TableReader.isDataFile("_temporary/0/part-0.parquet")).isFalse();
        assertThat(S3TableReader.isDataFile(".part-00000.parquet.crc")).isFalse();
        assertThat(S3TableReader.isDataFile("year=2024/")).isFalse();
    }

    @Test
    void partitionFoldersBecomeValuesAsSparkEscapesThem() {
        assertThat(S3TableReader.partitionValues("sales/", "sales/year=2024/region=EU%2FWest/part-0.parquet"))
                .containsExactly(Map.entry("year", "2024"), Map.entry("region", "EU/West"));
        assertThat(S3TableReader.partitionValues("sales/", "sales/year=__HIVE_DEFAULT_PARTITION__/p.parquet"))
                .containsEntry("year", null);
    }

    @Test
    void oneObjectReadByItsOwnKeyHasNoPartitionValues() {
        assertThat(S3TableReader.partitionValues("sales/year=2024/part-0.parquet/", "sales/year=2024/part-0.parquet")).isEmpty();
    }

    @Test
    void partsAreJoinedWithPartitionColumnsTypedFromTheirValues() {
        DataTable january = DataTable.of(List.of(new Column("id", ColumnType.INT)), List.of(List.of(1), List.of(2)));
        DataTable february = DataTable.of(List.of(new Column("id", ColumnType.INT), new Column("note", ColumnType.STRING)),
                List.of(List.of(3, "late")));

        DataTable all = S3TableReader.union(List.of(january, february),
                List.of(Map.of("month", "1"), Map.of("month", "2")));

        assertThat(all.columns()).containsExactly(new Column("id", ColumnType.INT), new Column("note", ColumnType.STRING),
                new Column("month", ColumnType.INT));
        assertThat(all.rows()).containsExactly(Arrays.asList(1, null, 1), Arrays.asList(2, null, 1),
                Arrays.asList(3, "late", 2));
    }

    @Test
    void formatsAreToldApartByFileName() {
        assertThat(DataFormat.ofFileName("part-0-c000.snappy.parquet")).isEqualTo(DataFormat.PARQUET);
        assertThat(DataFormat.ofFileName("part-0-c000.csv.gz")).isEqualTo(DataFormat.CSV);
        assertThat(DataFormat.ofFileName("part-0-c000.json")).isEqualTo(DataFormat.JSON_LINES);
        assertThat(DataFormat.ofFileName("part-0")).isNull();
        assertThat(S3Location.parse("s3://b/a/b/").directoryKey()).isEqualTo("a/b/");
        assertThat(S3Location.parse("s3://b").key()).isEmpty();
    }
}
