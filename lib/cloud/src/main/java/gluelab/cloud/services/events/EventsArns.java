package gluelab.cloud.services.events;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Scope;
import java.util.Optional;

/**
 * EventBridge's ARNs: {@code event-bus/<bus>}, {@code rule/<rule>} on the default bus and {@code rule/<bus>/<rule>}
 * on a custom one; and the bus a request names, which may be a name or a bus's ARN (in this or another account).
 */
final class EventsArns {

    /** A bus somewhere: its account and region, and its name. */
    record BusLocation(Scope scope, String name) {
    }

    private EventsArns() {
    }

    static Arn bus(Scope scope, String bus) {
        return Arn.in(scope, "events", "event-bus/" + bus);
    }

    static Arn rule(Scope scope, String bus, String rule) {
        return Arn.in(scope, "events", EventsState.DEFAULT_BUS.equals(bus) ? "rule/" + rule : "rule/" + bus + "/" + rule);
    }

    /** The bus {@code nameOrArn} names, seen from {@code caller}'s scope; the default bus when it is null. */
    static BusLocation locate(Scope caller, String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isEmpty()) {
            return new BusLocation(caller, EventsState.DEFAULT_BUS);
        }
        Optional<Arn> arn = Arn.parse(nameOrArn);
        if (arn.isEmpty()) {
            return new BusLocation(caller, nameOrArn);
        }
        Arn bus = arn.get();
        if (!bus.service().equals("events") || !bus.resourceType().equals("event-bus")) {
            throw EventsErrors.validation("Parameter " + nameOrArn + " is not valid. Reason: Provided Arn is not in correct format.");
        }
        return new BusLocation(new Scope(bus.account(), bus.region()), bus.resourceId());
    }
}
