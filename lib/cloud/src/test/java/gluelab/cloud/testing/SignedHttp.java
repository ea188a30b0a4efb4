package gluelab.cloud.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Hand-made HTTP requests signed with the SDK's own SigV4 signer, for tests that need requests no SDK
 * client would send: wrong types, unknown operations, malformed bodies.
 */
public final class SignedHttp {

    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public SignedHttp(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Signs and sends; {@code pathAndQuery} must already be percent-encoded. */
    public HttpResponse<byte[]> send(String service, String method, String pathAndQuery, Map<String, String> headers,
                                     byte[] body, String accessKey, String secretKey) {
        boolean s3 = service.equals("s3");
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(endpoint.resolve(pathAndQuery));
        headers.forEach(request::putHeader);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(accessKey, secretKey))
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, !s3)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, !s3));
        return sendPrepared(signed.request(), body);
    }

    /** Sends exactly these headers, signed or not. */
    public HttpResponse<byte[]> sendPrepared(SdkHttpRequest request, byte[] body) {
        HttpRequest.Builder out = HttpRequest.newBuilder(request.getUri()).timeout(Duration.ofSeconds(60))
                .method(request.method().name(), body.length == 0 && !request.method().name().equals("POST")
                        && !request.method().name().equals("PUT")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (RESTRICTED.contains(header.getKey().toLowerCase())) {
                continue;
            }
            for (String value : header.getValue()) {
                out.header(header.getKey(), value);
            }
        }
        try {
            return http.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
