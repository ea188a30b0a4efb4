package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.state.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Distributed Map's ItemReader ("ItemReader (Map)"): the items come from S3, read as the state machine's role.
 * {@code arn:aws:states:::s3:getObject} reads one object, by ReaderConfig's InputType: JSON (an array), JSONL (one
 * item a line) or CSV (each row an object of strings, its names from the first row or CSVHeaders);
 * {@code arn:aws:states:::s3:listObjectsV2} lists a bucket's objects under a Prefix, each an item. MaxItems (or
 * MaxItemsPath) keeps the first so many. Whatever goes wrong reading fails the state with
 * {@code States.ItemReaderFailed}.
 */
final class ItemReader {

    static final String FAILED = "States.ItemReaderFailed";
    private static final String GET_OBJECT = "arn:aws:states:::s3:getObject";
    private static final String LIST_OBJECTS = "arn:aws:states:::s3:listObjectsV2";
    private static final Set<String> FIELDS = Set.of("Resource", "ReaderConfig", "Parameters", "Arguments");
    private static final Set<String> CONFIG_FIELDS = Set.of("InputType", "CSVHeaderLocation", "CSVHeaders",
            "CSVDelimiter", "MaxItems", "MaxItemsPath");
    private static final List<String> INPUT_TYPES = List.of("JSON", "JSONL", "CSV");
    private static final int MAX_ITEMS = 100_000_000;

    private final boolean listing;
    private final String inputType;
    private final List<String> givenHeaders;
    private final char delimiter;
    private final Integer maxItems;
    private final JsonPath maxItemsPath;
    private final PayloadTemplate parameters;
    private final JsonataTemplate arguments;

    ItemReader(Fields reader, boolean jsonata) {
        reader.only(FIELDS);
        String resource = reader.requiredString("Resource");
        if (!resource.equals(GET_OBJECT) && !resource.equals(LIST_OBJECTS)) {
            throw new DefinitionError("INVALID_RESOURCE", "The resource provided " + resource + " is not "
                    + "recognized. The value is not a valid resource ARN, or the resource is not available in this "
                    + "region.", reader.at("Resource"));
        }
        this.listing = resource.equals(LIST_OBJECTS);
        if (reader.has(jsonata ? "Parameters" : "Arguments")) {
            String field = jsonata ? "Parameters" : "Arguments";
            throw Fields.schema("The field '" + field + "' is not supported for the "
                    + (jsonata ? "JSONata" : "JSONPath") + " query language", reader.at(field));
        }
        this.parameters = jsonata ? null : reader.template("Parameters");
        this.arguments = jsonata && reader.has("Arguments")
                ? new JsonataTemplate(reader.raw("Arguments"), reader.at("Arguments")) : null;
        Fields config = reader.has("ReaderConfig") ? new Fields(reader.raw("ReaderConfig"),
                reader.at("ReaderConfig")) : new Fields(JsonNodeFactory.instance.objectNode(),
                reader.at("ReaderConfig"));
        config.only(CONFIG_FIELDS);
        this.inputType = config.string("InputType");
        if (!listing && inputType == null) {
            throw Fields.schema("These fields are required: [InputType]", config.location);
        }
        if (inputType != null && (listing || !INPUT_TYPES.contains(inputType))) {
            throw Fields.schema("The value for the field 'InputType' must be one of " + INPUT_TYPES
                    + (listing ? " and is only for arn:aws:states:::s3:getObject" : ""), config.at("InputType"));
        }
        String headerLocation = config.string("CSVHeaderLocation");
        boolean csv = "CSV".equals(inputType);
        if (headerLocation != null && (!csv || !List.of("FIRST_ROW", "GIVEN").contains(headerLocation))) {
            throw Fields.schema("The value for the field 'CSVHeaderLocation' must be one of [FIRST_ROW, GIVEN] "
                    + "with the CSV InputType", config.at("CSVHeaderLocation"));
        }
        boolean given = "GIVEN".equals(headerLocation);
        if (given != config.has("CSVHeaders")) {
            throw Fields.schema(given ? "These fields are required: [CSVHeaders]"
                    : "The field 'CSVHeaders' is only valid when 'CSVHeaderLocation' is GIVEN", config.location);
        }
        List<String> headers = new ArrayList<>();
        for (JsonNode header : config.array("CSVHeaders", false)) {
            if (!header.isTextual()) {
                throw Fields.schema("The value for the field 'CSVHeaders' must be an ARRAY of STRING",
                        config.at("CSVHeaders"));
            }
            headers.add(header.asText());
        }
        this.givenHeaders = given ? List.copyOf(headers) : null;
        this.delimiter = delimiter(config);
        if (config.has("MaxItems") && config.has("MaxItemsPath")) {
            throw Fields.schema("The ReaderConfig cannot have both 'MaxItems' and 'MaxItemsPath'", config.location);
        }
        this.maxItems = config.integer("MaxItems", 0, MAX_ITEMS);
        String path = config.string("MaxItemsPath");
        this.maxItemsPath = path == null ? null : config.compile("MaxItemsPath", path, true);
    }

