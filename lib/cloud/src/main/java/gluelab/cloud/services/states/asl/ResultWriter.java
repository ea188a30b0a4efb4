package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.provider.Arn;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * A Distributed Map's ResultWriter ("ResultWriter (Map)"): the child executions' results go to S3 as the state
 * machine's role, under {@code <Prefix>/<map run id>/}: {@code SUCCEEDED_0.json}, {@code FAILED_0.json} (failed,
 * timed out and aborted children) and {@code PENDING_0.json} (children never started), each a JSON array of the
 * executions as DescribeExecution describes them, written only when not empty, and {@code manifest.json}, which
 * names them. The state's result is then {@code {"MapRunArn", "ResultWriterDetails": {"Bucket", "Key"}}}, Key the
 * manifest's. A write S3 refuses fails the state with {@code States.ResultWriterFailed}.
 * <p>
 * Its WriterConfig formats the results: Transformation NONE (each child as DescribeExecution describes it, the
 * default when exporting), COMPACT (the children's outputs) or FLATTEN (the outputs, an array output spread into
 * its elements), a failed child always as with NONE; OutputType JSON (an array) or JSONL (a JSON value a line).
 * With WriterConfig alone nothing goes to S3: the state's result is the formatted results themselves.
 */
final class ResultWriter {

    static final String FAILED = "States.ResultWriterFailed";
    private static final String PUT_OBJECT = "arn:aws:states:::s3:putObject";
    private static final Set<String> FIELDS = Set.of("Resource", "Parameters", "Arguments", "WriterConfig");

    /** How each child's result is written: WriterConfig's Transformation. */
    enum Transformation { NONE, COMPACT, FLATTEN }

    private final PayloadTemplate parameters;
    private final JsonataTemplate arguments;
    private final boolean exports;
    private final Transformation transformation;
    private final boolean jsonLines;

    ResultWriter(Fields writer, boolean jsonata) {
        writer.only(FIELDS);
        Fields config = writer.has("WriterConfig")
                ? new Fields(writer.raw("WriterConfig"), writer.at("WriterConfig")) : null;
        if (config != null) {
            config.only(Set.of("Transformation", "OutputType"));
        }
        this.transformation = config == null || config.string("Transformation") == null ? Transformation.NONE
                : choice(Transformation.class, config, "Transformation");
        this.jsonLines = config != null && config.string("OutputType") != null
                && choice(OutputType.class, config, "OutputType") == OutputType.JSONL;
        this.exports = writer.has("Resource") || config == null;
        if (!exports) {
            for (String field : List.of("Parameters", "Arguments")) {
                if (writer.has(field)) {
                    throw Fields.schema("These fields are required: [Resource]", writer.location);
                }
            }
            this.parameters = null;
            this.arguments = null;
            return;
        }
        String resource = writer.requiredString("Resource");
        if (!resource.equals(PUT_OBJECT)) {
            throw new DefinitionError("INVALID_RESOURCE", "The resource provided " + resource + " is not "
                    + "recognized. The value is not a valid resource ARN, or the resource is not available in this "
                    + "region.", writer.at("Resource"));
        }
        String field = jsonata ? "Arguments" : "Parameters";
        String other = jsonata ? "Parameters" : "Arguments";
        if (writer.has(other)) {
            throw Fields.schema("The field '" + other + "' is not supported for the "
                    + (jsonata ? "JSONata" : "JSONPath") + " query language", writer.at(other));
        }
        if (!writer.has(field)) {
            throw Fields.schema("These fields are required: [" + field + "]", writer.location);
        }
        this.parameters = jsonata ? null : writer.template("Parameters");
        this.arguments = jsonata ? new JsonataTemplate(writer.raw("Arguments"), writer.at("Arguments")) : null;
    }

    private enum OutputType { JSON, JSONL }

    /** Whether the results go to S3 (Resource and Parameters), not only into the state's result. */
    boolean exports() {
        return exports;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, Fields fields, String field) {
        String value = fields.string(field);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw Fields.schema("The value for the field '" + field + "' must be one of "
                + java.util.Arrays.toString(type.getEnumConstants()).replace(" ", ""), fields.at(field));
    }

