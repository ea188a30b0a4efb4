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
        PathRoots roots = roots(input, context, branch);
        JsonNode effective = effectiveInput(roots);
        if (parameters != null) {
            effective = parameters.apply(roots.over(effective));
        }
        JsonNode stateResult = result != null ? result : effective;
        JsonNode output = effectiveOutput(roots.over(placeResult(resultPath, input, stateResult)));
        assignJsonPath(roots.over(stateResult), branch);
        exited(branch, output);
        return new Transition(next, output);
    }
}
