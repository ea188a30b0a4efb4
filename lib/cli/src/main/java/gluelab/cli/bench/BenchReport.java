package gluelab.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects measurements, prints them as they come and as a table at the end, and writes them as JSON. */
public final class BenchReport {

    private final PrintStream out;
    private final List<Measurement> measurements = new ArrayList<>();

    public BenchReport(PrintStream out) {
        this.out = out;
    }

    public void add(Measurement measurement) {
        measurements.add(measurement);
        out.printf(Locale.ROOT, "  %-64s median %s %s (n=%d)%s%n", measurement.name(), format(measurement.median()),
                measurement.unit(), measurement.samples().size(),
                measurement.note().isEmpty() ? "" : "  " + measurement.note());
    }

    public void printTable() {
        out.println();
        out.printf(Locale.ROOT, "%-64s %12s %12s %12s %5s  %s%n", "measurement", "median", "min", "max", "n", "unit");
        for (Measurement m : measurements) {
            out.printf(Locale.ROOT, "%-64s %12s %12s %12s %5d  %s%n", m.name(), format(m.median()), format(m.min()),
                    format(m.max()), m.samples().size(), m.unit());
        }
    }

    public void writeJson(Path file) throws IOException {
        StringBuilder json = new StringBuilder("{\n  \"when\": \"" + Instant.now() + "\",\n  \"cores\": "
                + Runtime.getRuntime().availableProcessors() + ",\n  \"measurements\": [\n");
        for (int i = 0; i < measurements.size(); i++) {
            Measurement m = measurements.get(i);
            json.append(String.format(Locale.ROOT, "    {\"name\": \"%s\", \"unit\": \"%s\", \"median\": %s, \"samples\": %s, \"note\": \"%s\"}%s%n",
                    escape(m.name()), escape(m.unit()), number(m.median()),
                    m.samples().stream().map(BenchReport::number).toList(), escape(m.note()),
                    i + 1 < measurements.size() ? "," : ""));
        }
        json.append("  ]\n}\n");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json.toString());
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
