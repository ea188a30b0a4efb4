package gluelab.cloud.services.events;

import gluelab.cloud.provider.Access;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.Members;
import gluelab.cloud.provider.RequestContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * What each EventBridge operation needs permission for, as the Service Authorization Reference lists it: the action
 * named after the operation, on the bus ({@code event-bus/B}) or the rule ({@code rule/[B/]R}) it acts on; PutEvents
 * on every bus its entries name; the listings and TestEventPattern on every resource.
 */
final class EventsAccessRules implements AccessRules {

    private static final Set<String> BUS_OPERATIONS = Set.of("CreateEventBus", "DescribeEventBus", "DeleteEventBus",
            "UpdateEventBus");
    private static final Set<String> BUS_POLICY_OPERATIONS = Set.of("PutPermission", "RemovePermission");
    private static final Set<String> TAG_OPERATIONS = Set.of("TagResource", "UntagResource", "ListTagsForResource");
    /** The rule operations whose rule is in {@code Name}; the target operations have it in {@code Rule}. */
    private static final Set<String> RULE_NAMED_OPERATIONS = Set.of("PutRule", "DescribeRule", "DeleteRule",
            "EnableRule", "DisableRule");

    @Override
    public List<Access> required(RequestContext context, String operation, Object request) {
        String action = "events:" + operation;
        if (request instanceof PutEventsRequest put && put.hasEntries()) {
            Set<String> buses = new LinkedHashSet<>();
            for (PutEventsRequestEntry entry : put.entries()) {
                EventsArns.BusLocation bus = EventsArns.locate(context.scope(), entry.eventBusName());
                buses.add(EventsArns.bus(bus.scope(), bus.name()).toString());
            }
            return buses.stream().map(bus -> Access.of(action, bus)).toList();
        }
        if (TAG_OPERATIONS.contains(operation)) {
            String arn = Members.string(request, "ResourceARN");
            return List.of(Access.of(action, arn == null ? "*" : arn));
        }
        if (BUS_OPERATIONS.contains(operation) || BUS_POLICY_OPERATIONS.contains(operation)) {
            String bus = Members.string(request, BUS_POLICY_OPERATIONS.contains(operation) ? "EventBusName" : "Name");
            return List.of(Access.of(action, busArn(context, bus)));
        }
        String rule = Members.string(request, RULE_NAMED_OPERATIONS.contains(operation) ? "Name" : "Rule");
        if (rule == null) {
            return List.of(Access.of(action, "*"));
        }
        EventsArns.BusLocation bus = EventsArns.locate(context.scope(), Members.string(request, "EventBusName"));
        return List.of(Access.of(action, EventsArns.rule(bus.scope(), bus.name(), rule)));
    }

    private static String busArn(RequestContext context, String nameOrArn) {
        EventsArns.BusLocation bus = EventsArns.locate(context.scope(), nameOrArn);
        return EventsArns.bus(bus.scope(), bus.name()).toString();
    }
}
