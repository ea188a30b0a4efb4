package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Map (inline): runs its ItemProcessor (or the older Iterator) once per item of the array ItemsPath selects, each
 * on the item (or what ItemSelector makes of it, with {@code $$.Map.Item.Index} and {@code .Value}), at most
 * MaxConcurrency at once (0: no limit but the inline Map's 40). Its result is the array of the iterations' outputs,
 * in item order. Without a tolerated failure threshold the first failing iteration stops the others and fails the
 * state with its error; with one ({@link ToleratedFailure}), a failed item's output is its {@code {"Error","Cause"}}
 * and the state fails with {@code States.ExceedToleratedFailureThreshold} only once the failures exceed it.
 */
final class MapState extends RecoverableState {

    static final java.util.Set<String> FIELDS = allowed("ItemsPath", "ItemSelector", "Parameters",
            "ItemProcessor", "Iterator", "MaxConcurrency", "Items", "ToleratedFailureCount", "ToleratedFailureCountPath",
            "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
    /** How many iterations an inline Map runs at once at most, as on AWS. */
    static final int INLINE_CONCURRENCY = 40;

    private final JsonPath itemsPath;
    private final PayloadTemplate itemSelector;
    private final JsonataTemplate items;
    private final JsonataTemplate jsonataItemSelector;
    private final Machine processor;
    private final int maxConcurrency;
    private final ToleratedFailure toleratedFailure;

    MapState(String name, Fields fields, java.util.List<TaskIntegration> integrations) {
        super(name, "Map", fields);
        fields.only(FIELDS);
        String items = fields.string("ItemsPath");
        this.itemsPath = fields.compile("ItemsPath", items == null ? "$" : items, true);
        if (fields.has("ItemSelector") && fields.has("Parameters")) {
            throw Fields.schema("A Map state cannot have both 'ItemSelector' and 'Parameters'", fields.location);
        }
        this.items = fields.has("Items") ? new JsonataTemplate(fields.raw("Items"), fields.at("Items")) : null;
        this.jsonataItemSelector = jsonata && fields.has("ItemSelector")
                ? new JsonataTemplate(fields.raw("ItemSelector"), fields.at("ItemSelector")) : null;
        this.itemSelector = jsonata ? null
                : fields.has("ItemSelector") ? fields.template("ItemSelector") : fields.template("Parameters");
        if (fields.has("ItemProcessor") == fields.has("Iterator")) {
            throw Fields.schema("A Map state must have exactly one of 'ItemProcessor' or 'Iterator'",
                    fields.location);
        }
        String field = fields.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        JsonNode definition = fields.raw(field);
        JsonNode config = definition.path("ProcessorConfig");
        if (config.isObject() && config.has("Mode") && !config.path("Mode").asText().equals("INLINE")) {
            throw Fields.schema("Only the INLINE processing mode is available in Lab Cloud",
                    fields.at(field) + "/ProcessorConfig/Mode");
        }
        JsonNode machine = definition;
        if (definition.isObject() && definition.has("ProcessorConfig")) {
            machine = definition.deepCopy();
            ((ObjectNode) machine).remove("ProcessorConfig");
        }
        this.processor = Machine.nested(machine, fields.at(field), integrations, jsonata);
        Integer concurrency = fields.integer("MaxConcurrency", 0, 99_999_999);
        this.maxConcurrency = concurrency == null || concurrency == 0 ? INLINE_CONCURRENCY
                : Math.min(concurrency, INLINE_CONCURRENCY);
        this.toleratedFailure = new ToleratedFailure(fields);
    }

    @Override
    JsonNode attempt(JsonNode effectiveInput, JsonNode context, Branch branch, Instant entered) {
        JsonNode items = jsonata ? (this.items == null ? effectiveInput
                : this.items.apply(statesVariable(effectiveInput, context), branch.variables()))
                : itemsPath.read(effectiveInput).orElseThrow(() -> StatesError.runtime(
                "Invalid path '" + itemsPath + "' : The ItemsPath '" + itemsPath
                        + "' could not be found in the input '" + effectiveInput + "'"));
        if (!items.isArray()) {
            throw StatesError.runtime("Map state input must be an array but was: " + items.getNodeType());
        }
        int count = items.size();
        Failures failures = toleratedFailure.declared()
                ? new Failures(toleratedFailure.resolve(effectiveInput), count) : null;
        branch.record("MapStateStarted", "mapStateStartedEventDetails",
                JsonNodeFactory.instance.objectNode().put("length", count));
        Progress progress = branch.execution().progress();
        Join join = new Join(count, progress);
        JsonNode[] results = new JsonNode[count];
        AtomicInteger nextItem = new AtomicInteger();
        int workers = Math.min(count, maxConcurrency);
        for (int w = 0; w < workers; w++) {
            progress.running();
            branch.execution().host().threads().execute(() -> {
                try {
                    int index;
                    while ((index = nextItem.getAndIncrement()) < count) {
                        iterate(branch, join, failures, effectiveInput, context, items.get(index), index,
                                results);
                    }
                } finally {
                    progress.stopped();
                }
            });
        }
        join.await(branch, "Map");
        ArrayNode output = JsonNodeFactory.instance.arrayNode();
        for (JsonNode result : results) {
            output.add(result);
        }
        return output;
    }

    /**
     * Runs one iteration and puts its output in {@code results}; it always ends by telling {@code join}, with its
     * last event, once the output is in place.
     */
    private void iterate(Branch parent, Join join, Failures failures, JsonNode effectiveInput, JsonNode context,
                         JsonNode item, int index, JsonNode[] results) {
        Branch iteration = null;
        try {
            if (join.firstError() != null) {
                return;
            }
            ObjectNode mapContext = JsonNodeFactory.instance.objectNode();
            ObjectNode itemNode = mapContext.putObject("Item");
            itemNode.put("Index", index);
            itemNode.set("Value", item);
            iteration = parent.fork(mapContext, join.group);
            ObjectNode details = JsonNodeFactory.instance.objectNode().put("name", name()).put("index", index);
            iteration.record("MapIterationStarted", "mapIterationStartedEventDetails", details);
            try {
                JsonNode input = item;
                if (itemSelector != null || jsonataItemSelector != null) {
                    ObjectNode selectorContext = context.deepCopy();
                    selectorContext.set("Map", mapContext);
                    input = itemSelector != null ? itemSelector.apply(effectiveInput, selectorContext)
                            : jsonataItemSelector.apply(statesVariable(effectiveInput, selectorContext),
                            parent.variables());
                }
                JsonNode result = iteration.run(processor, input);
                iteration.record("MapIterationSucceeded", "mapIterationSucceededEventDetails", details);
                results[index] = result;
            } catch (StatesError error) {
                boolean aborted = join.firstError() != null;
                iteration.record(aborted ? "MapIterationAborted" : "MapIterationFailed",
                        aborted ? "mapIterationAbortedEventDetails" : "mapIterationFailedEventDetails", details);
                if (aborted || failures == null) {
                    join.failed(error);
                } else if (failures.exceededWith()) {
                    join.failed(failures.threshold.error());
                } else {
                    ObjectNode failed = JsonNodeFactory.instance.objectNode();
                    failed.put("Error", error.error());
                    failed.put("Cause", error.cause());
                    results[index] = failed;
                }
            }
        } catch (RuntimeException unexpected) {
            join.failed(StatesError.runtime(String.valueOf(unexpected)));
        } finally {
            join.finished(iteration == null ? 0 : iteration.lastEventId());
        }
    }

    /** The failed items of one run of a Map with a tolerated failure threshold. */
    private static final class Failures {
        private final ToleratedFailure.Threshold threshold;
        private final int total;
        private final AtomicInteger failed = new AtomicInteger();

        Failures(ToleratedFailure.Threshold threshold, int total) {
            this.threshold = threshold;
            this.total = total;
        }

        /** Counts one more failed item; true when that takes the failures past the threshold. */
        boolean exceededWith() {
            return threshold.exceeded(failed.incrementAndGet(), total);
        }
    }
}
