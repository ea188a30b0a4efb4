package gluelab.cloud.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.clock.LabClock;
import gluelab.cloud.policy.Decision;
import gluelab.cloud.policy.Principal;
import gluelab.cloud.policy.RequestContextKeys;
import gluelab.cloud.provider.AccessControl;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.ServiceRoleSessions;
import gluelab.cloud.services.events.delivery.DeliveryFailure;
import gluelab.cloud.services.events.delivery.EventBusTarget;
import gluelab.cloud.services.events.delivery.TargetDelivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * How an event gets from a bus to targets: the bus's {@link gluelab.cloud.services.events.matching.RuleMachine}
 * finds the enabled rules whose patterns match, and each target of each matching rule gets a
 * {@link PendingDelivery}, journaled before anything is acknowledged and then handed to the
 * {@link DeliveryDispatcher}. Scheduled rules hand their events to the same place, and so does a rule whose target
 * is another bus.
 */
final class EventIngestion implements EventBusTarget.BusIngress {

    private final AccountRegionStore<EventsState> states;
    private final LabClock clock;
    private final EventTimeline timeline;
    private final BusPolicies policies;
    private final AccessControl access;
    private final ServiceRoleSessions roles;
    private volatile DeliveryDispatcher dispatcher;

    EventIngestion(AccountRegionStore<EventsState> states, LabClock clock, EventTimeline timeline,
                   BusPolicies policies, AccessControl access, ServiceRoleSessions roles) {
        this.states = states;
        this.clock = clock;
        this.timeline = timeline;
        this.policies = policies;
        this.access = access;
        this.roles = roles;
    }

    void dispatchTo(DeliveryDispatcher deliveries) {
        this.dispatcher = deliveries;
    }

    /** Puts an event on a bus: every matching enabled rule's targets get it. Returns how many deliveries were made. */
    int ingest(EventsState state, String bus, ObjectNode event) {
        int deliveries = 0;
        for (String ruleName : state.machine(bus).matches(event)) {
            RuleRecord rule = state.findRule(bus, ruleName).orElse(null);
            if (rule != null && rule.enabled()) {
                deliveries += deliverToRule(state, rule, event);
            }
        }
        return deliveries;
    }

    /** Hands an event to each target of a rule that matched (or fired). */
    int deliverToRule(EventsState state, RuleRecord rule, JsonNode event) {
        Arn ruleArn = EventsArns.rule(state.scope, rule.bus(), rule.name());
        timeline.matched(state.scope, ruleArn, event);
        Instant now = clock.instant();
        String eventText = event.toString();
        List<PendingDelivery> accepted = new ArrayList<>();
        for (Target target : state.targets(rule.bus(), rule.name())) {
            PendingDelivery delivery = new PendingDelivery(String.format("%013d-%s", now.toEpochMilli(), UUID.randomUUID()),
                    rule.bus(), rule.name(), target.id(), eventText, 0, now, now);
            state.journal(delivery);
            accepted.add(delivery);
        }
        accepted.forEach(delivery -> dispatcher.submit(state.scope, delivery));
        return accepted.size();
    }

    /**
     * A rule's target is a bus: the event goes onto it unchanged, if the bus's policy lets the rule's account (or
     * the target's role, which must trust EventBridge) put events on it.
     */
    @Override
    public void forward(TargetDelivery delivery) throws DeliveryFailure {
        EventsArns.BusLocation location = EventsArns.locate(null, delivery.target().arn());
        EventsState target = states.get(location.scope());
        BusRecord bus = target.findBus(location.name()).orElseThrow(() -> new DeliveryFailure(
                DeliveryFailure.RESOURCE_NOT_FOUND, "Event bus " + location.name() + " does not exist.", false));
        Principal principal = principal(delivery);
        RequestContextKeys keys = AccessControl.sourceKeys(delivery.rule(), new RequestContextKeys())
                .put("events:source", delivery.event().path("source").asText())
                .put("events:detail-type", delivery.event().path("detail-type").asText());
        Decision decision = policies.decide(principal, location.scope(), bus, "events:PutEvents", keys);
        if (!decision.allowed()) {
            throw new DeliveryFailure(DeliveryFailure.NO_PERMISSIONS,
                    BusPolicies.deniedMessage(principal, location.scope(), bus, "events:PutEvents", decision), false);
        }
        ingest(target, bus.name(), (ObjectNode) delivery.event().deepCopy());
    }

    /** Who forwards: the target's role, as EventBridge assumes it, or else the rule's account. */
    private Principal principal(TargetDelivery delivery) throws DeliveryFailure {
        String role = delivery.target().roleArn();
        if (role == null) {
            return Principal.root(delivery.rule().account());
        }
        try {
            return access.principalOf(roles.session(role).credential());
        } catch (AwsServiceException refused) {
            throw new DeliveryFailure(DeliveryFailure.NO_PERMISSIONS, refused.getMessage(), false);
        }
    }
}
