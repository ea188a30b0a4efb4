package gluelab.cloud.services.events;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.events.matching.RuleMachine;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.ShapeCodec;
import gluelab.cloud.state.StateStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * EventBridge in one account and region: buses, rules, their targets, tags and the deliveries not yet made, each in
 * a durable map; and one compiled {@link RuleMachine} per bus, rebuilt from the rules on start. Changes to rules and
 * targets are serialized here, so a bus's machine always holds exactly its enabled pattern rules.
 */
final class EventsState {

    static final String DEFAULT_BUS = "default";

    final Scope scope;
    private final DurableMap<BusRecord> buses;
    /** Keyed by {@code bus:rule}; neither name may hold a colon. */
    private final DurableMap<RuleRecord> rules;
    /** Keyed by {@code bus:rule:id}. */
    private final DurableMap<Target> targets;
    /** Keyed by the resource's ARN. */
    private final DurableMap<TagSet> tags;
    private final DurableMap<PendingDelivery> deliveries;
    private final DurableMap<DeadLetter> deadLetters;
    private final Map<String, RuleMachine> machines = new ConcurrentHashMap<>();

    EventsState(Scope scope, StateStore store, Instant now) {
        this.scope = scope;
        this.buses = store.map(scope.mapName(EventsProvider.SERVICE, "buses"), Codec.of(BusRecord.class));
        this.rules = store.map(scope.mapName(EventsProvider.SERVICE, "rules"), Codec.of(RuleRecord.class));
        this.targets = store.map(scope.mapName(EventsProvider.SERVICE, "targets"), ShapeCodec.of(Target.class));
        this.tags = store.map(scope.mapName(EventsProvider.SERVICE, "tags"), Codec.of(TagSet.class));
        this.deliveries = store.map(scope.mapName(EventsProvider.SERVICE, "deliveries"), Codec.of(PendingDelivery.class));
        this.deadLetters = store.map(scope.mapName(EventsProvider.SERVICE, "dead-letters"), Codec.of(DeadLetter.class));
        if (!buses.containsKey(DEFAULT_BUS)) {
            buses.put(DEFAULT_BUS, new BusRecord(DEFAULT_BUS, null, null, now, now));
        }
        for (RuleRecord rule : rules.values()) {
            compile(rule);
        }
    }

    private static String ruleKey(String bus, String rule) {
        return bus + ":" + rule;
    }

    private static String targetKey(String bus, String rule, String id) {
        return bus + ":" + rule + ":" + id;
    }

    // ---- buses -----------------------------------------------------------------------------------------

    synchronized void createBus(BusRecord bus) {
        if (buses.containsKey(bus.name())) {
            throw EventsErrors.busAlreadyExists(bus.name());
        }
        buses.put(bus.name(), bus);
    }

    BusRecord bus(String name) {
        return buses.find(name).orElseThrow(() -> EventsErrors.busNotFound(name));
    }

    Optional<BusRecord> findBus(String name) {
        return buses.find(name);
    }

    List<BusRecord> buses() {
        return List.copyOf(buses.values());
    }

    synchronized void updateBus(BusRecord bus) {
        bus(bus.name());
        buses.put(bus.name(), bus);
    }

    /** Deletes a custom bus with its rules and their targets; deleting one that is not there is no error. */
    synchronized void deleteBus(String name) {
        if (DEFAULT_BUS.equals(name)) {
            throw EventsErrors.validation("Cannot delete event bus default.");
        }
        if (buses.remove(name) == null) {
            return;
        }
        for (RuleRecord rule : rules(name)) {
            targets(name, rule.name()).forEach(t -> targets.remove(targetKey(name, rule.name(), t.id())));
            rules.remove(ruleKey(name, rule.name()));
            tags.remove(EventsArns.rule(scope, name, rule.name()).toString());
        }
        tags.remove(EventsArns.bus(scope, name).toString());
        machines.remove(name);
    }

    // ---- rules -----------------------------------------------------------------------------------------

    synchronized void putRule(RuleRecord rule) {
        bus(rule.bus());
        rules.put(ruleKey(rule.bus(), rule.name()), rule);
        compile(rule);
    }

    Optional<RuleRecord> findRule(String bus, String name) {
        return rules.find(ruleKey(bus, name));
    }

