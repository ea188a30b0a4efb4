import java.util.List;

/** Counts the data rows of a pipe-delimited extract: every line but the header, ignoring blank lines. */
class RowCounter {

    static int count(List<String> lines) {
        // BEGIN SOLUTION
        // Skip the header line and count the lines that are not blank.
        return (int) lines.stream().skip(1).filter(line -> !line.isBlank()).count();
        // END SOLUTION
    }
}
