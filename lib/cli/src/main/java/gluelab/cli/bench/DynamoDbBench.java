package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * DynamoDB through SDK v2, in memory and with a state directory (every acknowledged write forced to disk):
 * PutItem and GetItem operations/s from 1 and from 8 clients at once, and the time of a Query that reads a whole
 * 10,000-item partition.
 */
final class DynamoDbBench implements Benchmark {

    private static final int OPERATIONS = 4_000;
    private static final int PARTITION_ITEMS = 10_000;
    private static final int ROUNDS = 3;

    @Override
    public String name() {
        return "dynamodb";
    }

    @Override
    public String description() {
        return "DynamoDB: PutItem and GetItem ops/s with 1 and 8 clients, and a Query over a 10k-item partition";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        measure(null, "in memory", report);
        measure(BenchClouds.stateDirectory(home, "dynamodb"), "with --state-dir", report);
    }

    private static void measure(Path stateDir, String label, BenchReport report) throws Exception {
        try (LabCloud cloud = BenchClouds.start(stateDir, LabCloudConfig.GlueWorkerMode.OFF);
             DynamoDbClient ddb = BenchClouds.client(cloud, DynamoDbClient.builder())) {
            ddb.createTable(r -> r.tableName("bench").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                            k -> k.attributeName("sk").keyType(KeyType.RANGE))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("sk").attributeType(ScalarAttributeType.N)));
            ddb.waiter().waitUntilTableExists(r -> r.tableName("bench"),
                    o -> o.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100))));
            for (int clients : List.of(1, 8)) {
                rate(cloud, clients, (client, i) -> client.putItem(r -> r.tableName("bench").item(item("warm", i))));
                List<Double> puts = new ArrayList<>();
                List<Double> gets = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    puts.add(rate(cloud, clients, (client, i) -> client.putItem(r -> r.tableName("bench")
                            .item(item("file-" + (i % 500), i)))));
                    gets.add(rate(cloud, clients, (client, i) -> client.getItem(r -> r.tableName("bench")
                            .key(Map.of("pk", AttributeValue.fromS("file-" + (i % 500)),
                                    "sk", AttributeValue.fromN(String.valueOf(i)))))));
                }
                String who = clients == 1 ? "1 client" : clients + " clients";
                report.add(Measurement.of("DynamoDB PutItem, " + who + " (" + label + ")", "ops/s", puts));
                report.add(Measurement.of("DynamoDB GetItem, " + who + " (" + label + ")", "ops/s", gets));
            }
            loadPartition(ddb);
            List<Double> millis = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                long began = System.nanoTime();
                int read = 0;
                Map<String, AttributeValue> start = null;
                do {
                    Map<String, AttributeValue> from = start;
                    QueryResponse page = ddb.query(r -> r.tableName("bench").keyConditionExpression("pk = :p")
                            .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("big")))
                            .exclusiveStartKey(from));
                    read += page.count();
                    start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                            ? page.lastEvaluatedKey() : null;
                } while (start != null);
                if (read != PARTITION_ITEMS) {
                    throw new IllegalStateException("the query read " + read + " items");
                }
                millis.add((System.nanoTime() - began) / 1e6);
            }
            report.add(Measurement.of("DynamoDB Query of a " + PARTITION_ITEMS + "-item partition (" + label + ")",
                    "ms", millis));
        }
    }

    private interface Operation {
        void run(DynamoDbClient client, int i);
    }

    /** Operations/s of {@link #OPERATIONS} operations shared among {@code clients} clients, each its own thread. */
    private static double rate(LabCloud cloud, int clients, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<DynamoDbClient> opened = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                opened.add(BenchClouds.client(cloud, DynamoDbClient.builder()));
            }
            long began = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                DynamoDbClient client = opened.get(c);
                int first = c;
                running.add(pool.submit(() -> {
                    for (int i = first; i < OPERATIONS; i += clients) {
                        operation.run(client, i);
                    }
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
            return OPERATIONS / ((System.nanoTime() - began) / 1e9);
        } finally {
            pool.shutdown();
            opened.forEach(DynamoDbClient::close);
        }
    }

    private static Map<String, AttributeValue> item(String pk, int sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(String.valueOf(sk)),
                "state", AttributeValue.fromS("LOADED"), "bytes", AttributeValue.fromN(String.valueOf(sk * 17L)));
    }

    private static void loadPartition(DynamoDbClient ddb) {
        for (int base = 0; base < PARTITION_ITEMS; base += 25) {
            List<WriteRequest> writes = new ArrayList<>(25);
            for (int i = base; i < base + 25; i++) {
                int sk = i;
                writes.add(WriteRequest.builder().putRequest(p -> p.item(item("big", sk))).build());
            }
            ddb.batchWriteItem(r -> r.requestItems(Map.of("bench", writes)));
        }
    }
}
