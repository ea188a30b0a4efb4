package gluelab.cloud.services.states;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.clock.LabClock;
import gluelab.cloud.services.states.asl.History;

/**
 * One execution's history as it is written: ids in order from 1, stamped with the lab clock, stored at once. Once
 * the execution has closed (succeeded, failed, stopped), branches still winding down add nothing more.
 */
final class ExecutionHistory implements History {

    private final StatesState state;
    private final String executionArn;
    private final LabClock clock;
    private long lastId;
    private boolean closed;

    ExecutionHistory(StatesState state, String executionArn, LabClock clock, long lastId) {
        this.state = state;
        this.executionArn = executionArn;
        this.clock = clock;
        this.lastId = lastId;
    }

    @Override
    public synchronized long append(String type, long previousEventId, String detailsMember, JsonNode details) {
        if (closed) {
            return lastId;
        }
        lastId++;
        state.append(executionArn, new HistoryRecord(lastId, previousEventId, clock.millis(), type, detailsMember,
                details));
        return lastId;
    }

    /** Appends the event that closes the execution; later events are dropped. */
    synchronized long close(String type, String detailsMember, JsonNode details) {
        long id = append(type, lastId, detailsMember, details);
        closed = true;
        return id;
    }

    /** Drops every later event: the execution is gone (a reset removed it). */
    synchronized void discard() {
        closed = true;
    }
}
