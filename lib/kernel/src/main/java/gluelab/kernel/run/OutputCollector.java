package gluelab.kernel.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.kernel.eval.CellError;
import gluelab.kernel.eval.CellListener;
import gluelab.kernel.eval.StdStream;
import gluelab.kernel.notebook.MultilineText;
import gluelab.lab.display.MimeBundle;

import java.io.IOException;
import java.util.Map;

/**
 * Collects a cell's outputs as Jupyter stores them in an {@code .ipynb}: consecutive text on the same stream
 * is one {@code stream} output, rich outputs are {@code display_data}, the last expression is an
 * {@code execute_result}, a failure an {@code error}. An update of a display replaces the content of the
 * {@code display_data} it names, in this cell or an earlier one.
 */
final class OutputCollector implements CellListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int executionCount;
    private final DisplayedOutputs displayed;
    private final ArrayNode outputs = JSON.createArrayNode();
    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private ObjectNode openStream;
    private String openStreamText = "";

    OutputCollector(int executionCount, DisplayedOutputs displayed) {
        this.executionCount = executionCount;
        this.displayed = displayed;
    }

    @Override
    public synchronized void stream(StdStream stream, String text) {
        (stream == StdStream.STDOUT ? stdout : stderr).append(text);
        if (openStream != null && openStream.path("name").asText().equals(stream.jupyterName())) {
            openStreamText += text;
        } else {
            openStream = outputs.addObject();
            openStream.put("name", stream.jupyterName());
            openStream.put("output_type", "stream");
            openStreamText = text;
        }
        openStream.set("text", MultilineText.write(openStreamText));
    }

    @Override
    public synchronized void display(MimeBundle bundle, String displayId) {
        openStream = null;
        ObjectNode output = outputs.addObject();
        output.put("output_type", "display_data");
        putBundle(output, bundle);
        displayed.shown(displayId, output);
    }

    @Override
    public synchronized void updateDisplay(String displayId, MimeBundle bundle) {
        for (ObjectNode output : displayed.under(displayId)) {
            putBundle(output, bundle);
        }
    }

    @Override
    public synchronized void result(MimeBundle bundle) {
        openStream = null;
        ObjectNode output = outputs.addObject();
        output.put("output_type", "execute_result");
        output.put("execution_count", executionCount);
        putBundle(output, bundle);
    }

    @Override
    public synchronized void error(CellError error) {
        openStream = null;
        ObjectNode output = outputs.addObject();
        output.put("output_type", "error");
        output.put("ename", error.ename());
        output.put("evalue", error.evalue());
        ArrayNode traceback = output.putArray("traceback");
        error.traceback().forEach(traceback::add);
    }

    synchronized ArrayNode outputs() {
        return outputs;
    }

    synchronized String stdout() {
        return stdout.toString();
    }

    synchronized String stderr() {
        return stderr.toString();
    }

    private static void putBundle(ObjectNode output, MimeBundle bundle) {
        ObjectNode data = output.putObject("data");
        for (Map.Entry<String, String> entry : bundle.data().entrySet()) {
            data.set(entry.getKey(), mimeValue(entry.getKey(), entry.getValue()));
        }
        output.set("metadata", JSON.valueToTree(bundle.metadata()));
    }

    /** JSON MIME types are stored as JSON; everything else as multiline text. */
    private static JsonNode mimeValue(String mimeType, String content) {
        if (mimeType.equals("application/json") || mimeType.endsWith("+json")) {
            try {
                return JSON.readTree(content);
            } catch (IOException e) {
                return JSON.getNodeFactory().textNode(content);
            }
        }
        return MultilineText.write(content);
    }
}