    /** The results of {@code children} (null ones never started) as the Transformation formats them. */
    ArrayNode formatted(List<MapRunHost.ChildExecution> children) {
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        for (MapRunHost.ChildExecution child : children) {
            if (child != null) {
                addFormatted(child, results);
            }
        }
        return results;
    }

    private void addFormatted(MapRunHost.ChildExecution child, ArrayNode into) {
        if (!child.succeeded() || transformation == Transformation.NONE) {
            into.add(child.description());
        } else if (transformation == Transformation.FLATTEN && child.output().isArray()) {
            child.output().forEach(into::add);
        } else {
            into.add(child.output());
        }
    }

    /**
     * Writes the children's results and returns the state's result; with WriterConfig alone, the result is the
     * formatted results.
     *
     * @param children each child by its place in the run, null for one never started
     */
    JsonNode write(String mapRunArn, List<MapRunHost.ChildExecution> children, List<JsonNode> pendingInputs,
                   JsonNode effectiveInput, JsonNode context, Branch branch) {
        if (!exports) {
            return formatted(children);
        }
        JsonNode target = arguments != null
                ? arguments.apply(State.statesVariable(effectiveInput, context), branch.variables())
                : parameters.apply(State.roots(effectiveInput, context, branch));
        String bucket = target.path("Bucket").asText("");
        if (bucket.isEmpty()) {
            throw new StatesError(FAILED, "The ResultWriter's parameters must name a Bucket");
        }
        String prefix = target.path("Prefix").asText("");
        String runId = Arn.parse(mapRunArn).map(arn -> arn.resource().substring(arn.resource().lastIndexOf(':') + 1))
                .orElseThrow();
        String folder = (prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/") + runId + "/";
        ArrayNode succeeded = JsonNodeFactory.instance.arrayNode();
        ArrayNode failed = JsonNodeFactory.instance.arrayNode();
        ArrayNode pending = JsonNodeFactory.instance.arrayNode();
        for (MapRunHost.ChildExecution child : children) {
            if (child != null) {
                addFormatted(child, child.succeeded() ? succeeded : failed);
            }
        }
        pendingInputs.forEach(input -> pending.addObject().put("Input", input.toString())
                .putObject("InputDetails").put("Included", true));
        MapRunHost host = branch.execution().host().mapRuns();
        ObjectNode manifest = JsonNodeFactory.instance.objectNode();
        manifest.put("DestinationBucket", bucket);
        manifest.put("MapRunArn", mapRunArn);
        ObjectNode files = manifest.putObject("ResultFiles");
        try {
            files.set("FAILED", file(host, branch, bucket, folder + "FAILED_0.json", failed));
            files.set("PENDING", file(host, branch, bucket, folder + "PENDING_0.json", pending));
            files.set("SUCCEEDED", file(host, branch, bucket, folder + "SUCCEEDED_0.json", succeeded));
            String key = folder + "manifest.json";
            host.putObject(branch.execution(), bucket, key, manifest.toString().getBytes(StandardCharsets.UTF_8));
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.put("MapRunArn", mapRunArn);
            result.putObject("ResultWriterDetails").put("Bucket", bucket).put("Key", key);
            return result;
        } catch (StatesError error) {
            throw error.error().equals(FAILED) ? error : new StatesError(FAILED,
                    error.error() + ": " + error.cause());
        }
    }

    /** Writes one result file unless it would be empty; the manifest's list of it. */
    private ArrayNode file(MapRunHost host, Branch branch, String bucket, String key, ArrayNode results) {
        ArrayNode listed = JsonNodeFactory.instance.arrayNode();
        if (results.isEmpty()) {
            return listed;
        }
        StringBuilder text = new StringBuilder();
        if (jsonLines) {
            results.forEach(result -> text.append(result).append('\n'));
        } else {
            text.append(results);
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        host.putObject(branch.execution(), bucket, key, body);
        listed.addObject().put("Key", key).put("Size", body.length);
        return listed;
    }
}
