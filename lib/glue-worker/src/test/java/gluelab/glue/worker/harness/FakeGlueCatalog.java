package gluelab.glue.worker.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Lab Cloud's Glue Data Catalog until it lands: answers GetTable and GetPartitions
 * (AWS JSON 1.1) with canned JSON, and records every request body by operation. It does not
 * evaluate GetPartitions' Expression: that is the catalog's job, not the runtime's.
 */
public final class FakeGlueCatalog implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> responses = new ConcurrentHashMap<>();
    public final List<Map.Entry<String, JsonNode>> requests = new CopyOnWriteArrayList<>();

    public FakeGlueCatalog() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The JSON body to answer {@code operation} (e.g. GetTable) with. */
    public void answer(String operation, String json) {
        responses.put(operation, json);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            requests.add(Map.entry(operation, WorkerProcess.JSON.readTree(exchange.getRequestBody())));
            String body = responses.get(operation);
            int status = 200;
            if (body == null) {
                status = 400;
                body = "{\"__type\":\"EntityNotFoundException\",\"message\":\"no canned answer for " + operation + "\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
