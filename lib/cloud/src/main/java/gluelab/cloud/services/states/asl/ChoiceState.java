package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Choice: goes to the Next of the first rule that matches its (filtered) input, else to Default; without a Default,
 * no match fails with {@code States.NoChoiceMatched}.
 */
final class ChoiceState extends State {

    static final java.util.Set<String> FIELDS = allowed(false, true, "Choices", "Default");

    private final List<ChoiceRule> choices = new ArrayList<>();
    private final List<Condition> conditions = new ArrayList<>();
    private final String defaultState;

    ChoiceState(String name, Fields fields) {
        super(name, "Choice", fields, false, true);
        fields.only(FIELDS);
        List<JsonNode> rules = fields.array("Choices", true);
        if (rules.isEmpty()) {
            throw Fields.schema("The field 'Choices' must not be empty", fields.at("Choices"));
        }
        for (int i = 0; i < rules.size(); i++) {
            Fields rule = new Fields(rules.get(i), fields.at("Choices") + "[" + i + "]");
            if (jsonata) {
                rule.only(java.util.Set.of("Condition", "Next", "Comment", "Output", "Assign"));
                conditions.add(new Condition(new JsonataTemplate(rule.raw("Condition") == null
                        ? missing(rule) : rule.raw("Condition"), rule.at("Condition")), rule.requiredString("Next"),
                        jsonataField(rule, "Output"), jsonataField(rule, "Assign")));
            } else {
                choices.add(new ChoiceRule(rule, true));
            }
        }
        this.defaultState = fields.string("Default");
    }

    @Override
    List<String> targets() {
        List<String> targets = new ArrayList<>();
        choices.forEach(rule -> targets.add(rule.next));
        conditions.forEach(rule -> targets.add(rule.next()));
        if (defaultState != null) {
            targets.add(defaultState);
        }
        return targets;
    }

    @Override
    boolean terminal() {
        return false;
    }

    @Override
    Transition run(JsonNode input, Branch branch) {
        Instant entered = branch.execution().now();
        entered(branch, input);
        JsonNode context = branch.context(this, entered, 0);
        if (jsonata) {
            return runJsonata(input, context, branch);
        }
        PathRoots roots = roots(input, context, branch);
        JsonNode effective = effectiveInput(roots);
        PathRoots overEffective = roots.over(effective);
        String chosen = null;
        ChoiceRule matched = null;
        for (ChoiceRule rule : choices) {
            if (rule.matches(overEffective)) {
                chosen = rule.next;
                matched = rule;
                break;
            }
        }
        if (chosen == null) {
            chosen = defaultState;
        }
        if (chosen == null) {
            throw new StatesError(StatesError.NO_CHOICE_MATCHED, "No Matches!");
        }
        JsonNode output = effectiveOutput(overEffective);
        assignJsonPath(overEffective, branch);
        if (matched != null) {
            // The matched rule's Assign as well; it too sees the variables as they were before the state.
            assignJsonPath(matched.assignPaths, overEffective, branch);
        }
        exited(branch, output);
        return new Transition(chosen, output);
    }

    /** In JSONata: the first rule whose Condition is true, else Default; the output is Output, or the input. */
    private Transition runJsonata(JsonNode input, JsonNode context, Branch branch) {
        com.fasterxml.jackson.databind.node.ObjectNode states = statesVariable(input, context);
        com.fasterxml.jackson.databind.node.ObjectNode variables = branch.variables();
        String chosen = defaultState;
        Condition matched = null;
        for (Condition rule : conditions) {
            if (rule.condition().test(states, variables)) {
                chosen = rule.next();
                matched = rule;
                break;
            }
        }
        if (chosen == null) {
            throw new StatesError(StatesError.NO_CHOICE_MATCHED, "No Matches!");
        }
        JsonNode output = jsonataOutput(branch, states, input);
        if (matched != null) {
            // The matched rule's Assign and Output apply as well; they too see the variables as they were before.
            output = outputAndAssign(matched.output(), matched.assign(), branch, states, variables, output);
        }
        exited(branch, output);
        return new Transition(chosen, output);
    }

    private static JsonNode missing(Fields rule) {
        throw Fields.schema("These fields are required: [Condition]", rule.location);
    }

    /** A JSONata Choice rule: a boolean expression, where it leads, and its own Output and Assign (or null). */
    private record Condition(JsonataTemplate condition, String next, JsonataTemplate output, JsonataTemplate assign) {
    }
}
