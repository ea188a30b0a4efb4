package gluelab.cloud.services.events;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import gluelab.cloud.services.events.input.JsonPath;
import gluelab.cloud.services.events.input.TargetInput;
import gluelab.cloud.state.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eventbridge.model.InputTransformer;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.RemoveTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.RemoveTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * A rule's targets: PutTargets (at most five per rule; {@code Input}, {@code InputPath} or {@code InputTransformer},
 * {@code RetryPolicy}, {@code DeadLetterConfig}, {@code RoleArn}), RemoveTargets and ListTargetsByRule. What the
 * model constrains is refused as a whole; a target whose dead-letter queue is not an SQS queue is refused alone, in
 * {@code FailedEntries}.
 */
public final class TargetOperations {

    static final int MAX_TARGETS_PER_RULE = 5;
    private static final String ID_PATTERN = "[\\.\\-_A-Za-z0-9]+";
    private static final Pattern PATHS_MAP_KEY = Pattern.compile("[A-Za-z0-9\\_\\-]+");
    private static final Pages.Limits LIST = new Pages.Limits("limit", 100, 100);

    private final AccountRegionStore<EventsState> states;

    TargetOperations(AccountRegionStore<EventsState> states) {
        this.states = states;
    }

    public PutTargetsResponse putTargets(RequestContext context, PutTargetsRequest request) {
        List<Target> targets = request.hasTargets() ? request.targets() : null;
        Validation validation = RuleOperations.ruleOnBus("rule", request.rule(), request.eventBusName())
                .required("targets", targets)
                .size("targets", targets, 1, 100);
        for (int i = 0; targets != null && i < targets.size(); i++) {
            checkTarget(validation, "targets." + (i + 1) + ".member.", targets.get(i));
        }
        validation.orThrow();
        for (Target target : targets) {
            checkInput(target);
        }
        EventsArns.BusLocation bus = RuleOperations.ownBus(context, request.eventBusName());
        EventsState state = states.get(bus.scope());
        state.bus(bus.name());
        state.rule(bus.name(), request.rule());
        List<Target> accepted = new ArrayList<>();
        List<PutTargetsResultEntry> failed = new ArrayList<>();
        for (Target target : targets) {
            String queue = target.deadLetterConfig() == null ? null : target.deadLetterConfig().arn();
            if (queue != null && !Arn.parse(queue).map(arn -> arn.service().equals("sqs")).orElse(false)) {
                failed.add(PutTargetsResultEntry.builder().targetId(target.id()).errorCode("ValidationException")
                        .errorMessage("The DeadLetterConfig Arn of target " + target.id() + " is not an Amazon SQS queue ARN.")
                        .build());
            } else {
                accepted.add(target);
            }
        }
        state.putTargets(bus.name(), request.rule(), accepted, MAX_TARGETS_PER_RULE);
        return PutTargetsResponse.builder().failedEntryCount(failed.size()).failedEntries(failed).build();
    }

    public RemoveTargetsResponse removeTargets(RequestContext context, RemoveTargetsRequest request) {
        List<String> ids = request.hasIds() ? request.ids() : null;
        Validation validation = RuleOperations.ruleOnBus("rule", request.rule(), request.eventBusName())
                .required("ids", ids)
                .size("ids", ids, 1, 100);
        for (int i = 0; ids != null && i < ids.size(); i++) {
            validation.length("ids." + (i + 1) + ".member", ids.get(i), 1, 64)
                    .pattern("ids." + (i + 1) + ".member", ids.get(i), ID_PATTERN);
        }
        validation.orThrow();
        EventsArns.BusLocation bus = RuleOperations.ownBus(context, request.eventBusName());
        EventsState state = states.get(bus.scope());
        state.bus(bus.name());
        state.removeTargets(bus.name(), request.rule(), ids);
        return RemoveTargetsResponse.builder().failedEntryCount(0).failedEntries(List.of()).build();
    }

