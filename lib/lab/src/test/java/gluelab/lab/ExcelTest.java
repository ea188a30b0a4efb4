package gluelab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workbooks written by Apache POI, as Excel would save them, read back into tables. */
class ExcelTest {

    @TempDir
    Path dir;

    private Path workbook() throws Exception {
        Path file = dir.resolve("prices.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Read me").createRow(0).createCell(0).setCellValue("Prices are in EUR.");
            Sheet prices = workbook.createSheet("Prices");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            row(prices, 0, "sku", "product", "unit_price", "pack_size", "valid_from", "organic", "total", "counted_at", "code");
            Row first = row(prices, 1, "FR-1001", "Crème fraîche, 20 cl");
            first.createCell(2).setCellValue(2.35);
            first.createCell(3).setCellValue(12);
            first.createCell(4).setCellValue(LocalDate.of(2026, 3, 1));
            first.getCell(4).setCellStyle(date);
            first.createCell(5).setCellValue(true);
            first.createCell(6).setCellFormula("C2*D2");
            first.createCell(7).setCellValue(LocalDateTime.of(2026, 3, 1, 7, 30));
            first.getCell(7).setCellStyle(dateTime);
            first.createCell(8).setCellValue("A1");
            Row second = row(prices, 2, "PL-4002", "Twaróg półtłusty");
            second.createCell(3).setCellValue(15);
            second.createCell(8).setCellValue(7);
            prices.createRow(3).createCell(0).setCellStyle(date); // formatted, but empty
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
        }
        return file;
    }

    private static Row row(Sheet sheet, int index, String... texts) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < texts.length; i++) {
            row.createCell(i).setCellValue(texts[i]);
        }
        return row;
    }

    @Test
    void theHeaderRowNamesTheColumnsAndCellsKeepExcelsTypes() throws Exception {
        // A formula gives its last calculated value, to 15 significant digits as Excel keeps it (28.2, not 2.35 * 12).
        DataTable table = Excel.read(workbook(), "Prices");

        assertThat(table.source()).isEqualTo("prices.xlsx, sheet Prices");
        assertThat(table.columns()).extracting(Column::toString).containsExactly("sku string", "product string",
                "unit_price double", "pack_size bigint", "valid_from date", "organic boolean", "total double",
                "counted_at timestamp_ntz", "code string");
        assertThat(table.rows().get(0)).containsExactly("FR-1001", "Crème fraîche, 20 cl", 2.35, 12L,
                LocalDate.of(2026, 3, 1), true, 28.2, LocalDateTime.of(2026, 3, 1, 7, 30), "A1");
    }

    @Test
    void emptyCellsAreNullAndEmptyRowsBelowTheDataAreNotRows() throws Exception {
        DataTable table = Excel.read(workbook(), "Prices");

        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(table.rows().get(1)).containsExactly("PL-4002", "Twaróg półtłusty", null, 15L, null, null, null, null, "7");
    }

    @Test
    void withoutASheetNameTheFirstSheetIsRead() throws Exception {
        DataTable table = Excel.read(workbook());

        assertThat(table.columnNames()).containsExactly("Prices are in EUR.");
        assertThat(table.rowCount()).isZero();
    }

    @Test
    void aSheetThatIsNotThereIsNamedWithTheOnesThatAre() throws Exception {
        Path file = workbook();

        assertThatThrownBy(() -> Excel.read(file, "Pricing"))
                .hasMessage("prices.xlsx has no sheet \"Pricing\"; its sheets are " + Arrays.asList("Read me", "Prices"));
        assertThatThrownBy(() -> Excel.read(dir.resolve("missing.xlsx"))).hasMessageContaining("There is no file");
    }

    @Test
    void comparedWithJobOutputTheSheetsValuesMeanWhatTheySay() throws Exception {
        DataTable sheet = Excel.read(workbook(), "Prices").select("sku", "unit_price", "pack_size", "valid_from");
        DataTable output = DataTable.of(List.of(new Column("sku", ColumnType.STRING),
                        new Column("unit_price", ColumnType.DECIMAL, "decimal(10,2)"), new Column("pack_size", ColumnType.INT),
                        new Column("valid_from", ColumnType.DATE)),
                List.of(Arrays.asList("PL-4002", null, 15, null),
                        Arrays.asList("FR-1001", new java.math.BigDecimal("2.35"), 12, LocalDate.of(2026, 3, 1))));

        Check.sameRows("the output equals the sheet", sheet, output);
    }
}
