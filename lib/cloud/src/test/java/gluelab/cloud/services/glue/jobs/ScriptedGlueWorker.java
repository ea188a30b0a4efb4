package gluelab.cloud.services.glue.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.services.glue.worker.WorkerClasspath;
import gluelab.cloud.services.glue.worker.WorkerCommandLine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;

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
 *   <li>{@code test.AppendsToRunProperties}: as a Glue job in a workflow does with the SDK and its run's
 *   credentials, reads its workflow run's properties and appends its job name to the property {@code visited};</li>
 * </ul>
 */
public final class ScriptedGlueWorker {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream OUT = System.out;
    private static final Map<String, CountDownLatch> SLEEPING = new ConcurrentHashMap<>();

    private ScriptedGlueWorker() {
    }

    /** Makes the Lab Clouds this JVM starts next run their Glue jobs on this stand-in, in a small heap. */
    public static void useAsTheGlueWorker() {
        System.setProperty(WorkerClasspath.PROPERTY, System.getProperty("java.class.path"));
        System.setProperty(WorkerCommandLine.MAIN_PROPERTY, ScriptedGlueWorker.class.getName());
        System.setProperty(WorkerCommandLine.XMX_PROPERTY, "64m");
    }

    public static void stopUsingAsTheGlueWorker() {
        System.clearProperty(WorkerClasspath.PROPERTY);
        System.clearProperty(WorkerCommandLine.MAIN_PROPERTY);
        System.clearProperty(WorkerCommandLine.XMX_PROPERTY);
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
            case "test.AppendsToRunProperties" -> appendToRunProperties(runId, command);
            case "test.ExitsWorker" -> {
                System.err.println("java.lang.RuntimeException: the worker is going down");
                Runtime.getRuntime().halt(3);
            }
            default -> finished(runId, "FAILED", "java.lang.ClassNotFoundException: " + command.path("className").asText());
        }
    }

    private static void appendToRunProperties(String runId, JsonNode command) {
        JsonNode aws = command.path("aws");
        String workflow = argument(command, "--WORKFLOW_NAME");
        String workflowRun = argument(command, "--WORKFLOW_RUN_ID");
        try (GlueClient glue = GlueClient.builder()
                .endpointOverride(URI.create(aws.path("endpoint").asText()))
                .region(Region.of(aws.path("region").asText()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        aws.path("accessKeyId").asText(), aws.path("secretAccessKey").asText(),
                        aws.path("sessionToken").asText())))
                .build()) {
            Map<String, String> properties = glue.getWorkflowRunProperties(r -> r.name(workflow).runId(workflowRun))
                    .runProperties();
            String visited = properties.getOrDefault("visited", "");
            String jobName = command.path("jobName").asText();
            glue.putWorkflowRunProperties(r -> r.name(workflow).runId(workflowRun)
                    .runProperties(Map.of("visited", visited.isEmpty() ? jobName : visited + "," + jobName)));
            finished(runId, "SUCCEEDED", null);
        } catch (RuntimeException e) {
            finished(runId, "FAILED", e.toString());
        }
    }

    /** The value after {@code name} in the run's argument list. */
    private static String argument(JsonNode command, String name) {
        JsonNode args = command.path("args");
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).asText().equals(name)) {
                return args.get(i + 1).asText();
            }
        }
        return null;
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