    private static char delimiter(Fields config) {
        String name = config.string("CSVDelimiter");
        if (name == null) {
            return ',';
        }
        return switch (name) {
            case "COMMA" -> ',';
            case "PIPE" -> '|';
            case "SEMICOLON" -> ';';
            case "SPACE" -> ' ';
            case "TAB" -> '\t';
            default -> throw Fields.schema("The value for the field 'CSVDelimiter' must be one of [COMMA, PIPE, "
                    + "SEMICOLON, SPACE, TAB]", config.at("CSVDelimiter"));
        };
    }

    /** The items, read from S3 as the execution's role. */
    ArrayNode read(JsonNode effectiveInput, JsonNode context, Branch branch) {
        JsonNode request = arguments != null
                ? arguments.apply(State.statesVariable(effectiveInput, context), branch.variables())
                : parameters != null ? parameters.apply(State.roots(effectiveInput, context, branch))
                : JsonNodeFactory.instance.objectNode();
        int limit = limit(State.roots(effectiveInput, context, branch));
        String bucket = request.path("Bucket").asText("");
        if (bucket.isEmpty()) {
            throw new StatesError(FAILED, "The ItemReader's parameters must name a Bucket");
        }
        MapRunHost host = branch.execution().host().mapRuns();
        ArrayNode items;
        try {
            if (listing) {
                items = host.listObjects(branch.execution(), bucket, request.path("Prefix").asText(""));
            } else {
                String key = request.path("Key").asText("");
                if (key.isEmpty()) {
                    throw new StatesError(FAILED, "The ItemReader's parameters must name a Key");
                }
                byte[] body = host.getObject(branch.execution(), bucket, key,
                        request.hasNonNull("VersionId") ? request.get("VersionId").asText() : null);
                items = parse(new String(body, StandardCharsets.UTF_8), key);
            }
        } catch (StatesError error) {
            throw error.error().equals(FAILED) ? error : new StatesError(FAILED,
                    error.error() + ": " + error.cause());
        }
        while (limit > 0 && items.size() > limit) {
            items.remove(items.size() - 1);
        }
        return items;
    }

    /** MaxItems, or what MaxItemsPath reads; 0 is no limit. */
    private int limit(PathRoots roots) {
        if (maxItemsPath == null) {
            return maxItems == null ? 0 : maxItems;
        }
        JsonNode effectiveInput = roots.data();
        JsonNode value = maxItemsPath.read(roots).orElse(null);
        if (value == null || !value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > MAX_ITEMS) {
            throw StatesError.runtime("The MaxItemsPath '" + maxItemsPath + "' must point to a non-negative "
                    + "integer in the input '" + effectiveInput + "'");
        }
        return value.asInt();
    }

    private ArrayNode parse(String text, String key) {
        return switch (inputType) {
            case "JSON" -> {
                JsonNode parsed = json(text, key);
                if (!parsed.isArray()) {
                    throw new StatesError(FAILED, "The object " + key + " must hold a JSON array, not "
                            + parsed.getNodeType());
                }
                yield (ArrayNode) parsed;
            }
            case "JSONL" -> {
                ArrayNode items = JsonNodeFactory.instance.arrayNode();
                text.lines().filter(line -> !line.isBlank()).forEach(line -> items.add(json(line, key)));
                yield items;
            }
            default -> csv(text);
        };
    }

    private static JsonNode json(String text, String key) {
        try {
            JsonNode parsed = Json.MAPPER.readTree(text);
            if (parsed == null) {
                throw new StatesError(FAILED, "The object " + key + " is empty");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw new StatesError(FAILED, "The object " + key + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Each row an object of its fields as strings, named by the header row or CSVHeaders. */
    private ArrayNode csv(String text) {
        List<List<String>> rows = CsvRows.parse(text, delimiter);
        List<String> headers = givenHeaders;
        int first = 0;
        if (headers == null) {
            if (rows.isEmpty()) {
                throw new StatesError(FAILED, "The CSV object has no header row");
            }
            headers = rows.get(0);
            first = 1;
        }
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (List<String> row : rows.subList(first, rows.size())) {
            if (row.size() > headers.size()) {
                throw new StatesError(FAILED, "A CSV row has " + row.size() + " fields where the header names "
                        + headers.size());
            }
            ObjectNode item = items.addObject();
            for (int i = 0; i < headers.size(); i++) {
                item.put(headers.get(i), i < row.size() ? row.get(i) : "");
            }
        }
        return items;
    }
}
