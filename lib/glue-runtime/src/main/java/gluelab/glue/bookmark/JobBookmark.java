package gluelab.glue.bookmark;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A job bookmark: for each {@code transformation_ctx}, the input objects the job has processed,
 * by path and modification time. This is the JobBookmark text GetJobBookmark returns:
 * <pre>
 * {"source_orders": {"jsonClass": "HadoopDataSourceJobBookmarkState", "version": 1,
 *                    "paths": ["s3://raw/orders/"], "latestModifiedMillis": 1767225600000,
 *                    "files": {"s3://raw/orders/a.csv": 1767225600000}}}
 * </pre>
 * An object is new to a context when its path is not in {@code files}, or its modification time
 * is later than the one recorded (a rewritten object is read again, as in Glue).
 */
public final class JobBookmark {

    public static final String JSON_CLASS = "HadoopDataSourceJobBookmarkState";
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final Map<String, ContextState> contexts;

    public JobBookmark(Map<String, ContextState> contexts) {
        this.contexts = Collections.unmodifiableMap(new LinkedHashMap<>(contexts));
    }

    public static JobBookmark empty() {
        return new JobBookmark(Map.of());
    }

    public Map<String, ContextState> contexts() {
        return contexts;
    }

    public ContextState context(String transformationContext) {
        return contexts.getOrDefault(transformationContext, ContextState.EMPTY);
    }

    /** The state of one transformation context. {@code files} maps path to modification time. */
    public record ContextState(List<String> paths, Map<String, Long> files) {
        static final ContextState EMPTY = new ContextState(List.of(), Map.of());

        public boolean isNew(String path, long modifiedMillis) {
            Long seen = files.get(path);
            return seen == null || modifiedMillis > seen;
        }

        public long latestModifiedMillis() {
            return files.values().stream().mapToLong(Long::longValue).max().orElse(0L);
        }
    }

    public static JobBookmark parse(String json) {
        if (json == null || json.isBlank()) {
            return empty();
        }
        try {
            JsonNode root = JSON.readTree(json);
            Map<String, ContextState> contexts = new LinkedHashMap<>();
            root.fields().forEachRemaining(entry -> {
                JsonNode node = entry.getValue();
                List<String> paths = new java.util.ArrayList<>();
                node.path("paths").forEach(p -> paths.add(p.asText()));
                Map<String, Long> files = new TreeMap<>();
                node.path("files").fields().forEachRemaining(f -> files.put(f.getKey(), f.getValue().asLong()));
                contexts.put(entry.getKey(), new ContextState(paths, files));
            });
            return new JobBookmark(contexts);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JobBookmark: " + json, e);
        }
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        contexts.forEach((name, state) -> {
            ObjectNode node = root.putObject(name);
            node.put("jsonClass", JSON_CLASS);
            node.put("version", 1);
            state.paths().forEach(node.putArray("paths")::add);
            if (state.paths().isEmpty()) {
                node.putArray("paths");
            }
            node.put("latestModifiedMillis", state.latestModifiedMillis());
            ObjectNode files = node.putObject("files");
            new TreeMap<>(state.files()).forEach(files::put);
        });
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return toJson();
    }
}
