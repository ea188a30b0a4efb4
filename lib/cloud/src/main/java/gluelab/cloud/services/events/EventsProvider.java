package gluelab.cloud.services.events;

import gluelab.cloud.console.ConsoleView;
import gluelab.cloud.events.LabEvent;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.ConsoleReads;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Protocol;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;
import gluelab.cloud.provider.ServiceRoleSessions;
import gluelab.cloud.services.events.delivery.AwaitedServiceTarget;
import gluelab.cloud.services.events.delivery.EventBridgePrincipal;
import gluelab.cloud.services.events.delivery.EventBusTarget;
import gluelab.cloud.services.events.delivery.GlueWorkflowTarget;
import gluelab.cloud.services.events.delivery.LambdaTarget;
import gluelab.cloud.services.events.delivery.SqsTarget;
import gluelab.cloud.services.events.delivery.StateMachineTarget;
import gluelab.cloud.services.events.delivery.TargetKinds;
import java.util.List;
import java.util.Set;

/**
 * Amazon EventBridge: buses ({@link BusOperations}), rules ({@link RuleOperations}), their targets
 * ({@link TargetOperations}), events ({@link EventOperations}) and tags ({@link TagOperations}). Events are matched
 * with AWS's Event Ruler, one compiled machine per bus; deliveries are journaled and made by a
 * {@link DeliveryDispatcher} with retries on the lab clock; scheduled rules fire on the lab clock. Events that AWS
 * services put on the default bus (S3 for buckets with EventBridge on, Glue's state changes) arrive through Lab
 * Cloud's internal event bus.
 *
 * <p>Where Lab Cloud differs from AWS: rules are managed only by their bus's own account; archives, replays,
 * endpoints, connections and API destinations are not implemented; a dead-lettered event that its queue does not
 * take is kept (and on the timeline).
 */
public final class EventsProvider implements ServiceProvider {

    public static final String SERVICE = "events";

    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.json(SERVICE, "events", Protocol.JSON_1_1,
            "AWSEvents", "2015-10-07", "software.amazon.awssdk.services.eventbridge.model", "message");
    static final Pages PAGES = new Pages("ValidationException", token -> EventsErrors.invalidNextToken());
    private static final AccessRules ACCESS_RULES = new EventsAccessRules();

    private final AccountRegionStore<EventsState> states;
    private final EventIngestion ingestion;
    private final DeliveryDispatcher dispatcher;
    private final ScheduledRules schedules;
    private final List<Object> operations;

    private final ConsoleView console;

    public EventsProvider(Platform platform) {
        this.console = new RulesConsoleView(new ConsoleReads(platform.internal()));
        this.states = new AccountRegionStore<>(SERVICE, platform.state(),
                (scope, store) -> new EventsState(scope, store, platform.clock().instant()));
        EventTimeline timeline = new EventTimeline(platform.events());
        BusPolicies policies = new BusPolicies(platform.access());
        // The roles targets name (a bus in another account, a Glue workflow), taken on as EventBridge.
        ServiceRoleSessions targetRoles = new ServiceRoleSessions(platform.roles(), platform.clock(),
                EventBridgePrincipal.SERVICE_PRINCIPAL, "events");
        this.ingestion = new EventIngestion(states, platform.clock(), timeline, policies, platform.access(),
                targetRoles);
        TargetKinds kinds = new TargetKinds(List.of(
                new LambdaTarget(platform.internal()),
                new EventBusTarget(ingestion),
                new GlueWorkflowTarget(platform.internal(), targetRoles),
                new SqsTarget(platform.internal()),
                new StateMachineTarget(platform.internal(), targetRoles),
                new AwaitedServiceTarget(Set.of("sns"))));
        this.dispatcher = new DeliveryDispatcher(platform, states, kinds, timeline);
        ingestion.dispatchTo(dispatcher);
        this.schedules = new ScheduledRules(platform, states, ingestion);
        this.operations = List.of(
                new BusOperations(states),
                new RuleOperations(states, schedules),
                new TargetOperations(states),
                new EventOperations(states, ingestion, policies),
                new TagOperations(states));
        platform.events().subscribe(this::fromAwsService);
        schedules.restoreAll();
        dispatcher.restore();
    }

    /** An AWS service's event that AWS would put on the account's default bus goes on it. */
    private void fromAwsService(LabEvent event) {
        if (event.defaultBus() == null || event.account() == null || event.region() == null) {
            return;
        }
        Scope scope = new Scope(event.account(), event.region());
        ingestion.ingest(states.get(scope), EventsState.DEFAULT_BUS, EventEnvelope.of(scope, event.name(),
                event.defaultBus().source(), event.time(), event.defaultBus().resources(), event.detail()));
    }

    @Override
    public List<ConsoleView> consoleViews() {
        return List.of(console);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public AccessRules accessRules() {
        return ACCESS_RULES;
    }

    @Override
    public List<Object> operationHandlers() {
        return operations;
    }

    @Override
    public int reset(String prefix) {
        int removed = 0;
        for (var entry : states.all().entrySet()) {
            for (RuleRecord rule : entry.getValue().allRules()) {
                if (prefix == null || rule.name().startsWith(prefix)) {
                    schedules.cancel(entry.getKey(), rule.bus(), rule.name());
                }
            }
            removed += entry.getValue().reset(prefix);
        }
        return removed;
    }

    @Override
    public void close() {
        schedules.close();
        dispatcher.close();
    }
}
