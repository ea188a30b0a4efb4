package gluelab.cloud.services.states.integrations;

import gluelab.cloud.events.EventBus;
import gluelab.cloud.events.LabEvent;
import gluelab.cloud.services.states.asl.Resumption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes tasks that wait for other work to end ({@code .sync}): a Glue job run, a child execution. It listens on
 * Lab Cloud's event bus for the events that say such work changed state ("Glue Job State Change", "Step Functions
 * Execution Status Change") and resumes whoever waits on that run; the waiter then reads the run itself. The wake-up
 * happens while the bus still counts the event as in flight, so a clock advance sees the task running on.
 */
public final class TerminalEvents {

    private final Map<String, Set<Resumption<Void>>> waiters = new ConcurrentHashMap<>();

    public TerminalEvents(EventBus bus) {
        bus.subscribe(this::heard);
    }

    /** The key of a Glue job run's events. */
    static String glueRun(String account, String region, String jobRunId) {
        return "glue|" + account + "|" + region + "|" + jobRunId;
    }

    /** The key of an execution's events. */
    static String execution(String executionArn) {
        return "states|" + executionArn;
    }

    /** Starts listening for {@code key}; call before reading the run's state, so no change goes unheard. */
    void watch(String key, Resumption<Void> waiter) {
        waiters.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(waiter);
    }

    void unwatch(String key, Resumption<Void> waiter) {
        waiters.computeIfPresent(key, (k, set) -> {
            set.remove(waiter);
            return set.isEmpty() ? null : set;
        });
    }

    private void heard(LabEvent event) {
        String key = null;
        if (event.service().equals("glue") && event.name().equals("Glue Job State Change") && event.detail() != null) {
            key = glueRun(event.account(), event.region(), event.detail().path("jobRunId").asText());
        } else if (event.service().equals("states") && event.detail() != null
                && !event.detail().path("status").asText().equals("RUNNING")) {
            key = execution(event.detail().path("executionArn").asText());
        }
        if (key == null) {
            return;
        }
        Set<Resumption<Void>> waiting = waiters.get(key);
        if (waiting != null) {
            waiting.forEach(waiter -> waiter.resume(null));
        }
    }
}
