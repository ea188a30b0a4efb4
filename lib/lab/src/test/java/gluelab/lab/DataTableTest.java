package gluelab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small table operations notebooks use instead of writing their own: where, sortBy, countBy and the builder. */
class DataTableTest {

    private final DataTable versions = DataTable.builder("customer_id:int", "start_date:date", "is_current:boolean", "segment")
            .row(10, LocalDate.parse("2026-03-08"), true, "retail")
            .row(9, LocalDate.parse("2026-03-01"), true, "retail")
            .row(10, LocalDate.parse("2026-03-01"), false, "wholesale")
            .build();

    @Test
    void theBuilderTypesEachColumnAsItsSpecSays() {
        assertThat(versions.columns()).extracting(Column::type)
                .containsExactly(ColumnType.INT, ColumnType.DATE, ColumnType.BOOLEAN, ColumnType.STRING);
        assertThat(versions.rowCount()).isEqualTo(3);
        assertThat(DataTable.builder("file", "rows:int").rows(List.of(List.of("a.csv", 3), List.of("b.csv", 4))).build().values("rows"))
                .containsExactly(3, 4);
        assertThatThrownBy(() -> DataTable.builder("a", "b").row(1).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whereKeepsTheRowsAPredicateOrAValueByMeaningSelects() {
        assertThat(versions.where("is_current", true).values("customer_id")).containsExactly(10, 9);
        assertThat(versions.where("customer_id", "10").rowCount()).as("compared by meaning").isEqualTo(2);
        assertThat(versions.where(row -> "wholesale".equals(row.get("segment"))).values("customer_id")).containsExactly(10);
    }

    @Test
    void sortByOrdersNumbersByValueThenTheNextColumn() {
        DataTable numbers = DataTable.builder("id", "amount:decimal").row("10", new BigDecimal("1.5")).row("9", new BigDecimal("20"))
                .row("10", new BigDecimal("1.25")).build();

        assertThat(numbers.sortBy("id", "amount").rows()).containsExactly(List.of("9", new BigDecimal("20")),
                List.of("10", new BigDecimal("1.25")), List.of("10", new BigDecimal("1.5")));
        assertThat(versions.sortBy("customer_id", "start_date").values("start_date")).containsExactly(
                LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-08"));
    }

    @Test
    void countByCountsTheRowsOfEachKey() {
        DataTable counts = versions.countBy("customer_id");

        assertThat(counts.columnNames()).containsExactly("customer_id", "count");
        assertThat(counts.rows()).containsExactly(List.of(9, 1L), List.of(10, 2L));
    }
}
