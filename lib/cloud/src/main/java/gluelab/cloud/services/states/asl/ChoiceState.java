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
    private final String defaultState;

    ChoiceState(String name, Fields fields) {
        super(name, "Choice", fields, false, true);
        fields.only(FIELDS);
        List<JsonNode> rules = fields.array("Choices", true);
        if (rules.isEmpty()) {
            throw Fields.schema("The field 'Choices' must not be empty", fields.at("Choices"));
        }
        for (int i = 0; i < rules.size(); i++) {
            choices.add(new ChoiceRule(new Fields(rules.get(i), fields.at("Choices") + "[" + i + "]"), true));
        }
        this.defaultState = fields.string("Default");
    }

    @Override
    List<String> targets() {
        List<String> targets = new ArrayList<>();
        choices.forEach(rule -> targets.add(rule.next));
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
        JsonNode effective = effectiveInput(input, context);
        String chosen = null;
        for (ChoiceRule rule : choices) {
            if (rule.matches(effective, context)) {
                chosen = rule.next;
                break;
            }
        }
        if (chosen == null) {
            chosen = defaultState;
        }
        if (chosen == null) {
            throw new StatesError(StatesError.NO_CHOICE_MATCHED, "No Matches!");
        }
        JsonNode output = effectiveOutput(effective, context);
        exited(branch, output);
        return new Transition(chosen, output);
    }
}
