package gluelab.kernel.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/** A view of one nbformat 4 cell; changes write through to the notebook's JSON, keeping ids and metadata. */
public final class Cell {

    private final ObjectNode json;

    Cell(ObjectNode json) {
        this.json = json;
    }

    public String type() {
        return json.path("cell_type").asText();
    }

    public boolean isCode() {
        return "code".equals(type());
    }

    public String source() {
        return MultilineText.read(json.get("source"));
    }

    public void setSource(String source) {
        json.set("source", MultilineText.write(source));
    }

    /** The first non-blank line of the source, trimmed: how reports name a cell. */
    public String firstLine() {
        return source().lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("");
    }

    public ObjectNode metadata() {
        JsonNode metadata = json.get("metadata");
        if (metadata instanceof ObjectNode object) {
            return object;
        }
        return json.putObject("metadata");
    }

    /** The nbgrader metadata, if the cell has any. */
    public Optional<ObjectNode> nbgrader() {
        return json.path("metadata").get("nbgrader") instanceof ObjectNode nbgrader ? Optional.of(nbgrader) : Optional.empty();
    }

    /** The check this cell grades, if it is a check cell ({@code nbgrader.grade == true}). */
    public Optional<CheckSpec> check() {
        return nbgrader()
                .filter(nbgrader -> nbgrader.path("grade").asBoolean(false))
                .map(nbgrader -> new CheckSpec(
                        nbgrader.path("grade_id").asText(json.path("id").asText("unnamed")),
                        nbgrader.path("points").asDouble(0)));
    }

    /** Replaces the outputs and the execution count of a code cell ({@code null} count: not executed). */
    public void setOutputs(ArrayNode outputs, Integer executionCount) {
        json.set("outputs", outputs);
        if (executionCount == null) {
            json.putNull("execution_count");
        } else {
            json.put("execution_count", executionCount);
        }
    }

    public void clearOutputs() {
        if (isCode()) {
            setOutputs(json.arrayNode(), null);
        }
    }

    public ArrayNode outputs() {
        return json.get("outputs") instanceof ArrayNode outputs ? outputs : json.arrayNode();
    }
}
