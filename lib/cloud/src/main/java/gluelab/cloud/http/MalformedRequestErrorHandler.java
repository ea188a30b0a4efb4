package gluelab.cloud.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers requests that are not valid HTTP/1.x at all, before any service sees them. Jetty's parser
 * would say 505 for an unknown protocol version or 500 for some broken framings; for a client those are
 * simply bad requests, so they get a 400. Client errors Jetty reports (414, 431) keep their status.
 */
final class MalformedRequestErrorHandler implements Request.Handler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (status < 400 || status >= 500) {
            response.setStatus(400);
        }
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>BadRequest</Code>"
                + "<Message>The request is not a valid HTTP/1.1 request.</Message></Error>";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
