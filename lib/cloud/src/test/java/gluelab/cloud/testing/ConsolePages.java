package gluelab.cloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** Reads the web console's JSON pages ({@code /_lab/ui/api/views/…}) as the browser does. */
public final class ConsolePages {

    private ConsolePages() {
    }

    /** The page at {@code path} (e.g. {@code s3/buckets/b}), which must answer 200. */
    public static JsonNode page(RunningLabCloud cloud, String pathAndQuery) {
        HttpResponse<String> answer = cloud.http(cloud.request("/_lab/ui/api/views/" + pathAndQuery).GET());
        assertThat(answer.statusCode()).as(pathAndQuery + ": " + answer.body()).isEqualTo(200);
        return LabAdmin.json(answer);
    }

    /** The page's block titled {@code title}. */
    public static JsonNode block(JsonNode page, String title) {
        return StreamSupport.stream(page.get("blocks").spliterator(), false)
                .filter(block -> title.equals(block.path("title").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("No block '" + title + "' in " + page));
    }

    /** The rows of the table titled {@code title}, each as its cells' text. */
    public static List<List<String>> rows(JsonNode page, String title) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : block(page, title).get("rows")) {
            List<String> cells = new ArrayList<>();
            row.get("cells").forEach(cell -> cells.add(cell.isNull() ? null : cell.asText()));
            rows.add(cells);
        }
        return rows;
    }

    /** The links of the rows of the table titled {@code title}. */
    public static List<String> links(JsonNode page, String title) {
        List<String> links = new ArrayList<>();
        block(page, title).get("rows").forEach(row -> links.add(row.path("link").asText(null)));
        return links;
    }

    /** The value of the field labelled {@code label} in the fields block titled {@code title}. */
    public static String field(JsonNode page, String title, String label) {
        for (JsonNode field : block(page, title).get("fields")) {
            if (label.equals(field.get("label").asText())) {
                return field.get("value").asText();
            }
        }
        throw new AssertionError("No field '" + label + "' in " + block(page, title));
    }
}
