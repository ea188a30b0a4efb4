package gluelab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an SCD-2 dimension must hold after a series of snapshots, and what a dimension breaks of it. */
class Scd2ExpectationTest {

    private static final LocalDate DAY1 = LocalDate.parse("2026-03-01");
    private static final LocalDate DAY2 = LocalDate.parse("2026-03-02");

    private final Scd2Expectation expected = Scd2Expectation.of(List.of("store_id", "sku"), List.of("price"))
            .snapshot(DAY1, DataTable.builder("store_id", "sku", "price").row("1", "A", "1.50").row("2", "A", "2.00").build())
            .snapshot(DAY2, DataTable.builder("store_id", "sku", "price").row("1", "A", "1.50").row("2", "A", "2.10")
                    .row("2", "B", "9.00").build());

    private static DataTable dimension(Object[]... rows) {
        DataTable.Builder builder = DataTable.builder("store_id:int", "sku", "price:decimal", "start_date:date", "end_date:date",
                "is_current:boolean");
        for (Object[] row : rows) {
            builder.row(row);
        }
        return builder.build();
    }

    private static final Object[] STORE1 = {1, "A", new java.math.BigDecimal("1.5"), DAY1, null, true};
    private static final Object[] STORE2_OLD = {2, "A", new java.math.BigDecimal("2.00"), DAY1, DAY2, false};
    private static final Object[] STORE2_NEW = {2, "A", new java.math.BigDecimal("2.10"), DAY2, null, true};
    private static final Object[] NEW_KEY = {2, "B", new java.math.BigDecimal("9"), DAY2, null, true};

    @Test
    void aChangedKeyGetsTwoVersionsThatMeetOnTheDayOfTheChange() {
        assertThat(expected.changedKeys()).containsExactly(List.of("2", "A"));
        assertThat(expected.versions().get(List.of("2", "A"))).extracting(Scd2Expectation.Version::toString)
                .containsExactly("2026-03-01→2026-03-02", "2026-03-02→ (current)");
    }

    @Test
    void aRightDimensionBreaksNothing() {
        DataTable right = dimension(STORE1, STORE2_OLD, STORE2_NEW, NEW_KEY);

        assertThat(expected.currentRowProblems(right)).isEmpty();
        assertThat(expected.historyProblems(right)).isEmpty();
        assertThat(expected.currentValueProblems(right)).isEmpty();
    }

    @Test
    void aKeyMatchedOnPartOfItsColumnsShowsInEveryInvariant() {
        Object[] store2Closed = {2, "A", new java.math.BigDecimal("2.00"), DAY1, DAY2, false};
        Object[] overwritten = {2, "B", new java.math.BigDecimal("2.10"), DAY2, null, true};
        DataTable wrong = dimension(STORE1, store2Closed, overwritten);

        assertThat(expected.currentRowProblems(wrong)).containsExactly("[store_id, sku]=[2, A] has 0 current rows");
        assertThat(expected.historyProblems(wrong)).containsExactly(
                "[store_id, sku]=[2, A]: expected [2026-03-01→2026-03-02, 2026-03-02→ (current)] but found [2026-03-01→2026-03-02]");
        assertThat(expected.currentValueProblems(wrong)).containsExactly(
                "[store_id, sku]=[2, B]: current [price] = [2.1], latest snapshot [9]");
    }
}
