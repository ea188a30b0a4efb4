package gluelab.cloud.services.dynamodb;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.RecurringTimers;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.dynamodb.model.DynamoDbErrors;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;

/**
 * Time to live: Update/DescribeTimeToLive, and a sweep on the lab clock, every {@link #SWEEP} while a table has
 * TTL enabled, that deletes the items whose TTL attribute (a Number of epoch seconds) has passed. As on AWS, an
 * item is readable until the sweep deletes it, and an attribute that is not a Number never expires.
 */
public final class TimeToLiveOperations implements AutoCloseable {

    static final Duration SWEEP = Duration.ofSeconds(10);

    private final Platform platform;
    private final AccountRegionStore<DynamoDbState> states;
    private final RecurringTimers sweeps;

    TimeToLiveOperations(Platform platform, AccountRegionStore<DynamoDbState> states) {
        this.platform = platform;
        this.states = states;
        this.sweeps = new RecurringTimers(platform, DynamoDbProvider.SERVICE, "TimeToLiveSweep");
    }

    /** After a restart: a sweep for every table that has TTL enabled. */
    void restoreAll() {
        states.all().forEach((scope, state) -> state.tables().forEach(table ->
                state.timeToLive(table.name()).ifPresent(ttl -> sync(scope, table.name(), ttl))));
    }

    private void sync(Scope scope, String table, TimeToLiveDescription ttl) {
        if (ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED) {
            sweeps.set(scope, table, platform.clock().instant(), after -> Optional.of(after.plus(SWEEP)),
                    at -> sweep(scope, table, ttl.attributeName(), at));
        } else {
            sweeps.cancel(scope, table);
        }
    }

    private void sweep(Scope scope, String table, String attribute, Instant at) {
        DynamoDbState state = states.get(scope);
        BigDecimal now = BigDecimal.valueOf(at.getEpochSecond());
        synchronized (state.lock(table)) {
            for (Map.Entry<String, Map<String, AttributeValue>> entry
                    : List.copyOf(state.tableItems(table).entrySet())) {
                AttributeValue expiry = entry.getValue().get(attribute);
                if (expiry != null && expiry.n() != null && new BigDecimal(expiry.n()).compareTo(now) < 0) {
                    state.removeItem(table, entry.getKey().substring(table.length() + 1));
                }
            }
        }
    }

    public UpdateTimeToLiveResponse updateTimeToLive(RequestContext context, UpdateTimeToLiveRequest request) {
        TimeToLiveSpecification specification = request.timeToLiveSpecification();
        if (specification == null || specification.enabled() == null || specification.attributeName() == null
                || specification.attributeName().isEmpty()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at 'timeToLiveSpecification' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        DynamoDbState state = states.get(context);
        TableRecord table = state.requireActive(request.tableName(), context.now().toEpochMilli());
        synchronized (state.lock(table.name())) {
            boolean enabled = state.timeToLive(table.name())
                    .map(ttl -> ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED).orElse(false);
            if (enabled == specification.enabled()) {
                throw DynamoDbErrors.validation("TimeToLive is already " + (enabled ? "enabled" : "disabled"));
            }
            TimeToLiveDescription ttl = TimeToLiveDescription.builder().attributeName(specification.attributeName())
                    .timeToLiveStatus(specification.enabled() ? TimeToLiveStatus.ENABLED : TimeToLiveStatus.DISABLED)
                    .build();
            state.putTimeToLive(table.name(), ttl);
            sync(context.scope(), table.name(), ttl);
        }
        return UpdateTimeToLiveResponse.builder().timeToLiveSpecification(specification).build();
    }

    public DescribeTimeToLiveResponse describeTimeToLive(RequestContext context, DescribeTimeToLiveRequest request) {
        DynamoDbState state = states.get(context);
        TableRecord table = state.require(request.tableName(), context.now().toEpochMilli());
        TimeToLiveDescription ttl = state.timeToLive(table.name()).orElse(TimeToLiveDescription.builder()
                .timeToLiveStatus(TimeToLiveStatus.DISABLED).build());
        return DescribeTimeToLiveResponse.builder().timeToLiveDescription(ttl).build();
    }

    /** A deleted table's sweep stops. */
    void forget(Scope scope, String table) {
        sweeps.cancel(scope, table);
    }

    @Override
    public void close() {
        sweeps.close();
    }
}
