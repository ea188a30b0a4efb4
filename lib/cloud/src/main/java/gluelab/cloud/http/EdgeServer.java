package gluelab.cloud.http;

import java.net.InetSocketAddress;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The one HTTP port of Lab Cloud. It hands every request, unmodified, to the edge handler: paths are not
 * normalized or rejected here, because S3 keys may legally contain {@code ..}, {@code //} and {@code %2F}.
 */
public final class EdgeServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;

    public EdgeServer(String bindAddress, int port, Consumer<HttpExchange> handler) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName("lab-edge");
        threads.setDaemon(true);
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(64 * 1024);
        http.setUriCompliance(UriCompliance.UNSAFE);
        http.setHttpCompliance(HttpCompliance.RFC7230);
        // Jetty's header cache would hand back its own spelling of common values (charset=utf-8 for a
        // signed charset=UTF-8), and SigV4 signs header values exactly as sent.
        http.setHeaderCacheCaseSensitive(true);
        connector = new ServerConnector(server, new RawPathConnectionFactory(http));
        connector.setHost(bindAddress);
        connector.setPort(port);
        connector.setIdleTimeout(120_000);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                JettyExchange exchange = new JettyExchange(request, response);
                try {
                    handler.accept(exchange);
                    if (!exchange.responded() && !response.isCommitted()) {
                        // The handler gave up on a broken request (e.g. a body that ended early).
                        exchange.respond(HttpResponse.of(400, "text/plain", "Bad Request"));
                    }
                    callback.succeeded();
                } catch (Throwable t) {
                    callback.failed(t);
                }
                return true;
            }
        });
        server.setErrorHandler(new MalformedRequestErrorHandler());
    }

    public void start() throws Exception {
        server.start();
    }

    public int port() {
        return connector.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
