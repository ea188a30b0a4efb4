package gluelab.cloud.services.glue.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for the Glue worker that speaks its protocol (lib/README.md) without Spark, so the cloud
 * module can test Lab Cloud's side of it: the worker client, the run state machine, bookmarks, timeouts,
 * stops and a dying worker. What a run does is chosen by its class name:
 * <ul>
 *   <li>{@code test.Succeeds}: logs a line to each stream and succeeds;</li>
 *   <li>{@code test.Fails}: fails with "java.lang.IllegalStateException: boom";</li>
 *   <li>{@code test.Sleeps}: runs until it is stopped;</li>
 *   <li>{@code test.NamesItsWorker}: logs "worker pid N" (the worker's process), then runs until it is stopped;</li>
 *   <li>{@code test.CountsBookmark}: commits the bookmark it was given plus one ({@code --fail true} fails after);</li>
 *   <li>{@code test.EchoesCommand}: fails with the run command it received as its error message;</li>
 *   <li>{@code test.ExitsWorker}: kills the whole worker with exit code 3.</li>
 * </ul>
 */
public final class ScriptedGlueWorker {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream OUT = System.out;
    private static final Map<String, CountDownLatch> SLEEPING = new ConcurrentHashMap<>();

    private ScriptedGlueWorker() {
    }

    public static void main(String[] args) throws Exception {
        System.setOut(System.err);
        emit(event("ready", null).put("sparkVersion", "scripted").put("startupMillis", 1));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            JsonNode command = JSON.readTree(line);
            switch (command.path("op").asText()) {
                case "run" -> {
                    Thread run = new Thread(() -> run(command));
                    run.setDaemon(true);
                    run.start();
                }
                case "stop" -> {
                    CountDownLatch sleeping = SLEEPING.remove(command.path("runId").asText());
                    if (sleeping != null) {
                        sleeping.countDown();
                    } else {
                        emit(event("error", command.path("runId").asText()).put("message", "no such run"));
                    }
                }
                case "shutdown" -> {
                    return;
                }
                default -> emit(event("error", null).put("message", "unknown op"));
            }
        }
    }

    private static void run(JsonNode command) {
        String runId = command.path("runId").asText();
        emit(event("running", runId));
        String bookmark = command.path("bookmark").path("state").isTextual()
                ? command.path("bookmark").path("state").asText() : null;
        switch (command.path("className").asText()) {
            case "test.Succeeds" -> {
                log(runId, "output", "hello from " + runId);
                log(runId, "error", "a warning from " + runId);
                finished(runId, "SUCCEEDED", null);
            }
            case "test.Fails" -> finished(runId, "FAILED", "java.lang.IllegalStateException: boom");
            case "test.Sleeps" -> sleepUntilStopped(runId);
            case "test.NamesItsWorker" -> {
                log(runId, "output", "worker pid " + ProcessHandle.current().pid());
                sleepUntilStopped(runId);
            }
            case "test.CountsBookmark" -> {
                int seen = bookmark == null ? 0 : Integer.parseInt(bookmark);
                emit(event("bookmark", runId).put("state", Integer.toString(seen + 1)));
                boolean fail = command.path("args").toString().contains("\"--fail\",\"true\"");
                finished(runId, fail ? "FAILED" : "SUCCEEDED", fail ? "failed after reading bookmark " + seen : null);
            }
            case "test.EchoesCommand" -> finished(runId, "FAILED", command.toString());
            case "test.ExitsWorker" -> {
                System.err.println("java.lang.RuntimeException: the worker is going down");
                Runtime.getRuntime().halt(3);
            }
            default -> finished(runId, "FAILED", "java.lang.ClassNotFoundException: " + command.path("className").asText());
        }
    }

    private static void sleepUntilStopped(String runId) {
        CountDownLatch stop = new CountDownLatch(1);
        SLEEPING.put(runId, stop);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finished(runId, "STOPPED", null);
    }

    private static void log(String runId, String stream, String message) {
        emit(event("log", runId).put("stream", stream).put("message", message));
    }

    private static void finished(String runId, String state, String errorMessage) {
        ObjectNode event = event("finished", runId).put("state", state);
        if (errorMessage != null) {
            event.put("errorMessage", errorMessage);
        }
        emit(event);
    }

    private static ObjectNode event(String name, String runId) {
        ObjectNode event = JSON.createObjectNode().put("ev", name);
        if (runId != null) {
            event.put("runId", runId);
        }
        return event;
    }

    private static synchronized void emit(ObjectNode event) {
        OUT.println(event.toString());
        OUT.flush();
    }
}
