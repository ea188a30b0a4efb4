package gluelab.lab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.lab.Column;
import gluelab.lab.ColumnType;
import gluelab.lab.DataTable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {

    @Test
    void columnsAreTheUnionOfFieldsTypedAsSparkInfersThem() {
        DataTable table = JsonLinesReader.read("""
                {"id":1,"amount":12.5,"name":"Ada","tags":["a"],"address":{"city":"Lyon"}}

                {"id":2,"amount":7,"vip":true,"name":null}
                """, "orders.json");

        assertThat(table.columns()).extracting(Column::name).containsExactly("id", "amount", "name", "tags", "address", "vip");
        assertThat(table.columns()).extracting(Column::type).containsExactly(ColumnType.LONG, ColumnType.DOUBLE,
                ColumnType.STRING, ColumnType.LIST, ColumnType.STRUCT, ColumnType.BOOLEAN);
        assertThat(table.rows().get(0)).containsExactly(1L, 12.5, "Ada", List.of("a"), Map.of("city", "Lyon"), null);
        assertThat(table.rows().get(1)).containsExactly(2L, 7.0, null, null, null, true);
    }

    @Test
    void aFieldWithMixedKindsOfValuesIsText() {
        DataTable table = JsonLinesReader.read("{\"v\":1}\n{\"v\":\"x\"}\n", "mixed.json");

        assertThat(table.column("v").type()).isEqualTo(ColumnType.STRING);
        assertThat(table.values("v")).isEqualTo(Arrays.asList("1", "x"));
    }

    @Test
    void aBrokenLineIsNamed() {
        assertThatThrownBy(() -> JsonLinesReader.read("{\"v\":1}\n{oops\n", "bad.json"))
                .hasMessageStartingWith("bad.json, line 2: not JSON");
    }
}
