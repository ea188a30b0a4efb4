package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;

/** Succeed: ends its branch (or the execution) successfully, with its input after InputPath and OutputPath. */
final class SucceedState extends State {

    static final java.util.Set<String> FIELDS = allowed(false, true);

    SucceedState(String name, Fields fields) {
        super(name, "Succeed", fields, false, true);
        fields.only(FIELDS);
    }

    @Override
    Transition run(JsonNode input, Branch branch) {
        java.time.Instant entered = branch.execution().now();
        entered(branch, input);
        JsonNode context = branch.context(this, entered, 0);
        JsonNode output = jsonata ? jsonataOutput(branch, statesVariable(input, context), input)
                : effectiveOutput(roots(effectiveInput(roots(input, context, branch)), context, branch));
        exited(branch, output);
        return new Transition(null, output);
    }
}
