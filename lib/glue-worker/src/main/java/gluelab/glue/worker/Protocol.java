package gluelab.glue.worker;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The worker's side of the protocol: one JSON event per line on the process's real stdout, which
 * nothing else may write to (job output is captured and sent as {@code log} events).
 */
final class Protocol {

    static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream stdout;

    Protocol(PrintStream stdout) {
        this.stdout = stdout;
    }

    void ready(String sparkVersion, long startupMillis) {
        emit(event("ready", null, "sparkVersion", sparkVersion, "startupMillis", startupMillis));
    }

    void running(String runId) {
        emit(event("running", runId));
    }

    void log(String runId, String stream, String message) {
        emit(event("log", runId, "stream", stream, "message", message));
    }

    void bookmark(String runId, String state) {
        emit(event("bookmark", runId, "state", state));
    }

    void finished(String runId, String state, String errorMessage) {
        emit(event("finished", runId, "state", state, "errorMessage", errorMessage));
    }

    /** A command the worker could not act on (not tied to a run it knows). */
    void error(String runId, String message) {
        emit(event("error", runId, "message", message));
    }

    private static Map<String, Object> event(String name, String runId, Object... fields) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("ev", name);
        if (runId != null) {
            event.put("runId", runId);
        }
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                event.put((String) fields[i], fields[i + 1]);
            }
        }
        return event;
    }

    private void emit(Map<String, Object> event) {
        String line;
        try {
            line = JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        synchronized (stdout) {
            stdout.print(line);
            stdout.print('\n');
            stdout.flush();
        }
    }
}
