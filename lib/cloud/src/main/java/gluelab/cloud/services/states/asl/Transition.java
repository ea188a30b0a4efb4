package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;

/** Where a state goes after it ran: the next state's name, or none when its branch ends; and its output. */
public record Transition(String next, JsonNode output) {
}
