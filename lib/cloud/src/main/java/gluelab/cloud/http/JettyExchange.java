package gluelab.cloud.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** An {@link HttpExchange} over a Jetty request and response. */
final class JettyExchange implements HttpExchange {

    private static final long MAX_DRAIN = 1024 * 1024;

    private final Request request;
    private final Response response;
    private QueryString query;
    private InputStream body;
    private boolean responded;

    JettyExchange(Request request, Response response) {
        this.request = request;
        this.response = response;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String rawPath() {
        String carried = request.getHeaders().get(RawPathConnectionFactory.RAW_PATH_HEADER);
        if (carried != null) {
            return carried;
        }
        String path = request.getHttpURI().getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    @Override
    public String rawQuery() {
        return request.getHttpURI().getQuery();
    }

    @Override
    public QueryString query() {
        if (query == null) {
            query = QueryString.parseUrlQuery(rawQuery());
        }
        return query;
    }

    @Override
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    @Override
    public List<String> headers(String name) {
        return request.getHeaders().getValuesList(name);
    }

    @Override
    public Collection<String> headerNames() {
        return request.getHeaders().getFieldNamesCollection().stream()
                .filter(name -> !name.equalsIgnoreCase(RawPathConnectionFactory.RAW_PATH_HEADER)).toList();
    }

    @Override
    public InputStream body() {
        if (body == null) {
            body = Content.Source.asInputStream(request);
        }
        return body;
    }

    @Override
    public String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    @Override
    public void respond(HttpResponse out) throws IOException {
        responded = true;
        boolean keepConnection = consumeUnreadBody();
        response.setStatus(out.status());
        HttpFields.Mutable headers = response.getHeaders();
        for (Map.Entry<String, String> header : out.headers()) {
            headers.add(new HttpField(header.getKey(), header.getValue()));
        }
        if (!keepConnection) {
            headers.put("Connection", "close");
        }
        if (out.headerValue("Content-Length") == null && out.contentLength() >= 0) {
            headers.put("Content-Length", Long.toString(out.contentLength()));
        }
        if (isHead() || out.status() == 204 || out.status() == 304) {
            out.body().close();
            return;
        }
        try (InputStream in = out.body(); OutputStream stream = Content.Sink.asOutputStream(response)) {
            in.transferTo(stream);
        }
    }

    /**
     * An answer given before the body was read (an auth error, say) must not leave the body on the
     * connection, or the client's next request on it would be misread. Small bodies are read and dropped;
     * for large ones, or ones the client has not sent yet (Expect: 100-continue), the connection is closed.
     *
     * @return whether the connection can be kept
     */
    private boolean consumeUnreadBody() {
        String length = request.getHeaders().get("Content-Length");
        boolean chunked = request.getHeaders().contains("Transfer-Encoding");
        if (length == null && !chunked) {
            return true;
        }
        if (request.getHeaders().contains("Expect", "100-continue") && body == null) {
            return false;
        }
        try {
            long remaining = length == null ? MAX_DRAIN + 1 : Long.parseLong(length.trim());
            if (remaining > MAX_DRAIN && body == null) {
                return false;
            }
            InputStream in = body();
            byte[] buffer = new byte[8192];
            long drained = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                drained += n;
                if (drained > MAX_DRAIN) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean responded() {
        return responded;
    }
}
