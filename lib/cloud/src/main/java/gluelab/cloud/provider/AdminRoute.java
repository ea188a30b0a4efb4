package gluelab.cloud.provider;

import gluelab.cloud.http.HttpExchange;
import java.util.function.Consumer;

/**
 * A route a service adds under {@code /_lab/}: every request whose path is {@code /_lab/<prefix>} or below it
 * goes to {@code handler}, which answers it whole (status, headers and body).
 *
 * @param prefix the path below {@code /_lab/}, e.g. {@code ses/messages}; no leading or trailing slash
 */
public record AdminRoute(String prefix, Consumer<HttpExchange> handler) {

    public AdminRoute {
        if (prefix.isEmpty() || prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("An admin route prefix looks like ses/messages, not '" + prefix + "'");
        }
    }

    /** Whether {@code rawPath} ({@code /_lab/…}) is this route or below it. */
    public boolean matches(String rawPath) {
        String own = "/_lab/" + prefix;
        return rawPath.equals(own) || rawPath.startsWith(own + "/");
    }
}
