package gluelab.cli.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Repeated samples of one quantity; the machines are shared and noisy, so medians are what we quote. */
public record Measurement(String name, String unit, List<Double> samples, String note) {

    public Measurement {
        samples = List.copyOf(samples);
    }

    public static Measurement of(String name, String unit, List<Double> samples) {
        return new Measurement(name, unit, samples, "");
    }

    public double median() {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public double min() {
        return samples.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    public double max() {
        return samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    public Measurement withNote(String text) {
        return new Measurement(name, unit, samples, text);
    }
}
