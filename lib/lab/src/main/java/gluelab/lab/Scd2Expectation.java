package gluelab.lab;

import gluelab.lab.data.Values;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a slowly changing dimension of type 2 must hold after a series of full snapshots, worked out from the
 * snapshots alone: each business key's versions, with the dates they were valid. It checks a dimension (columns
 * {@code start_date}, {@code end_date}, {@code is_current}) against three invariants and says what breaks them.
 * <pre>
 * Scd2Expectation expected = Scd2Expectation.of(List.of("store_id", "sku"), List.of("price", "promo"))
 *         .snapshot(LocalDate.parse("2026-03-01"), Csv.read(day1))
 *         .snapshot(LocalDate.parse("2026-03-02"), Csv.read(day2));
 * expected.currentRowProblems(dimension)   // [] when every key has exactly one current row
 * </pre>
 * A key a snapshot lacks keeps its version (SCD-2 without deletes). Values are compared by meaning
 * ({@code 1500} = {@code 1500.00}).
 */
public final class Scd2Expectation {

    public static final String START_DATE = "start_date";
    public static final String END_DATE = "end_date";
    public static final String IS_CURRENT = "is_current";

    /** One version of a key: valid from {@code start} up to (not including) {@code end}; null end for the current one. */
    public record Version(LocalDate start, LocalDate end, List<String> values) {
        @Override
        public String toString() {
            return start + "→" + (end == null ? "" : end) + (end == null ? " (current)" : "");
        }
    }

    private final List<String> keys;
    private final List<String> tracked;
    private final TreeMap<LocalDate, DataTable> snapshots = new TreeMap<>();

    private Scd2Expectation(List<String> keys, List<String> tracked) {
        this.keys = List.copyOf(keys);
        this.tracked = List.copyOf(tracked);
    }

    /** An expectation keyed by {@code keys} that tracks the changes of {@code tracked}. */
    public static Scd2Expectation of(List<String> keys, List<String> tracked) {
        return new Scd2Expectation(keys, tracked);
    }

    /** Adds the full snapshot that describes {@code effectiveDate}. */
    public Scd2Expectation snapshot(LocalDate effectiveDate, DataTable rows) {
        snapshots.put(effectiveDate, rows);
        return this;
    }

    /** A key's values as a reader compares them: canonical text, in the order of the key columns. */
    public List<String> keyOf(Map<String, Object> row) {
        return keys.stream().map(k -> Values.canonical(row.get(k))).toList();
    }

    /** Every key's versions, keys in order. */
    public Map<List<String>, List<Version>> versions() {
        Map<List<String>, List<Version>> versions = new TreeMap<>(Comparator.comparing(Object::toString));
        snapshots.forEach((date, rows) -> rows.asMaps().forEach(row -> {
            List<String> values = tracked.stream().map(c -> Values.canonical(row.get(c))).toList();
            List<Version> history = versions.computeIfAbsent(keyOf(row), k -> new ArrayList<>());
            Version current = history.isEmpty() ? null : history.get(history.size() - 1);
            if (current == null || !current.values().equals(values)) {
                if (current != null) {
                    history.set(history.size() - 1, new Version(current.start(), date, current.values()));
                }
                history.add(new Version(date, null, values));
            }
        }));
        return versions;
    }

    /** The keys with more than one version: those whose tracked values changed. */
    public List<List<String>> changedKeys() {
        return versions().entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
    }

    /** Keys with another number of current rows than one, and rows of keys no snapshot has. */
    public List<String> currentRowProblems(DataTable dimension) {
        Map<List<String>, List<Map<String, Object>>> actual = byKey(dimension);
        List<String> problems = new ArrayList<>();
        versions().keySet().forEach(key -> {
            long current = actual.getOrDefault(key, List.of()).stream().filter(r -> Boolean.TRUE.equals(r.get(IS_CURRENT))).count();
            if (current != 1) {
                problems.add(describe(key) + " has " + current + " current rows");
            }
        });
        actual.keySet().stream().filter(key -> !versions().containsKey(key))
                .forEach(key -> problems.add(describe(key) + " is in no snapshot"));
        return problems;
    }

    /** Keys whose versions, by start date, are not the expected ones: the same dates, meeting end to start, the last current. */
    public List<String> historyProblems(DataTable dimension) {
        Map<List<String>, List<Map<String, Object>>> actual = byKey(dimension);
        List<String> problems = new ArrayList<>();
        versions().forEach((key, expected) -> {
            List<String> found = actual.getOrDefault(key, List.of()).stream()
                    .sorted(Comparator.comparing(r -> String.valueOf(Values.canonical(r.get(START_DATE)))))
                    .map(r -> Values.canonical(r.get(START_DATE)) + "→" + Objects.toString(Values.canonical(r.get(END_DATE)), "")
                            + (Boolean.TRUE.equals(r.get(IS_CURRENT)) ? " (current)" : "")).toList();
            List<String> wanted = expected.stream().map(Version::toString).toList();
            if (!found.equals(wanted)) {
                problems.add(describe(key) + ": expected " + wanted + " but found " + found);
            }
        });
        return problems;
    }

    /** Keys whose current row does not hold the tracked values of the latest snapshot that has the key. */
    public List<String> currentValueProblems(DataTable dimension) {
        Map<List<String>, List<Map<String, Object>>> actual = byKey(dimension);
        List<String> problems = new ArrayList<>();
        versions().forEach((key, expected) -> actual.getOrDefault(key, List.of()).stream()
                .filter(r -> Boolean.TRUE.equals(r.get(IS_CURRENT))).forEach(current -> {
                    List<String> values = tracked.stream().map(c -> Values.canonical(current.get(c))).toList();
                    List<String> latest = expected.get(expected.size() - 1).values();
                    if (!values.equals(latest)) {
                        problems.add(describe(key) + ": current " + tracked + " = " + values + ", latest snapshot " + latest);
                    }
                }));
        return problems;
    }

    /** The first few problems, and how many more there are, for a check's message. */
    public static String firstFew(List<String> problems) {
        return String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                + (problems.size() > 5 ? "; … " + (problems.size() - 5) + " more" : "");
    }

    private Map<List<String>, List<Map<String, Object>>> byKey(DataTable dimension) {
        Map<List<String>, List<Map<String, Object>>> rows = new TreeMap<>(Comparator.comparing(Object::toString));
        dimension.asMaps().forEach(row -> rows.computeIfAbsent(keyOf(row), k -> new ArrayList<>()).add(row));
        return rows;
    }

    private String describe(List<String> key) {
        return keys.size() == 1 ? keys.get(0) + "=" + key.get(0) : keys + "=" + Arrays.toString(key.toArray());
    }
}
