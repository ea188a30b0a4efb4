package gluelab.kernel.eval;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for every JShell snippet, the source it came from and the line it starts on, so a stack frame
 * such as {@code #12:3} (snippet 12, line 3) reads as {@code Cell In[4], line 7}.
 */
final class SnippetOrigins {

    /** A snippet's origin and the 0-based line, within it, where the snippet starts (never on a blank line). */
    record Placement(SourceOrigin origin, int firstLine) {

        /** The 1-based origin line of a 1-based line within the snippet, as JShell numbers stack frames. */
        int originLine(int snippetLine) {
            return firstLine + snippetLine;
        }
    }

    private final Map<String, Placement> bySnippetId = new ConcurrentHashMap<>();

    void record(String snippetId, SourceOrigin origin, int firstLine) {
        bySnippetId.put(snippetId, new Placement(origin, firstLine));
    }

    Optional<Placement> find(String snippetId) {
        return Optional.ofNullable(bySnippetId.get(snippetId));
    }
}
