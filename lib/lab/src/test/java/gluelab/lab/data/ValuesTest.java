package gluelab.lab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void equalMeaningsShareOneCanonicalText() {
        assertThat(Values.canonical(new BigDecimal("12.50"))).isEqualTo(Values.canonical(12.5))
                .isEqualTo(Values.canonical("12.50")).isEqualTo("12.5");
        assertThat(Values.canonical(3)).isEqualTo(Values.canonical(3L)).isEqualTo(Values.canonical("3"))
                .isEqualTo(Values.canonical(new BigDecimal("3.00")));
        assertThat(Values.canonical(LocalDate.of(2024, 1, 5))).isEqualTo(Values.canonical("2024-01-05"));
        assertThat(Values.canonical(Instant.parse("2024-01-05T10:00:00Z")))
                .isEqualTo(Values.canonical(LocalDateTime.of(2024, 1, 5, 10, 0)))
                .isEqualTo(Values.canonical("2024-01-05 10:00:00"))
                .isEqualTo("2024-01-05 10:00:00");
        assertThat(Values.canonical("TRUE")).isEqualTo(Values.canonical(true));
        assertThat(Values.canonical(null)).isNull();
        assertThat(Values.canonical("Ada")).isEqualTo("Ada");
        assertThat(Values.canonical(new BigDecimal("0.000"))).isEqualTo("0");
    }

    @Test
    void cellsShowDecimalsPlainlyAndTimestampsInUtc() {
        assertThat(Values.display(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Values.display(Instant.parse("2024-01-05T10:00:00.5Z"))).isEqualTo("2024-01-05 10:00:00.5Z");
        assertThat(Values.display(new byte[] {1, 2})).isEqualTo("0x0102");
        assertThat(Values.display(null)).isEqualTo("null");
    }
}
