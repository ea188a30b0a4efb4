package gluelab.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a sheet of an Excel workbook ({@code .xlsx}, or the older {@code .xls}) into a {@link DataTable}, with Apache
 * POI. The first row names the columns; each row below it is a row of the table, up to the last row with a value.
 * <pre>
 * DataTable prices = Excel.read(lab.dataFile("supplier_prices.xlsx"), "Prices");
 * </pre>
 * Cells keep the type Excel gives them: text is a string, a number a double (a bigint when every number in the
 * column is whole), a date-formatted number a date (a timestamp if it has a time of day), TRUE/FALSE a boolean,
 * a formula its last calculated value, an empty cell null. A column mixing kinds of value becomes text.
 */
public final class Excel {

    private Excel() {
    }

    /** The first sheet of {@code file}. */
    public static DataTable read(Path file) {
        return read(file, null);
    }

    /** The sheet named {@code sheetName} of {@code file}. */
    public static DataTable read(Path file, String sheetName) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("There is no file " + file);
        }
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet sheet = sheetName == null ? workbook.getSheetAt(0) : workbook.getSheet(sheetName);
            if (sheet == null) {
                List<String> names = IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName).toList();
                throw new IllegalArgumentException(file.getFileName() + " has no sheet \"" + sheetName + "\"; its sheets are " + names);
            }
            return read(sheet).from(file.getFileName() + ", sheet " + sheet.getSheetName());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " as an Excel workbook: " + e.getMessage(), e);
        }
    }

    private static DataTable read(Sheet sheet) {
        Row header = sheet.getRow(sheet.getFirstRowNum());
        if (header == null || header.getLastCellNum() <= 0) {
            throw new IllegalArgumentException("Sheet " + sheet.getSheetName() + " is empty: its first row should name the columns");
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < header.getLastCellNum(); c++) {
            Object name = value(header.getCell(c));
            names.add(name == null ? "column_" + (c + 1) : String.valueOf(name).trim());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<Object> values = new ArrayList<>(names.size());
            for (int c = 0; c < names.size(); c++) {
                values.add(row == null ? null : value(row.getCell(c)));
            }
            rows.add(values);
        }
        while (!rows.isEmpty() && rows.get(rows.size() - 1).stream().allMatch(v -> v == null)) {
            rows.remove(rows.size() - 1); // formatted but empty rows below the data
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            columns.add(new Column(names.get(c), unify(rows, c)));
        }
        return DataTable.of(columns, rows);
    }

    /** What a cell holds, as Excel sees it (a formula: its cached result). */
    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().isEmpty() ? null : cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue();
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime dateTime = cell.getLocalDateTimeCellValue();
                    yield dateTime.toLocalTime().toSecondOfDay() == 0 && dateTime.getNano() == 0 ? dateTime.toLocalDate() : dateTime;
                }
                yield cell.getNumericCellValue();
            }
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> null;
        };
    }

    /** The column's type; converts its values in place where the type asks for it (whole numbers, mixed text). */
    private static ColumnType unify(List<List<Object>> rows, int column) {
        Set<Class<?>> kinds = new LinkedHashSet<>();
        boolean allWhole = true;
        for (List<Object> row : rows) {
            Object value = row.get(column);
            if (value != null) {
                kinds.add(value.getClass());
                if (value instanceof Double d) {
                    allWhole &= d == Math.rint(d) && Math.abs(d) < 1e15;
                }
            }
        }
        if (kinds.size() > 1) {
            rows.forEach(row -> row.set(column, text(row.get(column))));
            return ColumnType.STRING;
        }
        Class<?> kind = kinds.isEmpty() ? String.class : kinds.iterator().next();
        if (kind == Double.class && allWhole) {
            rows.forEach(row -> row.set(column, row.get(column) == null ? null : ((Double) row.get(column)).longValue()));
            return ColumnType.LONG;
        }
        if (kind == Double.class) {
            return ColumnType.DOUBLE;
        }
        if (kind == Boolean.class) {
            return ColumnType.BOOLEAN;
        }
        if (kind == LocalDate.class) {
            return ColumnType.DATE;
        }
        if (kind == LocalDateTime.class) {
            return ColumnType.TIMESTAMP_NTZ;
        }
        return ColumnType.STRING;
    }

    private static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return value == null ? null : value.toString();
    }
}
