package gluelab.lab.data;

import java.util.Locale;

/** The file formats job output is read in, told apart by file name. */
public enum DataFormat {
    PARQUET("Parquet"),
    CSV("CSV"),
    JSON_LINES("JSON lines");

    private final String displayName;

    DataFormat(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The format of a file called {@code name} (a {@code .gz} ending aside), or null if the name does not say. */
    public static DataFormat ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            lower = lower.substring(0, lower.length() - 3);
        }
        if (lower.endsWith(".parquet")) {
            return PARQUET;
        }
        if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            return CSV;
        }
        if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return JSON_LINES;
        }
        return null;
    }
}