    RuleRecord rule(String bus, String name) {
        return findRule(bus, name).orElseThrow(() -> EventsErrors.ruleNotFound(name, bus));
    }

    /** The bus's rules, sorted by name. */
    List<RuleRecord> rules(String bus) {
        String prefix = ruleKey(bus, "");
        return List.copyOf(rules.view().subMap(prefix, prefix + Character.MAX_VALUE).values());
    }

    List<RuleRecord> allRules() {
        return List.copyOf(rules.values());
    }

    synchronized void deleteRule(String bus, String name) {
        if (!targets(bus, name).isEmpty()) {
            throw EventsErrors.validation("Rule can't be deleted since it has targets.");
        }
        if (rules.remove(ruleKey(bus, name)) != null) {
            machine(bus).remove(name);
            tags.remove(EventsArns.rule(scope, bus, name).toString());
        }
    }

    private void compile(RuleRecord rule) {
        machine(rule.bus()).put(rule.name(), rule.enabled() ? rule.eventPattern() : null);
    }

    RuleMachine machine(String bus) {
        return machines.computeIfAbsent(bus, b -> new RuleMachine());
    }

    // ---- targets ---------------------------------------------------------------------------------------

    /** The rule's targets, sorted by id. */
    List<Target> targets(String bus, String rule) {
        String prefix = targetKey(bus, rule, "");
        return List.copyOf(targets.view().subMap(prefix, prefix + Character.MAX_VALUE).values());
    }

    Optional<Target> findTarget(String bus, String rule, String id) {
        return targets.find(targetKey(bus, rule, id));
    }

    /** Puts targets on a rule, replacing those with the same ids, as long as the rule keeps at most {@code max}. */
    synchronized void putTargets(String bus, String rule, List<Target> given, int max) {
        rule(bus, rule);
        long added = given.stream().filter(t -> !targets.containsKey(targetKey(bus, rule, t.id()))).count();
        if (targets(bus, rule).size() + added > max) {
            throw EventsErrors.limitExceeded();
        }
        for (Target target : given) {
            targets.put(targetKey(bus, rule, target.id()), target);
        }
    }

    synchronized void removeTargets(String bus, String rule, List<String> ids) {
        rule(bus, rule);
        for (String id : ids) {
            targets.remove(targetKey(bus, rule, id));
        }
    }

    // ---- tags ------------------------------------------------------------------------------------------

    Map<String, String> tags(String arn) {
        return tags.find(arn).map(TagSet::tags).orElse(Map.of());
    }

    synchronized void setTags(String arn, Map<String, String> newTags) {
        if (newTags.isEmpty()) {
            tags.remove(arn);
        } else {
            tags.put(arn, new TagSet(newTags));
        }
    }

    // ---- deliveries ------------------------------------------------------------------------------------

    void journal(PendingDelivery delivery) {
        deliveries.put(delivery.id(), delivery);
    }

    void delivered(String id) {
        deliveries.remove(id);
    }

    List<PendingDelivery> pendingDeliveries() {
        return List.copyOf(deliveries.values());
    }

    void deadLetter(DeadLetter letter) {
        deadLetters.put(letter.id(), letter);
    }

    List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters.values());
    }

    // ---- reset -----------------------------------------------------------------------------------------

    /** Removes rules (with their targets) and custom buses whose names start with {@code prefix} (all when null). */
    synchronized int reset(String prefix) {
        int removed = 0;
        for (RuleRecord rule : allRules()) {
            if (prefix == null || rule.name().startsWith(prefix)) {
                removeTargets(rule.bus(), rule.name(), targets(rule.bus(), rule.name()).stream().map(Target::id).toList());
                deleteRule(rule.bus(), rule.name());
                removed++;
            }
        }
        for (BusRecord bus : buses()) {
            if (!DEFAULT_BUS.equals(bus.name()) && (prefix == null || bus.name().startsWith(prefix))) {
                deleteBus(bus.name());
                removed++;
            }
        }
        if (prefix == null) {
            BusRecord defaultBus = bus(DEFAULT_BUS);
            if (defaultBus.policy() != null) {
                buses.put(DEFAULT_BUS, defaultBus.withPolicy(null, defaultBus.lastModified()));
            }
            deliveries.clear();
            deadLetters.clear();
        }
        return removed;
    }
}
