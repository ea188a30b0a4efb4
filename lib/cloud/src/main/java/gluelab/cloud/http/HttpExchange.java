package gluelab.cloud.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;

/**
 * One HTTP request and the means to answer it. Codecs and providers see only this, never the server
 * library, so the same code serves Jetty and in-process calls between services.
 */
public interface HttpExchange {

    String method();

    /** The path exactly as sent: percent-encoded, not normalized, without the query. */
    String rawPath();

    /** The query exactly as sent, or null. */
    String rawQuery();

    QueryString query();

    /** The first value of a header, matched case-insensitively, or null. */
    String header(String name);

    List<String> headers(String name);

    Collection<String> headerNames();

    /** The raw request body. It can be read once. */
    InputStream body();

    String remoteAddress();

    void respond(HttpResponse response) throws IOException;

    boolean responded();

    default boolean isHead() {
        return "HEAD".equals(method());
    }

    /** The Host header without the port. */
    default String hostName() {
        String host = header("Host");
        if (host == null) {
            return "";
        }
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
