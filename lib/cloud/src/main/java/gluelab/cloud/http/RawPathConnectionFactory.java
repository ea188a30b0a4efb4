package gluelab.cloud.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * HTTP/1.1 connections that accept any request path. Jetty refuses, before any handler runs, a path
 * whose dot segments climb above the root ({@code /bucket/../../key}); S3 keys may legally look like
 * that, and the SDK sends them as they are. Such a request reaches Jetty with a harmless stand-in path,
 * and its real path travels in a header that only this class can set: one a client sends is dropped.
 */
final class RawPathConnectionFactory extends HttpConnectionFactory {

    /** Carries the path as sent when Jetty could not take it; see {@link JettyExchange#rawPath()}. */
    static final String RAW_PATH_HEADER = "X-Lab-Cloud-Raw-Path";
    private static final String STAND_IN_PATH = "/_lab-cloud-raw-path";

    RawPathConnectionFactory(HttpConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new RawPathConnection(getHttpConfiguration(), connector, endPoint);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    private static final class RawPathConnection extends HttpConnection {

        RawPathConnection(HttpConfiguration configuration, Connector connector, EndPoint endPoint) {
            super(configuration, connector, endPoint);
        }

        @Override
        protected RequestHandler newRequestHandler() {
            return new RawPathRequestHandler();
        }

        private final class RawPathRequestHandler extends RequestHandler {

            @Override
            public void startRequest(String method, String uri, HttpVersion version) {
                if (uri == null || !uri.startsWith("/") || jettyAccepts(uri)) {
                    super.startRequest(method, uri, version);
                    return;
                }
                int question = uri.indexOf('?');
                String path = question < 0 ? uri : uri.substring(0, question);
                String query = question < 0 ? "" : uri.substring(question);
                super.startRequest(method, STAND_IN_PATH + query, version);
                super.parsedHeader(new HttpField(RAW_PATH_HEADER, path));
            }

            @Override
            public void parsedHeader(HttpField field) {
                if (!RAW_PATH_HEADER.equalsIgnoreCase(field.getName())) {
                    super.parsedHeader(field);
                }
            }

            private boolean jettyAccepts(String uri) {
                try {
                    HttpURI.build(uri);
                    return true;
                } catch (IllegalArgumentException refused) {
                    return false;
                }
            }
        }
    }
}
