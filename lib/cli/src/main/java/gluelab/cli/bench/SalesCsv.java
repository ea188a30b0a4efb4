package gluelab.cli.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/** A CSV of sales rows with a header, the same bytes for the same row count: id, customer, amount, day, region. */
final class SalesCsv {

    private static final String[] REGIONS = {"north", "south", "east", "west", "central"};

    private SalesCsv() {
    }

    static Path write(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out, 1, rows);
        }
        return file;
    }

    /** The header and rows with ids {@code firstId} to {@code firstId + rows - 1}, as one string. */
    static String rows(int firstId, int rows) {
        StringWriter text = new StringWriter();
        try {
            write(text, firstId, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(Writer out, int firstId, int rows) throws IOException {
        Random random = new Random(rows + firstId - 1L);
        LocalDate first = LocalDate.of(2025, 1, 1);
        out.write("id,customer,amount,day,region\n");
        for (int id = firstId; id < firstId + rows; id++) {
            out.write(String.format(Locale.ROOT, "%d,customer-%05d,%.2f,%s,%s%n", id, random.nextInt(50_000),
                    random.nextInt(1_000_000) / 100.0, first.plusDays(random.nextInt(365)),
                    REGIONS[random.nextInt(REGIONS.length)]));
        }
    }
}
