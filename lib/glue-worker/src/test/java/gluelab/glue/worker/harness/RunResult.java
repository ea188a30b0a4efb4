package gluelab.glue.worker.harness;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Every event of one finished run, in the order the worker sent them. */
public record RunResult(String runId, List<JsonNode> events) {

    public String state() {
        return finished().path("state").asText();
    }

    public String errorMessage() {
        return finished().path("errorMessage").asText(null);
    }

    public JsonNode finished() {
        return events.stream().filter(e -> e.path("ev").asText().equals("finished")).findFirst()
                .orElseThrow(() -> new AssertionError("run " + runId + " has no finished event: " + events));
    }

    public List<String> output() {
        return lines("output");
    }

    public List<String> error() {
        return lines("error");
    }

    private List<String> lines(String stream) {
        return events.stream().filter(e -> e.path("ev").asText().equals("log") && e.path("stream").asText().equals(stream))
                .map(e -> e.path("message").asText()).toList();
    }

    /** The run's {@code glue_lab_metric} lines of the given kind (source, sink, run). */
    public List<JsonNode> metrics(String kind) {
        return output().stream().filter(l -> l.startsWith("{\"glue_lab_metric\"")).map(l -> {
            try {
                return WorkerProcess.JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).filter(m -> m.path("glue_lab_metric").asText().equals(kind)).toList();
    }

    public JsonNode runMetrics() {
        List<JsonNode> run = metrics("run");
        if (run.size() != 1) {
            throw new AssertionError("expected one run metric line, got " + run + "; output: " + output() + "; error: " + error());
        }
        return run.get(0);
    }

    public List<JsonNode> bookmarks() {
        return events.stream().filter(e -> e.path("ev").asText().equals("bookmark")).toList();
    }

    /** Position of the first event of a kind (for ordering checks), or -1. */
    public int indexOf(String ev) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).path("ev").asText().equals(ev)) {
                return i;
            }
        }
        return -1;
    }

    public String describe() {
        return "run " + runId + " " + state() + " (" + errorMessage() + ")\n output: " + output() + "\n error: "
                + String.join("\n  ", error());
    }
}
