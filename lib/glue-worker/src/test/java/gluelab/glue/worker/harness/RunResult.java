package gluelab.glue.worker.harness;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import gluelab.glue.protocol.GlueEvent;

/** Every event of one finished run, in the order the worker sent them. */
public record RunResult(String runId, List<GlueEvent> events) {

    public String state() {
        return finished().state().name();
    }

    public String errorMessage() {
        return finished().errorMessage();
    }

    public GlueEvent.Finished finished() {
        return events.stream().filter(GlueEvent.Finished.class::isInstance).map(GlueEvent.Finished.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("run " + runId + " has no finished event: " + events));
    }

    public List<String> output() {
        return lines(GlueEvent.Log.OUTPUT);
    }

    public List<String> error() {
        return lines(GlueEvent.Log.ERROR);
    }

    private List<String> lines(String stream) {
        return events.stream().filter(GlueEvent.Log.class::isInstance).map(GlueEvent.Log.class::cast)
                .filter(log -> log.stream().equals(stream)).map(GlueEvent.Log::message).toList();
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

    public List<GlueEvent.Bookmark> bookmarks() {
        return events.stream().filter(GlueEvent.Bookmark.class::isInstance).map(GlueEvent.Bookmark.class::cast).toList();
    }

    /** Position of the first event of a kind (for ordering checks), or -1. */
    public int indexOf(Class<? extends GlueEvent> kind) {
        for (int i = 0; i < events.size(); i++) {
            if (kind.isInstance(events.get(i))) {
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
