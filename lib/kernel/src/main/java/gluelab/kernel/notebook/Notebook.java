package gluelab.kernel.notebook;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * An nbformat 4 notebook as JSON. Everything not touched through {@link Cell} (ids, metadata, attachments)
 * is kept as read; files are written the way Jupyter writes them (sorted keys, one-space indent, multiline
 * strings as lists of lines).
 */
public final class Notebook {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode json;

    private Notebook(ObjectNode json) {
        this.json = json;
    }

    public static Notebook read(Path path) throws IOException {
        return parse(Files.readString(path), path.toString());
    }

    public static Notebook parse(String text, String name) throws IOException {
        JsonNode root = JSON.readTree(text);
        if (!(root instanceof ObjectNode object) || !(object.get("cells") instanceof ArrayNode)) {
            throw new IOException(name + " is not a notebook: no cells");
        }
        int major = object.path("nbformat").asInt(0);
        if (major != 4) {
            throw new IOException(name + " is nbformat " + major + "; only nbformat 4 is supported");
        }
        return new Notebook(object);
    }

    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        json.get("cells").forEach(cell -> cells.add(new Cell((ObjectNode) cell)));
        return cells;
    }

    public Notebook copy() {
        return new Notebook(json.deepCopy());
    }

    public void write(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(path, toJson());
    }

    public String toJson() {
        try {
            StringWriter out = new StringWriter();
            try (JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
                generator.setPrettyPrinter(new NbformatPrettyPrinter());
                JSON.writeTree(generator, sortedKeys(json));
            }
            return out + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    private static JsonNode sortedKeys(JsonNode node) {
        if (node instanceof ObjectNode object) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                sorted.put(name, sortedKeys(object.get(name)));
            }
            ObjectNode copy = JSON.createObjectNode();
            copy.setAll(sorted);
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            array.forEach(element -> copy.add(sortedKeys(element)));
            return copy;
        }
        return node;
    }
}
