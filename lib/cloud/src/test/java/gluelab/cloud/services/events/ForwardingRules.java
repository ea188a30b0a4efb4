package gluelab.cloud.services.events;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Rules on the default bus that forward what they match to a bus of their own: the delivery, with the event as
 * EventBridge wrapped it, is then on the timeline ({@link EventsTimeline}), which is how tests see what reached a rule.
 */
final class ForwardingRules {

    private ForwardingRules() {
    }

    /** Puts rule {@code name} with {@code pattern}, targeting the bus {@code <name>-sink}; returns the rule's ARN. */
    static String forwardingRule(EventBridgeClient events, String name, String pattern) {
        events.createEventBus(r -> r.name(name + "-sink"));
        String arn = events.putRule(r -> r.name(name).eventPattern(pattern)).ruleArn();
        events.putTargets(r -> r.rule(name).targets(t -> t.id("sink")
                .arn("arn:aws:events:us-east-1:000000000000:event-bus/" + name + "-sink")));
        return arn;
    }
}
