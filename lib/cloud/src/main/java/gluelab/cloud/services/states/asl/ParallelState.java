package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parallel: runs each of its Branches on the same input at once, on threads of their own; its result is the array
 * of their outputs, in branch order. When one branch fails, the others are stopped and the state fails with that
 * branch's error (which Retry and Catch then see). A redrive of the execution in this state keeps the outputs of the
 * branches that succeeded and runs the others on from where they stopped ({@link BranchOutcomes}).
 */
final class ParallelState extends RecoverableState {

    static final java.util.Set<String> FIELDS = allowed("Branches", "Parameters", "Arguments");

    private final List<Machine> branches = new ArrayList<>();
    private final PayloadTemplate parameters;
    private final JsonataTemplate arguments;

    ParallelState(String name, Fields fields, List<TaskIntegration> integrations) {
        super(name, "Parallel", fields);
        fields.only(FIELDS);
        List<JsonNode> items = fields.array("Branches", true);
        if (items.isEmpty()) {
            throw Fields.schema("The field 'Branches' must not be empty", fields.at("Branches"));
        }
        for (int i = 0; i < items.size(); i++) {
            branches.add(Machine.nested(items.get(i), fields.at("Branches") + "[" + i + "]", integrations,
                    jsonata));
        }
        this.parameters = fields.template("Parameters");
        this.arguments = fields.has("Arguments") ? new JsonataTemplate(fields.raw("Arguments"),
                fields.at("Arguments")) : null;
    }

    @Override
    JsonNode attempt(JsonNode effectiveInput, JsonNode context, Branch branch, Instant entered) {
        JsonNode input;
        if (jsonata) {
            input = arguments == null ? effectiveInput
                    : arguments.apply(statesVariable(effectiveInput, context), branch.variables());
        } else {
            input = parameters == null ? effectiveInput : parameters.apply(roots(effectiveInput, context, branch));
        }
        BranchOutcomes previous = BranchOutcomes.previous(branch.redriveIn(name()), branches.size());
        branch.record("ParallelStateStarted", null, null);
        Progress progress = branch.execution().progress();
        Join join = new Join(branches.size(), progress);
        JsonNode[] results = new JsonNode[branches.size()];
        BranchOutcomes outcomes = BranchOutcomes.of(branches.size());
        for (int i = 0; i < branches.size(); i++) {
            int index = i;
            JsonNode kept = previous.kept(index);
            if (kept != null) {
                results[index] = kept;
                outcomes.succeeded(index, kept);
                join.finished(0);
                continue;
            }
            Branch child = branch.fork(null, join.group);
            progress.running();
            branch.execution().host().threads().execute(() -> {
                try {
                    results[index] = child.runAgain(branches.get(index), previous.stoppedAt(index), input);
                    outcomes.succeeded(index, results[index]);
                } catch (StatesError error) {
                    outcomes.stopped(index, child.failedAt());
                    join.failed(error);
                } catch (RuntimeException unexpected) {
                    outcomes.stopped(index, child.failedAt());
                    join.failed(StatesError.runtime(String.valueOf(unexpected)));
                } finally {
                    join.finished(child.lastEventId());
                    progress.stopped();
                }
            });
        }
        try {
            join.await(branch, "Parallel");
        } catch (StatesError error) {
            branch.branchesFailed(outcomes);
            throw error;
        }
        ArrayNode output = JsonNodeFactory.instance.arrayNode();
        for (JsonNode result : results) {
            output.add(result);
        }
        return output;
    }
}
