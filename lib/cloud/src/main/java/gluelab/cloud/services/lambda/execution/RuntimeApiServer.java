package gluelab.cloud.services.lambda.execution;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lab Cloud's side of the Lambda Runtime API (version 2018-06-01), which AWS's Runtime Interface Client in each
 * execution environment calls: {@code GET …/runtime/invocation/next}, {@code POST …/runtime/invocation/{id}/response},
 * {@code POST …/runtime/invocation/{id}/error} and {@code POST …/runtime/init/error}. It listens on its own loopback
 * port, apart from the edge, and each environment is given its own unguessable path prefix
 * ({@code AWS_LAMBDA_RUNTIME_API=127.0.0.1:port/<token>}), so one environment can neither take nor answer another's
 * invocations. {@code next} is a long poll: it holds its thread until the environment has work.
 */
final class RuntimeApiServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RuntimeApiServer.class.getName());
    private static final String VERSION = "/2018-06-01/runtime/";

    /** What an environment's calls do; each answers with a status, headers and body. */
    interface Handler {
        Answer next(String token) throws InterruptedException;

        Answer response(String token, String requestId, byte[] body);

        Answer error(String token, String requestId, byte[] body, String errorType);

        Answer initError(String token, byte[] body, String errorType);
    }

    record Answer(int status, Map<String, String> headers, byte[] body) {

        static Answer accepted() {
            return json(202, "{\"status\":\"OK\"}");
        }

        static Answer json(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"),
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        static Answer problem(int status, String errorType, String message) {
            return json(status, "{\"errorMessage\":\"" + message.replace("\"", "'") + "\",\"errorType\":\""
                    + errorType + "\"}");
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "lambda-runtime-api");
        thread.setDaemon(true);
        return thread;
    });

    RuntimeApiServer(Handler handler) {
        // Each answer is written as headers, then body: without TCP_NODELAY, Nagle's algorithm and the runtime's
        // delayed ACKs hold every invocation up by tens of milliseconds. The JDK's server reads this once.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the Lambda Runtime API", e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> serve(handler, exchange));
        server.start();
    }

    /** What {@code AWS_LAMBDA_RUNTIME_API} is for the environment holding {@code token}. */
    String address(String token) {
        return "127.0.0.1:" + server.getAddress().getPort() + "/" + token;
    }

    private static void serve(Handler handler, HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            int versionAt = path.indexOf(VERSION);
            Answer answer;
            if (versionAt < 2) {
                answer = Answer.problem(404, "InvalidRequest", "Not a Lambda Runtime API path: " + path);
            } else {
                String token = path.substring(1, versionAt);
                String[] rest = path.substring(versionAt + VERSION.length()).split("/");
                answer = route(handler, exchange, token, rest);
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "A runtime went away mid-call", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Answer route(Handler handler, HttpExchange exchange, String token, String[] rest)
            throws IOException, InterruptedException {
        String method = exchange.getRequestMethod();
        String errorType = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
        if (rest.length == 2 && rest[0].equals("invocation") && rest[1].equals("next") && method.equals("GET")) {
            return handler.next(token);
        }
        if (rest.length == 3 && rest[0].equals("invocation") && method.equals("POST")) {
            byte[] body = read(exchange.getRequestBody());
            if (rest[2].equals("response")) {
                return handler.response(token, rest[1], body);
            }
            if (rest[2].equals("error")) {
                return handler.error(token, rest[1], body, errorType);
            }
        }
        if (rest.length == 2 && rest[0].equals("init") && rest[1].equals("error") && method.equals("POST")) {
            return handler.initError(token, read(exchange.getRequestBody()), errorType);
        }
        return Answer.problem(404, "InvalidRequest", "No such Runtime API call: " + method + " " + String.join("/", rest));
    }

    private static byte[] read(InputStream body) throws IOException {
        try (body) {
            return body.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
