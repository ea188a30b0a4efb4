package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Map: runs its ItemProcessor (or the older Iterator) once per item of the array ItemsPath selects, each on the item
 * (or what ItemSelector makes of it, with {@code $$.Map.Item.Index} and {@code .Value}). In DISTRIBUTED mode each
 * item is a child execution's input ({@link DistributedMap}). Inline, it runs at most MaxConcurrency (or what
 * MaxConcurrencyPath reads) at once, and never more than 40, the inline Map's limit on AWS. Its result is the array
 * of the iterations' outputs,
 * in item order. Without a tolerated failure threshold the first failing iteration stops the others and fails the
 * state with its error; with one ({@link ToleratedFailure}), a failed item's output is its {@code {"Error","Cause"}}
 * and the state fails with {@code States.ExceedToleratedFailureThreshold} only once the failures exceed it. A redrive
 * of the execution in an inline Map keeps the outputs of the iterations that succeeded and runs the others on from
 * where they stopped ({@link BranchOutcomes}).
 */
final class MapState extends RecoverableState {

    static final java.util.Set<String> FIELDS = allowed("ItemsPath", "ItemSelector", "Parameters",
            "ItemProcessor", "Iterator", "MaxConcurrency", "Items", "ToleratedFailureCount", "ToleratedFailureCountPath",
            "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ItemReader", "ItemBatcher",
            "ResultWriter", "Label", "MaxConcurrencyPath");
    /** The fields only a Map in DISTRIBUTED mode has. */
    private static final java.util.List<String> DISTRIBUTED_ONLY = java.util.List.of("ItemReader", "ItemBatcher",
            "ResultWriter", "Label");
    /** How many iterations an inline Map runs at once at most, as on AWS. */
    static final int INLINE_CONCURRENCY = 40;

