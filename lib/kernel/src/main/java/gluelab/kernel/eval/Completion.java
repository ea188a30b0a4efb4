package gluelab.kernel.eval;

import java.util.List;

/** Completion candidates, and the range of the cell text ({@code start} to {@code end}) each one replaces. */
public record Completion(List<String> matches, int start, int end) {

    public Completion {
        matches = List.copyOf(matches);
    }
}