    public ListTargetsByRuleResponse listTargetsByRule(RequestContext context, ListTargetsByRuleRequest request) {
        RuleOperations.ruleOnBus("rule", request.rule(), request.eventBusName())
                .range("limit", request.limit(), 1, 100)
                .orThrow();
        EventsArns.BusLocation bus = RuleOperations.ownBus(context, request.eventBusName());
        EventsState state = states.get(bus.scope());
        state.bus(bus.name());
        state.rule(bus.name(), request.rule());
        Pages.Page<Target> page = EventsProvider.PAGES.page(state.targets(bus.name(), request.rule()), Target::id,
                request.nextToken(), request.limit(), LIST);
        return ListTargetsByRuleResponse.builder().targets(page.items()).nextToken(page.nextToken()).build();
    }

    private static void checkTarget(Validation validation, String member, Target target) {
        validation.required(member + "id", target.id())
                .length(member + "id", target.id(), 1, 64)
                .pattern(member + "id", target.id(), ID_PATTERN)
                .required(member + "arn", target.arn())
                .length(member + "arn", target.arn(), 1, 1600)
                .length(member + "roleArn", target.roleArn(), 1, 1600)
                .length(member + "input", target.input(), 0, 8192)
                .length(member + "inputPath", target.inputPath(), 0, 256);
        if (target.retryPolicy() != null) {
            validation.range(member + "retryPolicy.maximumRetryAttempts", target.retryPolicy().maximumRetryAttempts(), 0, 185)
                    .range(member + "retryPolicy.maximumEventAgeInSeconds",
                            target.retryPolicy().maximumEventAgeInSeconds(), 60, 86_400);
        }
        InputTransformer transformer = target.inputTransformer();
        if (transformer != null) {
            Map<String, String> paths = transformer.hasInputPathsMap() ? transformer.inputPathsMap() : Map.of();
            validation.required(member + "inputTransformer.inputTemplate", transformer.inputTemplate())
                    .length(member + "inputTransformer.inputTemplate", transformer.inputTemplate(), 1, 8192)
                    .size(member + "inputTransformer.inputPathsMap", paths, 0, 100)
                    .constraint(member + "inputTransformer.inputPathsMap", paths,
                            paths.keySet().stream().allMatch(k -> PATHS_MAP_KEY.matcher(k).matches() && k.length() <= 256),
                            "Map keys must satisfy constraint: [Member must have length less than or equal to 256, "
                                    + "Member must have length greater than or equal to 1, "
                                    + "Member must satisfy regular expression pattern: [A-Za-z0-9\\_\\-]+]");
        }
    }

    /** The checks AWS makes of a target's input beyond the model's, with its words. */
    private static void checkInput(Target target) {
        int given = (target.input() != null ? 1 : 0) + (target.inputPath() != null ? 1 : 0)
                + (target.inputTransformer() != null ? 1 : 0);
        if (given > 1) {
            throw EventsErrors.validation("Only one of Input, InputPath, or InputTransformer must be provided for target "
                    + target.id() + ".");
        }
        if (Arn.parse(target.arn()).isEmpty()) {
            throw EventsErrors.validation("Parameter " + target.arn() + " is not valid. Reason: Provided Arn is not in correct format.");
        }
        if (target.input() != null && !isJson(target.input())) {
            throw EventsErrors.validation("Input for target " + target.id() + " is not valid JSON text.");
        }
        if (target.inputPath() != null && JsonPath.parse(target.inputPath()).isEmpty()) {
            throw EventsErrors.validation("InputPath for target " + target.id() + " is invalid.");
        }
        InputTransformer transformer = target.inputTransformer();
        if (transformer == null) {
            return;
        }
        Map<String, String> paths = transformer.hasInputPathsMap() ? transformer.inputPathsMap() : Map.of();
        for (Map.Entry<String, String> path : paths.entrySet()) {
            if (TargetInput.isReserved(path.getKey()) || JsonPath.parse(path.getValue()).isEmpty()) {
                throw EventsErrors.validation("InputPathsMap for target " + target.id() + " contains invalid path "
                        + path.getValue() + ".");
            }
        }
        for (String placeholder : TargetInput.placeholders(transformer.inputTemplate())) {
            if (!paths.containsKey(placeholder) && !TargetInput.isReserved(placeholder)) {
                throw EventsErrors.validation("InputTemplate for target " + target.id()
                        + " contains invalid placeholder " + placeholder + ".");
            }
        }
    }

    private static boolean isJson(String text) {
        try {
            Json.MAPPER.readTree(text);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
