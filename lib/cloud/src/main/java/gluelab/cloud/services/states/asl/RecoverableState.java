package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A state that does work which may fail, and so has Retry and Catch: Task, Parallel and Map. The shared part runs
 * the attempts: InputPath, the work, ResultSelector, ResultPath and OutputPath; on an error, the first retrier whose
 * ErrorEquals match retries after its delay on the lab clock until its MaxAttempts are spent (each retrier counts
 * its own), then the first matching catcher puts {@code {"Error","Cause"}} where its ResultPath says and goes to its
 * Next. A stop of the execution is neither retried nor caught.
 */
abstract class RecoverableState extends State {

    private final PayloadTemplate resultSelector;
    final Fields.PathField resultPath;
    private final List<Retrier> retriers;
    private final List<Catcher> catchers;

    RecoverableState(String name, String type, Fields fields) {
        super(name, type, fields, true, true);
        this.resultSelector = fields.template("ResultSelector");
        this.resultPath = fields.path("ResultPath", true);
        this.retriers = Retrier.parse(fields);
        this.catchers = Catcher.parse(fields, jsonata);
    }

    static java.util.Set<String> allowed(String... more) {
        List<String> fields = new ArrayList<>(List.of("ResultSelector", "ResultPath", "Retry", "Catch"));
        fields.addAll(List.of(more));
        return State.allowed(true, true, fields.toArray(String[]::new));
    }

    @Override
    List<String> targets() {
        List<String> targets = new ArrayList<>(super.targets());
        catchers.forEach(c -> targets.add(c.next));
        return targets;
    }

    /** The context object of one attempt: the state's, and what the attempt adds to it (a task token). */
    JsonNode attemptContext(com.fasterxml.jackson.databind.node.ObjectNode context) {
        return context;
    }

    /** The work of one attempt on the effective input; its history events are its own. */
    abstract JsonNode attempt(JsonNode effectiveInput, JsonNode context, Branch branch, Instant entered);

    @Override
    final Transition run(JsonNode input, Branch branch) {
        Instant entered = branch.execution().now();
        entered(branch, input);
        int[] attempts = new int[retriers.size()];
        int retryCount = 0;
        while (true) {
            JsonNode context = attemptContext(branch.context(this, entered, retryCount));
            try {
                if (jsonata) {
                    JsonNode result = attempt(input, context, branch, entered);
                    ObjectNode states = statesVariable(input, context);
                    states.set("result", result);
                    JsonNode output = jsonataOutput(branch, states, result);
                    exited(branch, output);
                    return new Transition(next, output);
                }
                PathRoots roots = roots(input, context, branch);
                JsonNode effective = effectiveInput(roots);
                JsonNode result = attempt(effective, context, branch, entered);
                if (resultSelector != null) {
                    result = resultSelector.apply(roots.over(result));
                }
                JsonNode output = effectiveOutput(roots.over(placeResult(resultPath, input, result)));
                assignJsonPath(roots.over(result), branch);
                exited(branch, output);
                return new Transition(next, output);
            } catch (StatesError error) {
                branch.checkStopped();
                int retrier = matching(error);
                if (retrier >= 0 && attempts[retrier] < retriers.get(retrier).maxAttempts) {
                    branch.sleepUntil(branch.execution().now().plus(retriers.get(retrier).delay(attempts[retrier])));
                    attempts[retrier]++;
                    retryCount++;
                    continue;
                }
                for (Catcher catcher : catchers) {
                    if (error.matches(catcher.errorEquals)) {
                        ObjectNode caught = JsonNodeFactory.instance.objectNode();
                        caught.put("Error", error.error());
                        caught.put("Cause", error.cause());
                        JsonNode output;
                        if (jsonata) {
                            ObjectNode states = statesVariable(input, context);
                            states.set("errorOutput", caught);
                            output = catcher.jsonataOutput(branch, states);
                        } else {
                            output = placeResult(catcher.resultPath, input, caught);
                            assignJsonPath(catcher.assignPaths, roots(caught, context, branch), branch);
                        }
                        exited(branch, output);
                        return new Transition(catcher.next, output);
                    }
                }
                throw error;
            }
        }
    }

    private int matching(StatesError error) {
        for (int i = 0; i < retriers.size(); i++) {
            if (error.matches(retriers.get(i).errorEquals)) {
                return i;
            }
        }
        return -1;
    }
}
