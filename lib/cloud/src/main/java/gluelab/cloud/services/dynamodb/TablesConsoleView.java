package gluelab.cloud.services.dynamodb;

import static gluelab.cloud.console.ConsoleLinks.parameter;
import static gluelab.cloud.console.ConsoleLinks.to;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.console.ConsoleBlock.Field;
import gluelab.cloud.console.ConsoleBlock.Fields;
import gluelab.cloud.console.ConsoleBlock.Table;
import gluelab.cloud.console.ConsolePage.Crumb;
import gluelab.cloud.console.ConsolePage;
import gluelab.cloud.console.ConsoleRequest;
import gluelab.cloud.console.ConsoleView;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.ConsoleReads;
import gluelab.cloud.state.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * DynamoDB in the console: tables with their keys and item counts, and each table's items, a page at a time (a
 * Scan, whose LastEvaluatedKey is the next page's {@code ?from=}), key attributes first.
 */
final class TablesConsoleView extends ConsoleView {

    private static final int ITEMS = 50;

    private final ConsoleReads reads;

    TablesConsoleView(ConsoleReads reads) {
        super("dynamodb", "DynamoDB");
        this.reads = reads;
    }

    @Override
    public ConsolePage page(ConsoleRequest request) {
        if (request.is()) {
            return tables(request);
        }
        if (request.is("tables", null)) {
            return table(request, request.segment(1));
        }
        throw request.notFound();
    }

    private ConsolePage tables(ConsoleRequest request) {
        ListTablesResponse names = reads.call(DynamoDbProvider.SERVICE, request, ListTablesRequest.builder().build());
        Table.Builder table = Table.titled("Tables", "Name", "Keys", "Items", "Status");
        for (String name : names.tableNames()) {
            TableDescription description = describe(request, name);
            table.row(to("dynamodb", "tables", name), name, keys(description), description.itemCount(),
                    description.tableStatusAsString());
        }
        return ConsolePage.of("DynamoDB tables", List.of(), table.orElse("No tables yet (dynamodb.createTable)."));
    }

    private ConsolePage table(ConsoleRequest request, String name) {
        TableDescription description = describe(request, name);
        ScanResponse scan = reads.call(DynamoDbProvider.SERVICE, request, ScanRequest.builder().tableName(name)
                .limit(ITEMS).exclusiveStartKey(startKey(request.query("from"))).build());
        Set<String> columns = new LinkedHashSet<>();
        description.keySchema().forEach(key -> columns.add(key.attributeName()));
        scan.items().forEach(item -> columns.addAll(item.keySet()));
        Table.Builder items = Table.titled("Items", columns.toArray(String[]::new));
        for (Map<String, AttributeValue> item : scan.items()) {
            items.row(null, columns.stream().map(column -> item.containsKey(column) ? plain(item.get(column)) : null)
                    .toArray());
        }
        if (scan.hasLastEvaluatedKey() && !scan.lastEvaluatedKey().isEmpty()) {
            items.next(parameter("from", fromKey(scan.lastEvaluatedKey())));
        }
        return ConsolePage.of(name, List.of(new Crumb("DynamoDB tables", "dynamodb")),
                Fields.of("Table", Field.of("Name", name), Field.of("Keys", keys(description)),
                        Field.of("Items", description.itemCount()), Field.of("Status", description.tableStatusAsString()),
                        Field.of("Billing", description.billingModeSummary() == null ? null
                                : description.billingModeSummary().billingModeAsString()),
                        Field.of("Created", description.creationDateTime())),
                items.orElse("This table has no items yet (dynamodb.putItem)."));
    }

    private TableDescription describe(ConsoleRequest request, String name) {
        return reads.<DescribeTableResponse>call(DynamoDbProvider.SERVICE,
                request, DescribeTableRequest.builder().tableName(name).build()).table();
    }

    private static String keys(TableDescription description) {
        List<String> keys = new ArrayList<>();
        for (KeySchemaElement key : description.keySchema()) {
            keys.add(key.attributeName() + " (" + key.keyTypeAsString() + ")");
        }
        return String.join(", ", keys);
    }

    /** An attribute value as plain JSON: strings, numbers, booleans, lists and maps. */
    private static Object plain(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s();
            case N -> new BigDecimal(value.n());
            case BOOL -> value.bool();
            case NUL -> null;
            case B -> Base64.getEncoder().encodeToString(value.b().asByteArray());
            case SS -> value.ss();
            case NS -> value.ns().stream().map(BigDecimal::new).toList();
            case BS -> value.bs().stream().map(b -> Base64.getEncoder().encodeToString(b.asByteArray())).toList();
            case L -> value.l().stream().map(TablesConsoleView::plain).toList();
            case M -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.m().forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
            default -> String.valueOf(value);
        };
    }

    /** A LastEvaluatedKey (key attributes: strings, numbers or binary) as the next page's {@code from}. */
    private static String fromKey(Map<String, AttributeValue> key) {
        ObjectNode json = Json.object();
        key.forEach((name, value) -> {
            switch (value.type()) {
                case S -> json.putObject(name).put("S", value.s());
                case N -> json.putObject(name).put("N", value.n());
                default -> json.putObject(name).put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
            }
        });
        return Base64.getUrlEncoder().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> startKey(String from) {
        if (from == null) {
            return null;
        }
        try {
            JsonNode json = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(from));
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            json.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                key.put(field.getKey(), value.has("S") ? AttributeValue.fromS(value.get("S").asText())
                        : value.has("N") ? AttributeValue.fromN(value.get("N").asText())
                        : AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(value.get("B").asText()))));
            });
            return key;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new AwsServiceException("ValidationException", "'from' is not a page of this console", 400);
        }
    }
}
