package gluelab.cloud.edge;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import gluelab.cloud.testing.SignedHttp;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Lab Cloud stays up and answers every request, however malformed, with a 2xx–4xx: at least 10,000
 * random and mutated requests across every protocol family, plus raw garbage on the socket. The counts
 * are printed and written to target/fuzz-report.txt.
 */
class ProtocolFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261127L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    private static final int RAW = Integer.getInteger("fuzz.raw", 500);

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void randomAndMutatedRequestsNeverGetA5xxAndTheCloudStaysUpWithBoundedMemory() throws Exception {
        FuzzRequests generator = new FuzzRequests(SEED);
        SignedHttp http = new SignedHttp(cloud.endpoint());
        long heapBefore = usedHeapAfterGc();
        Map<String, Integer> counts = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            FuzzRequests.Fuzzed request = generator.next();
            HttpResponse<byte[]> response;
            try {
                response = send(http, request);
            } catch (RuntimeException noAnswer) {
                counts.merge(request.family() + " no answer", 1, Integer::sum);
                if (serverErrors.size() < 20) {
                    serverErrors.add("#" + i + " " + request.family() + " " + request.method() + " "
                            + request.pathAndQuery() + " " + request.headers() + " body " + request.body().length
                            + " bytes -> no answer: " + noAnswer.getMessage());
                }
                continue;
            }
            int status = response.statusCode();
            counts.merge(request.family() + " " + (status / 100) + "xx", 1, Integer::sum);
            if (status >= 500 && serverErrors.size() < 20) {
                serverErrors.add("#" + i + " " + request.family() + " " + request.method() + " " + request.pathAndQuery()
                        + " " + request.headers() + " -> " + status + " "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
        }
        int rawAnswered = 0;
        for (int i = 0; i < RAW; i++) {
            int status = sendRaw(generator.rawGarbage());
            counts.merge("RAW " + (status < 0 ? "closed" : (status / 100) + "xx"), 1, Integer::sum);
            if (status >= 500 && serverErrors.size() < 20) {
                serverErrors.add("raw #" + i + " -> " + status);
            }
            rawAnswered += status > 0 ? 1 : 0;
        }
        long heapAfter = usedHeapAfterGc();
        String report = "seed " + SEED + ", " + REQUESTS + " requests + " + RAW + " raw (" + rawAnswered + " answered)\n"
                + counts.entrySet().stream().map(e -> "  " + e.getKey() + ": " + e.getValue())
                .reduce((a, b) -> a + "\n" + b).orElse("")
                + "\nheap after GC: " + heapBefore / 1024 / 1024 + " MiB before, " + heapAfter / 1024 / 1024 + " MiB after\n";
        System.out.println(report);
        Files.writeString(Path.of("target/fuzz-report.txt"), report);

        assertThat(serverErrors).as("5xx answers or no answer").isEmpty();
        assertThat(cloud.http(cloud.request("/_lab/health").GET()).statusCode()).isEqualTo(200);
        try (StsClient sts = cloud.client(StsClient.builder())) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("000000000000");
        }
        assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(96L * 1024 * 1024);
    }

    private static HttpResponse<byte[]> send(SignedHttp http, FuzzRequests.Fuzzed request) {
        if (request.signed()) {
            return http.send(request.service(), request.method(), request.pathAndQuery(), request.headers(),
                    request.body(), "test", request.secret());
        }
        SdkHttpRequest.Builder raw = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(request.method()))
                .uri(cloud.endpoint().resolve(request.pathAndQuery()));
        request.headers().forEach(raw::putHeader);
        return http.sendPrepared(raw.build(), request.body());
    }

    /** Writes bytes straight to the socket; returns the status line's code, or -1 if the server just closed. */
    private static int sendRaw(byte[] bytes) {
        try (Socket socket = new Socket("127.0.0.1", cloud.cloud().port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            String line = new String(head, StandardCharsets.ISO_8859_1);
            return line.startsWith("HTTP/1.") && line.length() >= 12 ? Integer.parseInt(line.substring(9, 12)) : -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
