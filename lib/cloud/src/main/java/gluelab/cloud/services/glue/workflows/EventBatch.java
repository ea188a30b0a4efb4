package gluelab.cloud.services.glue.workflows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The EventBridge events a workflow's EVENT trigger has received and not yet started a run with, and when the first
 * came (its BatchWindow runs from then).
 */
record EventBatch(List<String> eventIds, Instant firstAt) {

    EventBatch {
        eventIds = List.copyOf(eventIds);
    }

    EventBatch plus(List<String> more) {
        List<String> ids = new ArrayList<>(eventIds);
        ids.addAll(more);
        return new EventBatch(ids, firstAt);
    }
}
