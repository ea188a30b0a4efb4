package gluelab.glue.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.glue.GlueClient;

import gluelab.glue.spi.RunEnvironments;
import gluelab.glue.spi.WorkerLikeEnvironment;

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
        // As a worker binds a run: Lab Cloud's endpoint, the run's region, the job role's session.
        RunEnvironments.bind(new WorkerLikeEnvironment(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "eu-west-1", StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIARUN", "secret", "token"))));
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

}
