package gluelab.lab;

import gluelab.lab.data.CsvFormat;
import gluelab.lab.data.CsvParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads CSV files (and other delimited text) into a {@link DataTable} of text columns; call
 * {@link DataTable#inferTypes()} for numbers and dates.
 * <pre>
 * DataTable customers = Csv.read(lab.dataFile("customers.csv"));
 * DataTable orders = Csv.read(lab.dataFile("orders.txt"), '|');
 * </pre>
 * Quoted fields may hold commas, quotes (doubled: {@code ""}) and line breaks; empty fields are null.
 */
public final class Csv {

    private Csv() {
    }

    /** A UTF-8, comma-separated file with a header line. */
    public static DataTable read(Path file) {
        return read(file, CsvFormat.DEFAULT);
    }

    /** A UTF-8 file with a header line, fields separated by {@code delimiter}, e.g. {@code '|'}. */
    public static DataTable read(Path file, char delimiter) {
        return read(file, CsvFormat.DEFAULT.withDelimiter(delimiter));
    }

    public static DataTable read(Path file, CsvFormat format) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), format, file.getFileName().toString())
                    .from(file.getFileName().toString());
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(file.getFileName() + " is not UTF-8 text; save it as UTF-8 first", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Text already in memory; {@code source} names it in error messages. */
    public static DataTable parse(String text, CsvFormat format, String source) {
        return CsvParser.parse(text, format, source);
    }
}
