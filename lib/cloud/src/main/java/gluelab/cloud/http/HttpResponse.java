package gluelab.cloud.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A response on its way out: status, headers in order, and a body that is either bytes or a stream of
 * known length (S3 objects are streamed from disk, never loaded whole).
 */
public final class HttpResponse {

    private final int status;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private InputStream body = InputStream.nullInputStream();
    private long contentLength = 0;

    public HttpResponse(int status) {
        this.status = status;
    }

    public static HttpResponse of(int status, String contentType, byte[] body) {
        return new HttpResponse(status).header("Content-Type", contentType).body(body);
    }

    public static HttpResponse of(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse header(String name, String value) {
        if (value != null) {
            headers.add(Map.entry(name, value));
        }
        return this;
    }

    public HttpResponse body(byte[] bytes) {
        this.body = new ByteArrayInputStream(bytes);
        this.contentLength = bytes.length;
        return this;
    }

    public HttpResponse body(InputStream stream, long length) {
        this.body = stream;
        this.contentLength = length;
        return this;
    }

    public int status() {
        return status;
    }

    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    public String headerValue(String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    public InputStream body() {
        return body;
    }

    public long contentLength() {
        return contentLength;
    }
}
