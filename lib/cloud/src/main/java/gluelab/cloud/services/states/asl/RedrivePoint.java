package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where an execution that did not succeed stopped: the top-level state it failed, was stopped or timed out in, and
 * that state's input and the workflow variables as they were when it began. RedriveExecution runs the machine on from
 * there, with the same input and variables, as AWS does.
 */
public record RedrivePoint(String state, JsonNode input, com.fasterxml.jackson.databind.node.ObjectNode variables) {
}
