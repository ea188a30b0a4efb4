package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The task tokens of tasks that wait for a callback ({@code .waitForTaskToken}): each names the wait of one task
 * attempt until SendTaskSuccess or SendTaskFailure completes it.
 */
public final class TaskTokens {

    /** One waiting task: how to complete it, and what a heartbeat does (restarts its heartbeat timer). */
    private record Waiting(Resumption<JsonNode> resumption, Runnable heartbeat) {
    }

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    /** A new token, long and unguessable as AWS's are. */
    static String newToken() {
        return (UUID.randomUUID() + UUID.randomUUID().toString()).replace("-", "");
    }

    void register(String token, Resumption<JsonNode> resumption, Runnable heartbeat) {
        waiting.put(token, new Waiting(resumption, heartbeat));
    }

    void remove(String token) {
        waiting.remove(token);
    }

    /** Completes the task with {@code output}; false when no task waits with this token. */
    public boolean succeed(String token, JsonNode output) {
        return find(token).map(r -> r.resume(output)).orElse(false);
    }

    /** Fails the task with {@code error} and {@code cause}; false when no task waits with this token. */
    public boolean fail(String token, String error, String cause) {
        return find(token).map(r -> r.fail(StatesError.fromTask(error == null ? "" : error,
                cause == null ? "" : cause))).orElse(false);
    }

    /** Restarts the task's heartbeat timer (SendTaskHeartbeat); false when no task waits with this token. */
    public boolean heartbeat(String token) {
        Waiting task = token == null ? null : waiting.get(token);
        if (task == null) {
            return false;
        }
        task.heartbeat().run();
        return true;
    }

    private Optional<Resumption<JsonNode>> find(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(waiting.get(token)).map(Waiting::resumption);
    }
}
