package gluelab.kernel.run;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code display_data} outputs of one notebook run by display id, so {@code updateDisplay} replaces their
 * content in whichever cell they are, as nbclient and JupyterLab do. An unknown id updates nothing.
 */
final class DisplayedOutputs {

    private final Map<String, List<ObjectNode>> byDisplayId = new HashMap<>();

    synchronized void shown(String displayId, ObjectNode output) {
        if (displayId != null) {
            byDisplayId.computeIfAbsent(displayId, id -> new ArrayList<>()).add(output);
        }
    }

    /** The outputs shown under {@code displayId} so far. */
    synchronized List<ObjectNode> under(String displayId) {
        return List.copyOf(byDisplayId.getOrDefault(displayId, List.of()));
    }
}
