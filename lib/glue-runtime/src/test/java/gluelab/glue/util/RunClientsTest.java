package gluelab.glue.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.glue.GlueClient;

import gluelab.glue.spi.BookmarkOption;
import gluelab.glue.spi.RunEnvironment;
import gluelab.glue.spi.RunEnvironments;

class RunClientsTest {

    @Test
    void aJobsGlueClientCallsTheRunsEndpointInItsRegionSignedWithItsRoleSession() throws Exception {
        AtomicReference<String> authorization = new AtomicReference<>();
        AtomicReference<String> target = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            target.set(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            byte[] body = "{\"RunProperties\":{\"rows\":\"42\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        RunEnvironments.bind(new RoleSessionRun(URI.create("http://127.0.0.1:" + server.getAddress().getPort())));
        try (GlueClient glue = RunClients.glue()) {
            Map<String, String> properties = glue.getWorkflowRunProperties(r -> r.name("flow").runId("wr_1")).runProperties();

            assertEquals(Map.of("rows", "42"), properties);
            assertEquals("AWSGlue.GetWorkflowRunProperties", target.get());
            assertTrue(authorization.get().contains("Credential=ASIARUN/"), authorization.get());
            assertTrue(authorization.get().contains("/eu-west-1/glue/aws4_request"), authorization.get());
        } finally {
            RunEnvironments.unbind();
            server.stop(0);
        }
    }

    /** A run as a Lab Cloud worker binds it: the job role's session, Lab Cloud's endpoint, the run's region. */
    private record RoleSessionRun(URI endpointUri) implements RunEnvironment {
        private static final ConcurrentMap<String, Object> ATTRIBUTES = new ConcurrentHashMap<>();

        @Override
        public String runId() {
            return "jr_1";
        }

        @Override
        public String jobName() {
            return "load";
        }

        @Override
        public BookmarkOption bookmarkOption() {
            return BookmarkOption.DISABLE;
        }

        @Override
        public Optional<String> bookmarkState() {
            return Optional.empty();
        }

        @Override
        public void commitBookmark(String jobBookmarkJson) {
        }

        @Override
        public Optional<URI> endpoint() {
            return Optional.of(endpointUri);
        }

        @Override
        public String region() {
            return "eu-west-1";
        }

        @Override
        public AwsCredentialsProvider credentials() {
            return StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIARUN", "secret", "token"));
        }

        @Override
        public ConcurrentMap<String, Object> attributes() {
            return ATTRIBUTES;
        }
    }
}
