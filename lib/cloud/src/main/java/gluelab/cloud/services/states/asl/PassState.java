package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Pass: its Result (or, without one, its input after Parameters) goes where ResultPath says; in JSONata, its output
 * is its Output, or its input.
 */
final class PassState extends State {

    static final java.util.Set<String> FIELDS = allowed(true, true, "Result", "ResultPath", "Parameters");

    private final JsonNode result;
    private final PayloadTemplate parameters;
    private final Fields.PathField resultPath;

    PassState(String name, Fields fields) {
        super(name, "Pass", fields, true, true);
        fields.only(FIELDS);
        this.result = fields.raw("Result");
        this.parameters = fields.template("Parameters");
        this.resultPath = fields.path("ResultPath", true);
    }

    @Override
    Transition run(JsonNode input, Branch branch) {
        Instant entered = branch.execution().now();
        entered(branch, input);
        JsonNode context = branch.context(this, entered, 0);
        if (jsonata) {
            JsonNode output = jsonataOutput(branch, statesVariable(input, context), input);
            exited(branch, output);
            return new Transition(next, output);
        }
        JsonNode effective = effectiveInput(input, context);
        if (parameters != null) {
            effective = parameters.apply(effective, context);
        }
        JsonNode output = effectiveOutput(placeResult(resultPath, input, result != null ? result : effective),
                context);
        exited(branch, output);
        return new Transition(next, output);
    }
}
