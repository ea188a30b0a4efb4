package gluelab.cloud.services.events;

import static gluelab.cloud.console.ConsoleLinks.to;

import gluelab.cloud.console.ConsoleBlock.Field;
import gluelab.cloud.console.ConsoleBlock.Fields;
import gluelab.cloud.console.ConsoleBlock.Table;
import gluelab.cloud.console.ConsolePage.Crumb;
import gluelab.cloud.console.ConsolePage;
import gluelab.cloud.console.ConsoleRequest;
import gluelab.cloud.console.ConsoleView;
import gluelab.cloud.provider.ConsoleReads;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListRulesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** EventBridge in the console: the rules of every bus, with their patterns or schedules, and each rule's targets. */
final class RulesConsoleView extends ConsoleView {

    private final ConsoleReads reads;

    RulesConsoleView(ConsoleReads reads) {
        super("events", "EventBridge");
        this.reads = reads;
    }

    @Override
    public ConsolePage page(ConsoleRequest request) {
        if (request.is()) {
            return rules(request);
        }
        if (request.is("rules", null, null)) {
            return rule(request, request.segment(1), request.segment(2));
        }
        throw request.notFound();
    }

    private ConsolePage rules(ConsoleRequest request) {
        ListEventBusesResponse buses = reads.call(EventsProvider.SERVICE, request, ListEventBusesRequest.builder().build());
        Table.Builder table = Table.titled("Rules", "Name", "Bus", "State", "Event pattern or schedule");
        for (EventBus bus : buses.eventBuses()) {
            ListRulesResponse rules = reads.call(EventsProvider.SERVICE, request,
                    ListRulesRequest.builder().eventBusName(bus.name()).limit(100).build());
            for (Rule rule : rules.rules()) {
                table.row(to("events", "rules", bus.name(), rule.name()), rule.name(), bus.name(), rule.stateAsString(),
                        rule.scheduleExpression() != null ? rule.scheduleExpression() : rule.eventPattern());
            }
        }
        return ConsolePage.of("EventBridge rules", List.of(), table.orElse("No rules yet (events.putRule). "
                + "A rule matches events on its bus, or fires on a schedule, and delivers them to its targets."));
    }

    private ConsolePage rule(ConsoleRequest request, String bus, String name) {
        DescribeRuleResponse rule = reads.call(EventsProvider.SERVICE, request,
                DescribeRuleRequest.builder().eventBusName(bus).name(name).build());
        ListTargetsByRuleResponse targets = reads.call(EventsProvider.SERVICE, request,
                ListTargetsByRuleRequest.builder().eventBusName(bus).rule(name).build());
        Table.Builder table = Table.titled("Targets", "Id", "ARN", "Input", "Dead-letter queue");
        for (Target target : targets.targets()) {
            table.row(null, target.id(), target.arn(), target.input() != null ? target.input() : target.inputPath(),
                    target.deadLetterConfig() == null ? null : target.deadLetterConfig().arn());
        }
        return ConsolePage.of(name, List.of(new Crumb("EventBridge rules", "events")),
                Fields.of("Rule", Field.of("Name", rule.name()), Field.of("Bus", rule.eventBusName()),
                        Field.of("State", rule.stateAsString()), Field.of("Event pattern", rule.eventPattern()),
                        Field.of("Schedule", rule.scheduleExpression()), Field.of("Role", rule.roleArn()),
                        Field.of("ARN", rule.arn())),
                table.orElse("This rule has no targets yet (events.putTargets)."));
    }
}
