package gluelab.cloud.services.events;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.RecurringTimers;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.schedule.ScheduleExpression;
import java.time.Instant;

/**
 * The timers of enabled scheduled rules, on the lab clock (as Glue's scheduled triggers): at each fire time the rule
 * sends AWS's "Scheduled Event" ({@code source: aws.events}, {@code resources: [rule ARN]}, {@code detail: {}}) to
 * its targets, once, whether real time passes or the clock is advanced. Putting, enabling, disabling or deleting a
 * rule re-syncs its timer; after a restart the timers start again from now.
 */
final class ScheduledRules implements AutoCloseable {

    private final AccountRegionStore<EventsState> states;
    private final EventIngestion ingestion;
    private final RecurringTimers timers;

    ScheduledRules(Platform platform, AccountRegionStore<EventsState> states, EventIngestion ingestion) {
        this.states = states;
        this.ingestion = ingestion;
        this.timers = new RecurringTimers(platform, EventsProvider.SERVICE, "ScheduledRule");
    }

    void restoreAll() {
        states.all().forEach((scope, state) -> state.allRules().forEach(rule -> sync(scope, rule)));
    }

    /** Makes the rule's timer match it: running while it is an enabled rule with a schedule, else none. */
    void sync(Scope scope, RuleRecord rule) {
        String key = rule.bus() + "/" + rule.name();
        if (rule.scheduleExpression() == null || !rule.enabled()) {
            timers.cancel(scope, key);
            return;
        }
        timers.set(scope, key, ScheduleExpression.parse(rule.scheduleExpression()),
                at -> fire(scope, rule.bus(), rule.name(), at));
    }

    void cancel(Scope scope, String bus, String rule) {
        timers.cancel(scope, bus + "/" + rule);
    }

    private void fire(Scope scope, String bus, String name, Instant at) {
        EventsState state = states.get(scope);
        state.findRule(bus, name).filter(RuleRecord::enabled).filter(rule -> rule.scheduleExpression() != null)
                .ifPresent(rule -> ingestion.deliverToRule(state, rule,
                        EventEnvelope.scheduled(scope, EventsArns.rule(scope, bus, name).toString(), at)));
    }

    @Override
    public void close() {
        timers.close();
    }
}
