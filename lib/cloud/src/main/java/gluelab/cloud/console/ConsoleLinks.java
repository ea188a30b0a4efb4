package gluelab.cloud.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Links between console pages: a path of segments, each percent-encoded, so that a name with a slash, a space
 * or a {@code #} (an S3 key) stays one segment. The browser puts it after {@code #/}.
 */
public final class ConsoleLinks {

    private ConsoleLinks() {
    }

    /** {@code to("s3", "buckets", "b", "a/b.csv")} is {@code s3/buckets/b/a%2Fb.csv}. */
    public static String to(String... segments) {
        return Arrays.stream(segments)
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    /** One parameter of a page's query, {@code name=value} encoded, e.g. a table's next page. */
    public static String parameter(String name, String value) {
        return name + "=" + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
