package gluelab.cloud.services.events;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import gluelab.cloud.schedule.ScheduleExpression;
import gluelab.cloud.schedule.ScheduleExpressionException;
import gluelab.cloud.services.events.matching.EventPatterns;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.model.DeleteRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.DisableRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DisableRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EnableRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.EnableRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.ListRuleNamesByTargetRequest;
import software.amazon.awssdk.services.eventbridge.model.ListRuleNamesByTargetResponse;
import software.amazon.awssdk.services.eventbridge.model.ListRulesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.Rule;

/**
 * Rules of a bus: PutRule (an event pattern, checked by Event Ruler, or a {@code rate()}/{@code cron()} schedule,
 * which only the default bus takes), DescribeRule, ListRules, EnableRule, DisableRule, DeleteRule (refused while the
 * rule has targets) and ListRuleNamesByTarget. A rule's changes reach its bus's compiled machine and its timer at
 * once.
 */
public final class RuleOperations {

    static final String NAME_PATTERN = "[\\.\\-_A-Za-z0-9]+";
    private static final Pages.Limits LIST = new Pages.Limits("limit", 100, 100);
    private static final List<String> STATES = List.of("ENABLED", "DISABLED", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");

    private final AccountRegionStore<EventsState> states;
    private final ScheduledRules schedules;

    RuleOperations(AccountRegionStore<EventsState> states, ScheduledRules schedules) {
        this.states = states;
        this.schedules = schedules;
    }

    public PutRuleResponse putRule(RequestContext context, PutRuleRequest request) {
        EventsErrors.validation()
                .required("name", request.name())
                .length("name", request.name(), 1, 64)
                .pattern("name", request.name(), NAME_PATTERN)
                .length("scheduleExpression", request.scheduleExpression(), 0, 256)
                .length("eventPattern", request.eventPattern(), 0, 4096)
                .oneOf("state", request.stateAsString(), STATES)
                .length("description", request.description(), 0, 512)
                .length("roleArn", request.roleArn(), 1, 1600)
                .length("eventBusName", request.eventBusName(), 1, 1600)
                .pattern("eventBusName", request.eventBusName(), BusOperations.NAME_OR_ARN_PATTERN)
                .orThrow();
        if (request.eventPattern() == null && request.scheduleExpression() == null) {
            throw EventsErrors.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        EventsArns.BusLocation bus = ownBus(context, request.eventBusName());
        if (request.eventPattern() != null) {
            EventPatterns.problem(request.eventPattern()).ifPresent(reason -> {
                throw EventsErrors.invalidEventPattern(reason);
            });
        }
        if (request.scheduleExpression() != null) {
            if (!EventsState.DEFAULT_BUS.equals(bus.name())) {
                throw EventsErrors.validation("ScheduleExpression is supported only on the default event bus.");
            }
            try {
                ScheduleExpression.parse(request.scheduleExpression());
            } catch (ScheduleExpressionException e) {
                throw EventsErrors.validation("Parameter ScheduleExpression is not valid.");
            }
        }
        Map<String, String> tags = TagOperations.tagsOf(request.hasTags() ? request.tags() : List.of());
        EventsState state = states.get(bus.scope());
        String ruleState = request.stateAsString() == null ? RuleRecord.ENABLED : request.stateAsString();
        RuleRecord rule = new RuleRecord(bus.name(), request.name(), request.eventPattern(),
                request.scheduleExpression(), ruleState, request.description(), request.roleArn(), context.accountId());
        state.putRule(rule);
        schedules.sync(bus.scope(), rule);
        Arn arn = EventsArns.rule(bus.scope(), bus.name(), request.name());
        if (!tags.isEmpty()) {
            state.setTags(arn.toString(), tags);
        }
        return PutRuleResponse.builder().ruleArn(arn.toString()).build();
    }

    public DescribeRuleResponse describeRule(RequestContext context, DescribeRuleRequest request) {
        checkName(request.name(), request.eventBusName());
        EventsArns.BusLocation bus = ownBus(context, request.eventBusName());
        RuleRecord rule = states.get(bus.scope()).rule(bus.name(), request.name());
        return DescribeRuleResponse.builder()
                .name(rule.name())
                .arn(EventsArns.rule(bus.scope(), bus.name(), rule.name()).toString())
                .eventPattern(rule.eventPattern())
                .scheduleExpression(rule.scheduleExpression())
                .state(rule.state())
                .description(rule.description())
                .roleArn(rule.roleArn())
                .eventBusName(rule.bus())
                .createdBy(rule.createdBy())
                .build();
    }

    public ListRulesResponse listRules(RequestContext context, ListRulesRequest request) {
        EventsErrors.validation()
                .length("namePrefix", request.namePrefix(), 1, 64)
                .pattern("namePrefix", request.namePrefix(), NAME_PATTERN)
                .range("limit", request.limit(), 1, 100)
                .length("eventBusName", request.eventBusName(), 1, 1600)
                .pattern("eventBusName", request.eventBusName(), BusOperations.NAME_OR_ARN_PATTERN)
                .orThrow();
        EventsArns.BusLocation bus = ownBus(context, request.eventBusName());
        EventsState state = states.get(bus.scope());
        state.bus(bus.name());
        List<RuleRecord> rules = state.rules(bus.name()).stream()
                .filter(rule -> request.namePrefix() == null || rule.name().startsWith(request.namePrefix()))
                .toList();
        Pages.Page<RuleRecord> page = EventsProvider.PAGES.page(rules, RuleRecord::name, request.nextToken(),
                request.limit(), LIST);
        return ListRulesResponse.builder()
                .rules(page.items().stream().map(rule -> Rule.builder()
                        .name(rule.name())
                        .arn(EventsArns.rule(bus.scope(), bus.name(), rule.name()).toString())
                        .eventPattern(rule.eventPattern())
                        .scheduleExpression(rule.scheduleExpression())
                        .state(rule.state())
                        .description(rule.description())
                        .roleArn(rule.roleArn())
                        .eventBusName(rule.bus())
                        .build()).toList())
                .nextToken(page.nextToken())
                .build();
    }

    public EnableRuleResponse enableRule(RequestContext context, EnableRuleRequest request) {
        changeState(context, request.name(), request.eventBusName(), RuleRecord.ENABLED);
        return EnableRuleResponse.builder().build();
    }

    public DisableRuleResponse disableRule(RequestContext context, DisableRuleRequest request) {
        changeState(context, request.name(), request.eventBusName(), "DISABLED");
        return DisableRuleResponse.builder().build();
    }

    public DeleteRuleResponse deleteRule(RequestContext context, DeleteRuleRequest request) {
        checkName(request.name(), request.eventBusName());
        EventsArns.BusLocation bus = ownBus(context, request.eventBusName());
        EventsState state = states.get(bus.scope());
        state.bus(bus.name());
        state.deleteRule(bus.name(), request.name());
        schedules.cancel(bus.scope(), bus.name(), request.name());
        return DeleteRuleResponse.builder().build();
    }

    public ListRuleNamesByTargetResponse listRuleNamesByTarget(RequestContext context,
                                                               ListRuleNamesByTargetRequest request) {
        EventsErrors.validation()
                .required("targetArn", request.targetArn())
                .length("targetArn", request.targetArn(), 1, 1600)
                .range("limit", request.limit(), 1, 100)
                .length("eventBusName", request.eventBusName(), 1, 1600)
                .pattern("eventBusName", request.eventBusName(), BusOperations.NAME_OR_ARN_PATTERN)
                .orThrow();
        EventsArns.BusLocation bus = ownBus(context, request.eventBusName());
        EventsState state = states.get(bus.scope());
        state.bus(bus.name());
        List<String> names = state.rules(bus.name()).stream()
                .filter(rule -> state.targets(bus.name(), rule.name()).stream()
                        .anyMatch(target -> target.arn().equals(request.targetArn())))
                .map(RuleRecord::name)
                .toList();
        Pages.Page<String> page = EventsProvider.PAGES.page(names, name -> name, request.nextToken(), request.limit(), LIST);
        return ListRuleNamesByTargetResponse.builder().ruleNames(page.items()).nextToken(page.nextToken()).build();
    }

    private void changeState(RequestContext context, String name, String busName, String newState) {
        checkName(name, busName);
        EventsArns.BusLocation bus = ownBus(context, busName);
        EventsState state = states.get(bus.scope());
        state.bus(bus.name());
        RuleRecord changed = state.rule(bus.name(), name).withState(newState);
        state.putRule(changed);
        schedules.sync(bus.scope(), changed);
    }

    private static void checkName(String name, String busName) {
        ruleOnBus("name", name, busName).orThrow();
    }

    /** The model's constraints on a rule's name (as {@code member}) and the bus name or ARN beside it. */
    static Validation ruleOnBus(String member, String rule, String busName) {
        return EventsErrors.validation()
                .required(member, rule)
                .length(member, rule, 1, 64)
                .pattern(member, rule, NAME_PATTERN)
                .length("eventBusName", busName, 1, 1600)
                .pattern("eventBusName", busName, BusOperations.NAME_OR_ARN_PATTERN);
    }

    /**
     * The bus a rule call names. Rules of another account's bus are managed by that account (the bus's policy can
     * grant PutRule on AWS; Lab Cloud keeps rules to their own account).
     */
    static EventsArns.BusLocation ownBus(RequestContext context, String nameOrArn) {
        EventsArns.BusLocation bus = EventsArns.locate(context.scope(), nameOrArn);
        if (!bus.scope().account().equals(context.accountId())) {
            throw EventsErrors.accessDenied("User: " + context.caller().principalArn()
                    + " is not authorized to manage rules of event bus " + nameOrArn);
        }
        return bus;
    }
}
