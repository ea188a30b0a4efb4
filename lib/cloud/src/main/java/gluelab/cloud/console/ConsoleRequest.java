package gluelab.cloud.console;

import java.util.List;
import java.util.Map;

/**
 * A request for one console page: the account and region to look in, the path after the view's name (decoded
 * segments), and the query ({@code ?next=} for the next page of a long table).
 */
public record ConsoleRequest(String account, String region, List<String> path, Map<String, String> query) {

    public ConsoleRequest {
        path = List.copyOf(path);
        query = Map.copyOf(query);
    }

    /** The segment at {@code index}, or null when the path is shorter. */
    public String segment(int index) {
        return index < path.size() ? path.get(index) : null;
    }

    /** Whether the path is exactly {@code segments}, where a null segment matches any one segment. */
    public boolean is(String... segments) {
        if (segments.length != path.size()) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            if (segments[i] != null && !segments[i].equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    public String query(String name) {
        return query.get(name);
    }

    /** No page is at this path: the view answers 404. */
    public ConsoleNotFound notFound() {
        return new ConsoleNotFound("No console page " + String.join("/", path));
    }
}
