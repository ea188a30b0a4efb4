package gluelab.labs.lab27;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A fixed-width record layout, as {@code layout.json} describes it: the record's length, and per field its name,
 * where it starts (1-based, as EDI specifications count), its length and its type ({@code string}, {@code int},
 * {@code decimal} with an implied {@code scale}, {@code date} in a {@code format}).
 */
public final class Layout implements Serializable {

    /** One field of the record. */
    public record Field(String name, int start, int length, String type, int scale, String format) implements Serializable {

        /** The field's characters in the line, without the padding around them. */
        String cut(String line) {
            // BEGIN SOLUTION
            // Cut the field out of the line (start is 1-based) and trim its padding
            return line.substring(start - 1, start - 1 + length).strip();
            // END SOLUTION
        }

        /** The field's value of its type, or null when it is blank; IllegalArgumentException when it cannot be one. */
        Object typed(String text) {
            if (text.isEmpty()) {
                return null;
            }
            // BEGIN SOLUTION
            // Type the trimmed text: int, decimal with `scale` implied decimals, date in `format`, or string
            return switch (type) {
                case "string" -> text;
                case "int" -> {
                    if (!text.matches("[+-]?\\d+")) {
                        throw new IllegalArgumentException(name + " '" + text + "' is not a whole number");
                    }
                    yield Integer.parseInt(text);
                }
                case "decimal" -> {
                    if (!text.matches("[+-]?\\d+")) {
                        throw new IllegalArgumentException(name + " '" + text + "' is not a number of digits");
                    }
                    yield new BigDecimal(text).movePointLeft(scale);
                }
                case "date" -> {
                    try {
                        yield java.sql.Date.valueOf(LocalDate.parse(text,
                                DateTimeFormatter.ofPattern(format.replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT)));
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException(name + " '" + text + "' is not a date " + format);
                    }
                }
                default -> throw new IllegalStateException("unknown type " + type + " of " + name);
            };
            // END SOLUTION
        }

        DataType sparkType() {
            return switch (type) {
                case "int" -> DataTypes.IntegerType;
                case "decimal" -> DataTypes.createDecimalType(18, scale);
                case "date" -> DataTypes.DateType;
                default -> DataTypes.StringType;
            };
        }
    }

    private final int length;
    private final List<Field> fields;

    private Layout(int length, List<Field> fields) {
        this.length = length;
        this.fields = List.copyOf(fields);
    }

    public static Layout parse(String json) {
        try {
            JsonNode layout = new ObjectMapper().readTree(json);
            List<Field> fields = new ArrayList<>();
            for (JsonNode f : layout.path("fields")) {
                fields.add(new Field(f.path("name").asText(), f.path("start").asInt(), f.path("length").asInt(),
                        f.path("type").asText(), f.path("scale").asInt(0), f.path("format").asText(null)));
            }
            return new Layout(layout.path("length").asInt(), fields);
        } catch (IOException e) {
            throw new UncheckedIOException("layout.json is not valid JSON", e);
        }
    }

    public List<String> fieldNames() {
        return fields.stream().map(Field::name).toList();
    }

    /** A parsed line: {@code line_number}, {@code reason} (null when the line is good), {@code line}, then the fields. */
    public StructType schema() {
        List<StructField> columns = new ArrayList<>(List.of(
                DataTypes.createStructField("line_number", DataTypes.LongType, false),
                DataTypes.createStructField("reason", DataTypes.StringType, true),
                DataTypes.createStructField("line", DataTypes.StringType, true)));
        fields.forEach(f -> columns.add(DataTypes.createStructField(f.name(), f.sparkType(), true)));
        return DataTypes.createStructType(columns);
    }

    /** Line {@code number} of the file cut into its fields, or with the reason it cannot be. */
    public Row parse(long number, String line) {
        Object[] values = new Object[3 + fields.size()];
        values[0] = number;
        values[2] = line;
        if (line.length() != length) {
            values[1] = "the line is " + line.length() + " characters long, the layout's records are " + length;
            return RowFactory.create(values);
        }
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            try {
                values[3 + i] = field.typed(field.cut(line));
            } catch (IllegalArgumentException e) {
                values[1] = e.getMessage();
                java.util.Arrays.fill(values, 3, values.length, null);
                return RowFactory.create(values);
            }
        }
        return RowFactory.create(values);
    }
}
