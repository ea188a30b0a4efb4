package gluelab.cli.bench;

import java.io.BufferedWriter;
import java.io.IOException;
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
        Random random = new Random(rows);
        LocalDate first = LocalDate.of(2025, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,customer,amount,day,region\n");
            for (int id = 1; id <= rows; id++) {
                out.write(String.format(Locale.ROOT, "%d,customer-%05d,%.2f,%s,%s%n", id, random.nextInt(50_000),
                        random.nextInt(1_000_000) / 100.0, first.plusDays(random.nextInt(365)),
                        REGIONS[random.nextInt(REGIONS.length)]));
            }
        }
        return file;
    }
}
