package gluelab.glue.worker.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A read-only stand-in for Lab Cloud's S3 until it lands: path-style HEAD and GET (with Range) of
 * objects and ListObjectsV2, on a free loopback port. It records each request's access key id.
 * It checks no signature: it exists to test the worker's S3 wiring, not S3.
 */
public final class FakeS3 implements AutoCloseable {

    private record StoredObject(byte[] body, Instant modified) {
    }

    private final HttpServer server;
    private final Map<String, TreeMap<String, StoredObject>> buckets = new ConcurrentHashMap<>();
    public final List<String> accessKeyIds = new CopyOnWriteArrayList<>();

    public FakeS3() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void put(String bucket, String key, byte[] body) {
        buckets.computeIfAbsent(bucket, b -> new TreeMap<>()).put(key, new StoredObject(body, Instant.now()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth != null && auth.contains("Credential=")) {
                accessKeyIds.add(auth.replaceAll(".*Credential=([^/]+)/.*", "$1"));
            }
            String path = exchange.getRequestURI().getRawPath().substring(1);
            int slash = path.indexOf('/');
            String bucket = URLDecoder.decode(slash < 0 ? path : path.substring(0, slash), StandardCharsets.UTF_8);
            String key = slash < 0 ? "" : URLDecoder.decode(path.substring(slash + 1), StandardCharsets.UTF_8);
            TreeMap<String, StoredObject> objects = buckets.get(bucket);
            if (objects == null) {
                error(exchange, 404, "NoSuchBucket");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (key.isEmpty() && "2".equals(query.get("list-type"))) {
                list(exchange, bucket, objects, query);
                return;
            }
            StoredObject object = objects.get(key);
            if (object == null) {
                error(exchange, 404, "NoSuchKey");
                return;
            }
            byte[] body = object.body();
            int from = 0;
            int to = body.length - 1;
            String range = exchange.getRequestHeaders().getFirst("Range");
            if (range != null && range.startsWith("bytes=")) {
                String[] parts = range.substring(6).split("-");
                from = Integer.parseInt(parts[0]);
                if (parts.length > 1 && !parts[1].isEmpty()) {
                    to = Math.min(to, Integer.parseInt(parts[1]));
                }
            }
            exchange.getResponseHeaders().add("ETag", "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"");
            exchange.getResponseHeaders().add("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(object.modified().atZone(ZoneOffset.UTC)));
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
            int length = Math.max(0, to - from + 1);
            boolean partial = range != null;
            if (partial) {
                exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + to + "/" + body.length);
            }
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().add("Content-Length", Integer.toString(body.length));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(partial ? 206 : 200, length == 0 ? -1 : length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, from, length);
            }
        }
    }

    private void list(HttpExchange exchange, String bucket, TreeMap<String, StoredObject> objects, Map<String, String> query) throws IOException {
        String prefix = query.getOrDefault("prefix", "");
        String delimiter = query.get("delimiter");
        StringBuilder contents = new StringBuilder();
        TreeSet<String> common = new TreeSet<>();
        int count = 0;
        for (Map.Entry<String, StoredObject> e : objects.tailMap(prefix).entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(prefix)) {
                break;
            }
            String rest = key.substring(prefix.length());
            if (delimiter != null && rest.contains(delimiter)) {
                common.add(prefix + rest.substring(0, rest.indexOf(delimiter) + delimiter.length()));
                continue;
            }
            count++;
            contents.append("<Contents><Key>").append(xml(key)).append("</Key><LastModified>")
                    .append(DateTimeFormatter.ISO_INSTANT.format(e.getValue().modified())).append("</LastModified><ETag>&quot;x&quot;</ETag><Size>")
                    .append(e.getValue().body().length).append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">")
                .append("<Name>").append(xml(bucket)).append("</Name><Prefix>").append(xml(prefix)).append("</Prefix><KeyCount>")
                .append(count + common.size()).append("</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>").append(contents);
        common.forEach(p -> xml.append("<CommonPrefixes><Prefix>").append(xml(p)).append("</Prefix></CommonPrefixes>"));
        xml.append("</ListBucketResult>");
        byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void error(HttpExchange exchange, int status, String code) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + code + "</Message></Error>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new LinkedHashMap<>();
        if (raw == null) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            map.put(k, v);
        }
        return map;
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
