package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a JSONPath field of a state can read, by the path's root: {@code $} the data the field works on (the state's
 * input, its result, an error output), {@code $$} the context object, and {@code $name} a workflow variable as it
 * was before the state assigned any ("Passing data between states with variables").
 */
record PathRoots(JsonNode data, JsonNode context, ObjectNode variables) {

    /** The same context and variables over other data, e.g. the task's result for ResultSelector. */
    PathRoots over(JsonNode other) {
        return new PathRoots(other, context, variables);
    }
}
