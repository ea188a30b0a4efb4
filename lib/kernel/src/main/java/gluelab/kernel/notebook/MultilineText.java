package gluelab.kernel.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * nbformat's multiline strings: stored as a list of lines that keep their newlines (as Jupyter writes them),
 * read from either that list or a plain string.
 */
public final class MultilineText {

    private MultilineText() {
    }

    public static String read(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            StringBuilder text = new StringBuilder();
            node.forEach(line -> text.append(line.asText()));
            return text.toString();
        }
        return node.asText();
    }

    public static ArrayNode write(String text) {
        ArrayNode lines = JsonNodeFactory.instance.arrayNode();
        splitLines(text).forEach(lines::add);
        return lines;
    }

    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