    private final JsonPath itemsPath;
    private final PayloadTemplate itemSelector;
    private final JsonataTemplate items;
    private final JsonataTemplate jsonataItemSelector;
    private final Machine processor;
    private final ToleratedFailure toleratedFailure;
    /** MaxConcurrency as the definition gives it (0: none). */
    private final int declaredConcurrency;
    /** MaxConcurrencyPath, read anew for each run of the state, or null. */
    private final JsonPath concurrencyPath;
    /** The distributed part, or null for an inline Map. */
    private final DistributedMap distributed;

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
        ProcessorConfig config = ProcessorConfig.read(definition, fields.at(field) + "/ProcessorConfig");
        if (!config.distributed()) {
            for (String only : DISTRIBUTED_ONLY) {
                if (fields.has(only)) {
                    throw Fields.schema("The field '" + only + "' is only supported for Map states in DISTRIBUTED "
                            + "mode", fields.at(only));
                }
            }
        }
        JsonNode machine = definition;
        if (definition.isObject() && definition.has("ProcessorConfig")) {
            machine = definition.deepCopy();
            ((ObjectNode) machine).remove("ProcessorConfig");
        }
        this.processor = Machine.nested(machine, fields.at(field), integrations, jsonata);
        if (fields.has("MaxConcurrencyPath") && fields.has("MaxConcurrency")) {
            throw Fields.schema("A Map state cannot have both 'MaxConcurrency' and 'MaxConcurrencyPath'",
                    fields.location);
        }
        String pathText = fields.string("MaxConcurrencyPath");
        this.concurrencyPath = pathText == null ? null : fields.compile("MaxConcurrencyPath", pathText, true);
        Integer concurrency = fields.integer("MaxConcurrency", 0, config.distributed()
                ? DistributedMap.MAX_CONCURRENCY : 99_999_999);
        this.declaredConcurrency = concurrency == null ? 0 : concurrency;
        this.toleratedFailure = new ToleratedFailure(fields, jsonata);
        this.distributed = config.distributed() ? distributed(name, fields, machine, config) : null;
    }

    /** The distributed part: where items come from and results go, and the children's definition. */
    private DistributedMap distributed(String name, Fields fields, JsonNode machine, ProcessorConfig config) {
        if (fields.has("ItemReader") && (fields.has("ItemsPath") || fields.has("Items"))) {
            String field = fields.has("ItemsPath") ? "ItemsPath" : "Items";
            throw Fields.schema("The field '" + field + "' cannot be used with 'ItemReader'", fields.at(field));
        }
        ObjectNode childDefinition = machine.deepCopy();
        if (jsonata && !childDefinition.has("QueryLanguage")) {
            childDefinition.put("QueryLanguage", "JSONata");
        }
        String label = fields.string("Label");
        if (label != null && (label.isEmpty() || label.length() > 40 || !label.matches("[A-Za-z0-9_-]+"))) {
            throw Fields.schema("The value for the field 'Label' must be 1 to 40 letters, digits, '-' or '_'",
                    fields.at("Label"));
        }
        ItemReader reader = fields.has("ItemReader")
                ? new ItemReader(new Fields(fields.raw("ItemReader"), fields.at("ItemReader")), jsonata) : null;
        ItemBatcher batcher = fields.has("ItemBatcher")
                ? new ItemBatcher(new Fields(fields.raw("ItemBatcher"), fields.at("ItemBatcher")), jsonata) : null;
        ResultWriter writer = fields.has("ResultWriter")
                ? new ResultWriter(new Fields(fields.raw("ResultWriter"), fields.at("ResultWriter")), jsonata) : null;
        return new DistributedMap(label == null ? name : label, childDefinition.toString(), processor,
                config.express(), reader, batcher, writer);
    }

    /** An ItemProcessor's ProcessorConfig: Mode INLINE (the default) or DISTRIBUTED with its ExecutionType. */
    private record ProcessorConfig(boolean distributed, boolean express) {

        static ProcessorConfig read(JsonNode processor, String location) {
            JsonNode config = processor.path("ProcessorConfig");
            if (config.isMissingNode()) {
                return new ProcessorConfig(false, false);
            }
            Fields fields = new Fields(config, location);
            fields.only(java.util.Set.of("Mode", "ExecutionType"));
            String mode = fields.string("Mode");
            if (mode != null && !mode.equals("INLINE") && !mode.equals("DISTRIBUTED")) {
                throw Fields.schema("The value for the field 'Mode' must be one of [INLINE, DISTRIBUTED]",
                        fields.at("Mode"));
            }
            boolean distributed = "DISTRIBUTED".equals(mode);
            String type = fields.string("ExecutionType");
            if (distributed && type == null) {
                throw Fields.schema("These fields are required: [ExecutionType]", location);
            }
            if (type != null && (!distributed || !(type.equals("STANDARD") || type.equals("EXPRESS")))) {
                throw Fields.schema(distributed ? "The value for the field 'ExecutionType' must be one of "
                        + "[STANDARD, EXPRESS]" : "The field 'ExecutionType' is only supported in DISTRIBUTED mode",
                        fields.at("ExecutionType"));
            }
            return new ProcessorConfig(distributed, "EXPRESS".equals(type));
        }
    }

    @Override
    JsonNode attempt(JsonNode effectiveInput, JsonNode context, Branch branch, Instant entered) {
        MapRunHost.MapRun failedRun = distributed == null ? null : distributed.failedMapRun(name(), branch);
        if (failedRun != null) {
            int length = failedRun.batches().stream().mapToInt(MapRunHost.Batch::items).sum();
            return distributedState(length, branch,
                    () -> distributed.redrive(failedRun, effectiveInput, context, branch));
        }
        JsonNode read = distributed == null ? null : distributed.readItems(effectiveInput, context, branch);
        JsonNode items = read != null ? read : jsonata ? (this.items == null ? effectiveInput
                : this.items.apply(statesVariable(effectiveInput, context), branch.variables()))
                : itemsPath.read(roots(effectiveInput, context, branch)).orElseThrow(() -> StatesError.runtime(
                "Invalid path '" + itemsPath + "' : The ItemsPath '" + itemsPath
                        + "' could not be found in the input '" + effectiveInput + "'"));
        if (!items.isArray()) {
            throw StatesError.runtime("Map state input must be an array but was: " + items.getNodeType());
        }
        int count = items.size();
        if (distributed != null) {
            return runDistributed(items, effectiveInput, context, branch);
        }
        Failures failures = toleratedFailure.declared()
                ? new Failures(toleratedFailure.resolve(roots(effectiveInput, context, branch),
                statesVariable(effectiveInput, context), branch), count) : null;
        BranchOutcomes previous = BranchOutcomes.previous(branch.redriveIn(name()), count);
        branch.record("MapStateStarted", "mapStateStartedEventDetails",
                JsonNodeFactory.instance.objectNode().put("length", count));
        Progress progress = branch.execution().progress();
        Join join = new Join(count, progress);
        JsonNode[] results = new JsonNode[count];
        Iterations iterations = new Iterations(previous, BranchOutcomes.of(count), results);
        AtomicInteger nextItem = new AtomicInteger();
        int concurrency = concurrency(roots(effectiveInput, context, branch));
        int workers = Math.min(count, concurrency == 0 ? INLINE_CONCURRENCY : Math.min(concurrency,
                INLINE_CONCURRENCY));
        for (int w = 0; w < workers; w++) {
            progress.running();
            branch.execution().host().threads().execute(() -> {
                try {
                    int index;
                    while ((index = nextItem.getAndIncrement()) < count) {
                        iterate(branch, join, failures, effectiveInput, context, items.get(index), index,
                                iterations);
                    }
                } finally {
                    progress.stopped();
                }
            });
        }
        try {
            join.await(branch, "Map");
        } catch (StatesError error) {
            branch.branchesFailed(iterations.outcomes);
            throw error;
        }
        ArrayNode output = JsonNodeFactory.instance.arrayNode();
        for (JsonNode result : results) {
            output.add(result);
        }
        return output;
    }

    /** A distributed Map: each item after ItemSelector is (or is batched into) a child execution's input. */
    private JsonNode runDistributed(JsonNode items, JsonNode effectiveInput, JsonNode context, Branch branch) {
        java.util.List<JsonNode> inputs = new java.util.ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            inputs.add(selected(items.get(index), index, effectiveInput, context, branch));
        }
        ToleratedFailure.Threshold threshold = toleratedFailure.resolve(roots(effectiveInput, context, branch),
                statesVariable(effectiveInput, context), branch);
        return distributedState(items.size(), branch, () -> distributed.run(inputs,
                concurrency(roots(effectiveInput, context, branch)), threshold, effectiveInput, context, branch));
    }

    /** A distributed Map's events around its map run, {@code mapRun}, over {@code length} items. */
    private JsonNode distributedState(int length, Branch branch, java.util.function.Supplier<JsonNode> mapRun) {
        branch.record("MapStateStarted", "mapStateStartedEventDetails",
                JsonNodeFactory.instance.objectNode().put("length", length));
        try {
            JsonNode result = mapRun.get();
            branch.record("MapStateSucceeded", null, null);
            return result;
        } catch (StatesError error) {
            branch.checkStopped();
            branch.record("MapStateFailed", null, null);
            throw error;
        }
    }

    /**
     * MaxConcurrency, or what MaxConcurrencyPath reads ({@code roots} over the effective input): 0 is no limit of the
     * state's own.
     *
     * @throws StatesError {@code States.Runtime} when the path does not read a non-negative integer
     */
    private int concurrency(PathRoots roots) {
        if (concurrencyPath == null) {
            return declaredConcurrency;
        }
        JsonNode value = concurrencyPath.read(roots).orElse(null);
        int limit = distributed != null ? DistributedMap.MAX_CONCURRENCY : Integer.MAX_VALUE;
        if (value == null || !value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > limit) {
            throw StatesError.runtime("The MaxConcurrencyPath '" + concurrencyPath + "' must point to an integer "
                    + "from 0 to " + limit + " in the input '" + roots.data() + "'");
        }
        return value.asInt();
    }

    /** An item's input: the item, or what ItemSelector makes of it with {@code $$.Map.Item}. */
    private JsonNode selected(JsonNode item, int index, JsonNode effectiveInput, JsonNode context, Branch branch) {
        if (itemSelector == null && jsonataItemSelector == null) {
            return item;
        }
        ObjectNode selectorContext = context.deepCopy();
        selectorContext.set("Map", itemContext(item, index));
        return itemSelector != null ? itemSelector.apply(roots(effectiveInput, selectorContext, branch))
                : jsonataItemSelector.apply(statesVariable(effectiveInput, selectorContext), branch.variables());
    }

    private static ObjectNode itemContext(JsonNode item, int index) {
        ObjectNode mapContext = JsonNodeFactory.instance.objectNode();
        ObjectNode itemNode = mapContext.putObject("Item");
        itemNode.put("Index", index);
        itemNode.set("Value", item);
        return mapContext;
    }

    /**
     * The iterations of one run of an inline Map: their outputs, in item order, what became of each (for a redrive
     * in this state) and, on a redrive, what the attempt before left of them.
     */
    private record Iterations(BranchOutcomes previous, BranchOutcomes outcomes, JsonNode[] results) {
    }

    /**
     * Runs one iteration and puts its output in {@code iterations}; it always ends by telling {@code join}, with its
     * last event, once the output is in place. On a redrive an iteration that succeeded before keeps its output
     * and does not run; one that failed or was aborted runs on from where it stopped.
     */
    private void iterate(Branch parent, Join join, Failures failures, JsonNode effectiveInput, JsonNode context,
                         JsonNode item, int index, Iterations iterations) {
        Branch iteration = null;
        JsonNode[] results = iterations.results();
        try {
            JsonNode kept = iterations.previous().kept(index);
            if (kept != null) {
                results[index] = kept;
                iterations.outcomes().succeeded(index, kept);
                return;
            }
            if (join.firstError() != null) {
                return;
            }
            iteration = parent.fork(itemContext(item, index), join.group);
            ObjectNode details = JsonNodeFactory.instance.objectNode().put("name", name()).put("index", index);
            iteration.record("MapIterationStarted", "mapIterationStartedEventDetails", details);
            try {
                JsonNode input = selected(item, index, effectiveInput, context, parent);
                JsonNode result = iteration.runAgain(processor, iterations.previous().stoppedAt(index), input);
                iteration.record("MapIterationSucceeded", "mapIterationSucceededEventDetails", details);
                results[index] = result;
                iterations.outcomes().succeeded(index, result);
            } catch (StatesError error) {
                iterations.outcomes().stopped(index, iteration.failedAt());
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
