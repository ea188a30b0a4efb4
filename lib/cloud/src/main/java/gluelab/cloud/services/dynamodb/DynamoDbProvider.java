package gluelab.cloud.services.dynamodb;

import gluelab.cloud.console.ConsoleView;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.ConsoleReads;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Protocol;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;
import java.util.List;

/**
 * Amazon DynamoDB: tables ({@link TableOperations}), items ({@link ItemOperations}), Query and Scan
 * ({@link QueryScanOperations}), batches ({@link BatchOperations}), transactions ({@link TransactionOperations}),
 * time to live ({@link TimeToLiveOperations}) and tags ({@link TagOperations}), with the whole expression
 * language ({@code expressions}) parsed by hand.
 *
 * <p>Where Lab Cloud differs from AWS: there is no throughput limit (nothing is throttled, batches leave nothing
 * unprocessed); a new table or index is CREATING in the answer that creates it and ACTIVE from the next request on;
 * streams are stored in
 * the table's description but no stream records are produced; TTL deletes expired items within 10 seconds of lab
 * time rather than within days; the legacy parameters (Expected, AttributeUpdates, KeyConditions, ScanFilter,
 * QueryFilter, AttributesToGet) are refused with a ValidationException.
 */
public final class DynamoDbProvider implements ServiceProvider {

    public static final String SERVICE = "dynamodb";

    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.json(SERVICE, "dynamodb", Protocol.JSON_1_0,
            "DynamoDB_20120810", "2012-08-10", "software.amazon.awssdk.services.dynamodb.model", "message");

    private final AccountRegionStore<DynamoDbState> states;
    private final TimeToLiveOperations timeToLive;
    private final List<Object> operations;
    private final AccessRules accessRules = new DynamoDbAccessRules();

    private final ConsoleView console;

    public DynamoDbProvider(Platform platform) {
        this.console = new TablesConsoleView(new ConsoleReads(platform.internal()));
        this.states = new AccountRegionStore<>(SERVICE, platform.state(), DynamoDbState::new);
        this.timeToLive = new TimeToLiveOperations(platform, states);
        this.operations = List.of(
                new TableOperations(states, timeToLive),
                new ItemOperations(states),
                new QueryScanOperations(states),
                new BatchOperations(states),
                new TransactionOperations(states),
                timeToLive,
                new TagOperations(states));
        timeToLive.restoreAll();
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
        return accessRules;
    }

    @Override
    public List<Object> operationHandlers() {
        return operations;
    }

    @Override
    public int reset(String prefix) {
        int removed = 0;
        for (var entry : states.all().entrySet()) {
            for (TableRecord table : List.copyOf(entry.getValue().tables())) {
                if (prefix == null || table.name().startsWith(prefix)) {
                    timeToLive.forget(entry.getKey(), table.name());
                }
            }
            removed += entry.getValue().reset(prefix);
        }
        return removed;
    }

    @Override
    public void close() {
        timeToLive.close();
    }
}
