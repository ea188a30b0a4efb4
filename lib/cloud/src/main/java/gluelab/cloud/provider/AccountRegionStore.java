package gluelab.cloud.provider;

import gluelab.cloud.state.StateStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * A service's state, one instance per account and region, created on first use. On start it re-creates
 * every scope the state store has data for, so persisted resources are there before the first request.
 */
public final class AccountRegionStore<S> {

    private final Map<Scope, S> states = new ConcurrentHashMap<>();
    private final BiFunction<Scope, StateStore, S> factory;
    private final StateStore store;

    public AccountRegionStore(String service, StateStore store, BiFunction<Scope, StateStore, S> factory) {
        this.store = store;
        this.factory = factory;
        for (String name : store.mapNames(service + "/")) {
            Scope scope = Scope.fromMapName(name);
            if (scope != null) {
                get(scope);
            }
        }
    }

    public S get(Scope scope) {
        return states.computeIfAbsent(scope, s -> factory.apply(s, store));
    }

    public S get(String account, String region) {
        return get(new Scope(account, region));
    }

    public S get(RequestContext context) {
        return get(context.scope());
    }

    /** Every scope with state, for resets, timers and cross-scope lookups. */
    public Map<Scope, S> all() {
        return states;
    }
}
