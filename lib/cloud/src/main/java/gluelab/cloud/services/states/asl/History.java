package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;

/** Where an execution's history events go, as GetExecutionHistory shows them. */
public interface History {

    /**
     * Appends one event and returns its id (1, 2, …).
     *
     * @param type            AWS's event type ({@code PassStateEntered})
     * @param previousEventId the event this one follows from (0 for the first)
     * @param detailsMember   the HistoryEvent member its details go in ({@code stateEnteredEventDetails}), or null
     */
    long append(String type, long previousEventId, String detailsMember, JsonNode details);
}
