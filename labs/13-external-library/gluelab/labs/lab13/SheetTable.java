package gluelab.labs.lab13;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A sheet as Spark rows: the first row names the columns, the rows below it are the data (up to the last one with
 * a value). Each column's Spark type follows what Excel holds in it: text → string, whole numbers → bigint, other
 * numbers → decimal (Excel's numbers are doubles; amounts should not stay binary fractions), date-formatted numbers
 * → date (timestamp with a time of day), TRUE/FALSE → boolean. A column mixing kinds becomes text.
 */
record SheetTable(StructType schema, List<Row> rows) {

    static SheetTable of(Sheet sheet) {
        org.apache.poi.ss.usermodel.Row header = sheet.getRow(sheet.getFirstRowNum());
        List<String> names = new ArrayList<>();
        for (int c = 0; c < header.getLastCellNum(); c++) {
            Object name = cellValue(header.getCell(c));
            names.add(name == null ? "column_" + (c + 1) : name.toString().trim());
        }
        List<Object[]> values = new ArrayList<>();
        for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
            Object[] cells = new Object[names.size()];
            for (int c = 0; c < names.size(); c++) {
                cells[c] = row == null ? null : cellValue(row.getCell(c));
            }
            values.add(cells);
        }
        while (!values.isEmpty() && Arrays.stream(values.get(values.size() - 1)).allMatch(v -> v == null)) {
            values.remove(values.size() - 1); // formatted but empty rows below the data
        }
        List<StructField> fields = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            fields.add(DataTypes.createStructField(names.get(c), columnType(values, c), true));
        }
        List<Row> rows = values.stream().map(RowFactory::create).toList();
        return new SheetTable(DataTypes.createStructType(fields), rows);
    }

    /** A cell's value as Java sees it: String, BigDecimal, LocalDate/LocalDateTime, Boolean; null when empty. */
    static Object cellValue(Cell cell) {
        if (cell == null) {
            return null;
        }
        // BEGIN SOLUTION
        // Give the cell's value by its type: text, boolean, number, date, or a formula's last result.
        // A formula cell holds the value Excel calculated last; its type is the type of that result.
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().isEmpty() ? null : cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue();
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    // Excel stores a date as a number of days; the cell's format is what says it is a date.
                    LocalDateTime dateTime = cell.getLocalDateTimeCellValue();
                    yield dateTime.toLocalTime().toSecondOfDay() == 0 ? dateTime.toLocalDate() : dateTime;
                }
                // Double.toString gives the shortest decimal that is this double: 2.35, not 2.3500000000000000888.
                yield BigDecimal.valueOf(cell.getNumericCellValue());
            }
            default -> null; // blank, or an error such as #DIV/0!
        };
        // END SOLUTION
    }

    /** The column's Spark type; converts its values in place to what that type holds in a Spark row. */
    private static DataType columnType(List<Object[]> rows, int column) {
        Set<Class<?>> kinds = new LinkedHashSet<>();
        int scale = 0;
        boolean whole = true;
        for (Object[] row : rows) {
            Object value = row[column];
            if (value != null) {
                kinds.add(value.getClass());
            }
            if (value instanceof BigDecimal number) {
                BigDecimal plain = number.stripTrailingZeros();
                scale = Math.max(scale, Math.max(plain.scale(), 0));
                whole &= plain.scale() <= 0 && plain.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
            }
        }
        Class<?> kind = kinds.size() == 1 ? kinds.iterator().next() : String.class;
        DataType type;
        if (kinds.size() > 1) {
            type = DataTypes.StringType;
        } else if (kind == BigDecimal.class && whole) {
            type = DataTypes.LongType;
        } else if (kind == BigDecimal.class) {
            type = DataTypes.createDecimalType(18, Math.min(scale, 17));
        } else if (kind == Boolean.class) {
            type = DataTypes.BooleanType;
        } else if (kind == LocalDate.class) {
            type = DataTypes.DateType;
        } else if (kind == LocalDateTime.class) {
            type = DataTypes.TimestampNTZType;
        } else {
            type = DataTypes.StringType;
        }
        for (Object[] row : rows) {
            row[column] = toSpark(row[column], type);
        }
        return type;
    }

    private static Object toSpark(Object value, DataType type) {
        if (value == null) {
            return null;
        }
        if (type == DataTypes.StringType) {
            return value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString() : value.toString();
        }
        if (type == DataTypes.LongType) {
            return ((BigDecimal) value).longValueExact();
        }
        if (type == DataTypes.DateType) {
            return java.sql.Date.valueOf((LocalDate) value);
        }
        return value;
    }
}
