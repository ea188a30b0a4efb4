package gluelab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.lab.data.CsvFormat;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

    private static DataTable parse(String text) {
        return Csv.parse(text, CsvFormat.DEFAULT, "test.csv");
    }

    @Test
    void aHeaderNamesTheColumnsAndEveryValueIsText() {
        DataTable table = parse("id,name\n1,Ada\n2,Grace\n");

        assertThat(table.columnNames()).containsExactly("id", "name");
        assertThat(table.column("id").type()).isEqualTo(ColumnType.STRING);
        assertThat(table.rows()).containsExactly(List.of("1", "Ada"), List.of("2", "Grace"));
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        DataTable table = parse("id,note\n1,\"Smith, John\"\n2,\"said \"\"hi\"\"\"\n3,\"two\nlines\"\n4,\"\"\"\"\n");

        assertThat(table.values("note")).containsExactly("Smith, John", "said \"hi\"", "two\nlines", "\"");
    }

    @Test
    void anEmptyFieldIsNullButAQuotedEmptyFieldIsEmptyText() {
        DataTable table = parse("a,b,c\n,\"\",x\n1,,\n");

        assertThat(table.rows().get(0)).containsExactly(null, "", "x");
        assertThat(table.rows().get(1)).containsExactly("1", null, null);
    }

    @Test
    void utf8TextWithAByteOrderMarkAndWindowsLineEndsReadsCleanly() {
        DataTable table = parse("\uFEFFcity,greeting\r\nZürich,grüezi 👋\r\n\r\nSão Paulo,\"olá,\r\nmundo\"\r\n");

        assertThat(table.columnNames()).containsExactly("city", "greeting");
        assertThat(table.values("city")).containsExactly("Zürich", "São Paulo");
        assertThat(table.values("greeting")).containsExactly("grüezi 👋", "olá,\r\nmundo");
    }

    @Test
    void aLastLineWithoutLineBreakIsARow() {
        assertThat(parse("a,b\n1,2").rows()).containsExactly(List.of("1", "2"));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsNamesItsLine() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n\"x\ny\",2\n3,4,5\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.csv, line 5: 3 fields, but the header has 2");
    }

    @Test
    void anUnclosedQuoteNamesTheLineItOpensOn() {
        assertThatThrownBy(() -> parse("a,b\n1,\"open\n2,3\n"))
                .hasMessageContaining("line 2: a quoted field is never closed");
    }

    @Test
    void sparkStyleBackslashEscapesAreUnderstoodWhenAsked() {
        DataTable table = Csv.parse("q\n\"say \\\"yes\\\"\"\n", CsvFormat.SPARK, "part-0.csv");

        assertThat(table.values("q")).containsExactly("say \"yes\"");
    }

    @Test
    void otherDelimitersAndDuplicateHeadersWork() {
        DataTable table = Csv.parse("id|id|\n1|2|3\n", CsvFormat.DEFAULT.withDelimiter('|'), "orders.txt");

        assertThat(table.columnNames()).containsExactly("id", "id_2", "_c2");
        assertThat(table.rows()).containsExactly(List.of("1", "2", "3"));
    }

    @Test
    void withoutAHeaderColumnsAreNumbered() {
        DataTable table = Csv.parse("1,2\n3,4\n", CsvFormat.DEFAULT.withHeader(false), "x.csv");

        assertThat(table.columnNames()).containsExactly("_c0", "_c1");
        assertThat(table.rowCount()).isEqualTo(2);
    }

    @Test
    void inferTypesGivesNumbersDatesAndTimestampsTheirTypes() {
        DataTable table = parse("""
                id,amount,signup,seen,vip,big,ratio,name
                1,12.50,2024-01-15,2024-01-15 10:00:00,true,3000000000,1e3,Ada
                2,7,2024-02-29,2024-02-29T23:59:59.5,FALSE,1,2.5,
                """).inferTypes();

        assertThat(table.columns()).extracting(Column::type).containsExactly(ColumnType.INT, ColumnType.DECIMAL,
                ColumnType.DATE, ColumnType.TIMESTAMP_NTZ, ColumnType.BOOLEAN, ColumnType.LONG, ColumnType.DOUBLE,
                ColumnType.STRING);
        assertThat(table.column("amount").typeName()).isEqualTo("decimal(4,2)");
        assertThat(table.rows().get(0)).containsExactly(1, new BigDecimal("12.50"), LocalDate.of(2024, 1, 15),
                LocalDateTime.of(2024, 1, 15, 10, 0), true, 3_000_000_000L, 1000.0, "Ada");
        assertThat(table.rows().get(1)).containsExactly(2, new BigDecimal("7"), LocalDate.of(2024, 2, 29),
                LocalDateTime.of(2024, 2, 29, 23, 59, 59, 500_000_000), false, 1L, 2.5, null);
    }

    @Test
    void aFileIsReadAsUtf8AndNamedAfterItself(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("customers.csv");
        Files.writeString(file, "id,city\n1,Kraków\n", StandardCharsets.UTF_8);

        DataTable table = Csv.read(file);

        assertThat(table.source()).isEqualTo("customers.csv");
        assertThat(table.values("city")).containsExactly("Kraków");
    }

    @Test
    void tablesShowAsHtmlAndAlignedText() {
        DataTable table = parse("id,name\n1,<b>Ada</b>\n2,\n").inferTypes();

        String html = table.toMimeBundle().data().get("text/html");
        assertThat(html).contains("&lt;b&gt;Ada&lt;/b&gt;").contains("null").contains("2 rows × 2 columns")
                .doesNotContain("<script").doesNotContain("class=");
        assertThat(table.toString()).contains("id int | name string").contains("1 | <b>Ada</b>");
        assertThat(Arrays.asList(table.head(1).toString().split("\n"))).hasSize(4);
    }
}
