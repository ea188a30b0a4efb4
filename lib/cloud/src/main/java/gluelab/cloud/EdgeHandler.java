package gluelab.cloud;

import gluelab.cloud.admin.AdminApi;
import gluelab.cloud.auth.AuthFailure;
import gluelab.cloud.auth.Authentication;
import gluelab.cloud.auth.AwsChunkedInputStream;
import gluelab.cloud.auth.Credential;
import gluelab.cloud.auth.DigestCheckingInputStream;
import gluelab.cloud.auth.SigV2;
import gluelab.cloud.auth.SigV2Request;
import gluelab.cloud.auth.SigV4;
import gluelab.cloud.auth.SigV4Request;
import gluelab.cloud.auth.SignatureVerifier;
import gluelab.cloud.auth.SignedRequest;
import gluelab.cloud.events.ApiCall;
import gluelab.cloud.http.HttpExchange;
import gluelab.cloud.http.HttpResponse;
import gluelab.cloud.protocol.Invocation;
import gluelab.cloud.protocol.ProtocolCodec;
import gluelab.cloud.protocol.ProtocolCodecs;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.CommonErrors;
import gluelab.cloud.provider.OperationCatalog;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Protocol;
import gluelab.cloud.provider.RequestBody;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.ResourceNames;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;
import gluelab.cloud.provider.ServiceRegistry;
import gluelab.cloud.provider.StreamingResponse;
import gluelab.cloud.shape.ShapeReadException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every request's path through Lab Cloud: admin calls go to the admin API; AWS calls are matched to a
 * service, authenticated, parsed by the service's protocol codec into a typed request, handed to the
 * provider, and answered in the same protocol. Whatever goes wrong becomes an AWS-style error.
 */
final class EdgeHandler implements Consumer<HttpExchange> {

    private static final Logger LOG = Logger.getLogger(EdgeHandler.class.getName());
    private static final long MAX_PEEK = 64 * 1024;

    private final Platform platform;
    private final ServiceRegistry registry;
    private final SignatureVerifier verifier;
    private final AdminApi admin;
    private final ProtocolCodecs codecs;

    EdgeHandler(Platform platform, ServiceRegistry registry, ProtocolCodecs codecs, AdminApi admin) {
        this.codecs = codecs;
        this.platform = platform;
        this.registry = registry;
        this.verifier = new SignatureVerifier(platform.credentials());
        this.admin = admin;
    }

    @Override
    public void accept(HttpExchange exchange) {
        if (exchange.rawPath().startsWith("/_lab/") || exchange.rawPath().equals("/_lab")) {
            admin.handle(exchange);
            return;
        }
        String requestId = UUID.randomUUID().toString();
        Instant receivedAt = platform.clock().instant();
        ServiceProvider provider = null;
        RequestContext context = null;
        HttpResponse response = null;
        Object request = null;
        Object result = null;
        AwsServiceException failure = null;
        try {
            Optional<SignedRequest> signed = Optional.empty();
            AuthFailure malformed = null;
            try {
                signed = verifier.parse(exchange);
            } catch (AuthFailure unparseable) {
                malformed = unparseable;
            }
            byte[] peeked = signed.flatMap(SignedRequest::scopedService).isEmpty() && malformed == null
                    ? peekFormBody(exchange) : null;
            provider = registry.resolve(exchange, signed, peeked).orElse(null);
            if (provider == null) {
                respondUnrouted(exchange, requestId, signed);
                return;
            }
            ServiceDescriptor service = provider.descriptor();
            ProtocolCodec codec = codecs.forRequest(provider, exchange);
            context = RequestContext.unauthenticated(requestId, service, exchange, receivedAt, platform);
            Optional<HttpResponse> preflight = codec.preflight(context);
            if (preflight.isPresent()) {
                exchange.respond(preflight.get());
                return;
            }
            try {
                if (malformed != null) {
                    throw malformed;
                }
                if (signed.isPresent()) {
                    context = authenticate(exchange, signed.get(), provider, codec, requestId, receivedAt, peeked);
                } else if (provider.admitsAnonymousRequests()) {
                    context = anonymous(exchange, codec, service, requestId, receivedAt, peeked);
                } else {
                    throw new AuthFailure(AuthFailure.Reason.MISSING, "unsigned");
                }
                OperationCatalog operations = registry.catalog(provider);
                Invocation invocation = codec.parse(context, operations);
                request = invocation.request();
                context.operation(invocation.operation().name());
                platform.access().authorize(context, provider, invocation.operation().name(), request);
                result = operations.invoke(invocation.operation(), context, invocation.request(),
                        invocation.extraArguments());
                response = codec.success(context, invocation.operation(), result);
            } catch (AuthFailure authFailure) {
                failure = toError(authFailure, service);
            } catch (AwsServiceException error) {
                failure = error;
            } catch (ShapeReadException error) {
                failure = CommonErrors.malformedInput(service, error.getMessage());
            } catch (IOException unreadableBody) {
                failure = BodyErrors.of(unreadableBody, service);
            } catch (RuntimeException | Error unexpected) {
                LOG.log(Level.SEVERE, "Unexpected failure in " + service.name() + " " + context.operation(), unexpected);
                failure = CommonErrors.internalFailure(service, unexpected);
            }
            if (failure != null) {
                result = null;
                response = codec.error(context, service, failure);
            }
            // Recorded before the caller has its answer, so whatever the caller does next sees the call recorded.
            record(context, codec, request, result, failure, response.status());
            exchange.respond(response);
        } catch (IOException e) {
            LOG.log(Level.FINE, "The client went away: " + e.getMessage());
        }
    }

    private RequestContext authenticate(HttpExchange exchange, SignedRequest signed, ServiceProvider provider,
                                        ProtocolCodec codec, String requestId, Instant receivedAt, byte[] peeked)
            throws AuthFailure, IOException {
        ServiceDescriptor service = provider.descriptor();
        String declaredHash = exchange.header("x-amz-content-sha256");
        if (codec.buffersBody()) {
            byte[] body = peeked != null ? peeked : readBounded(exchange.body(), service);
            String actualHash = SigV4.sha256Hex(body);
            if (declaredHash != null && isHexDigest(declaredHash) && !declaredHash.equalsIgnoreCase(actualHash)) {
                throw new AuthFailure(AuthFailure.Reason.BAD_PAYLOAD_HASH, "payload hash mismatch");
            }
            String signedHash = declaredHash != null ? declaredHash : actualHash;
            Authentication auth = verify(signed, exchange, service, codec, () -> signedHash);
            return new RequestContext(requestId, service, exchange, RequestBody.ofBytes(body), auth, receivedAt, platform);
        }
        if (declaredHash == null && signed.signsPayloadHash()) {
            throw new AwsServiceException("InvalidRequest", "Missing required header for this request: x-amz-content-sha256", 400);
        }
        Authentication auth = verify(signed, exchange, service, codec, () -> declaredHash);
        InputStream body = exchange.body();
        if (AwsChunkedInputStream.isChunkedMode(declaredHash)) {
            body = AwsChunkedInputStream.forMode(declaredHash, body, auth);
        } else if (declaredHash != null && isHexDigest(declaredHash)) {
            body = new DigestCheckingInputStream(body, declaredHash);
        }
        return new RequestContext(requestId, service, exchange, RequestBody.ofStream(body), auth, receivedAt, platform);
    }

    /** An unsigned call: no caller, so only a resource policy that admits everyone lets it through. */
    private RequestContext anonymous(HttpExchange exchange, ProtocolCodec codec, ServiceDescriptor service,
                                     String requestId, Instant receivedAt, byte[] peeked) throws IOException {
        RequestBody body = codec.buffersBody()
                ? RequestBody.ofBytes(peeked != null ? peeked : readBounded(exchange.body(), service))
                : RequestBody.ofStream(exchange.body());
        return new RequestContext(requestId, service, exchange, body, null, receivedAt, platform);
    }

    /**
     * Verifies SigV4 for every service; S3's Signature Version 2 only where the service's codec names the
     * resource such a signature covers (S3's), and refuses it elsewhere as an unsupported authorization type.
     */
    private Authentication verify(SignedRequest signed, HttpExchange exchange, ServiceDescriptor service,
                                  ProtocolCodec codec, Supplier<String> payloadHash) throws AuthFailure {
        if (signed instanceof SigV2Request sigV2) {
            String resource = codec.signatureV2Resource(exchange).orElseThrow(() -> new AuthFailure(
                    AuthFailure.Reason.MALFORMED, "Unsupported authorization type " + SigV2.SCHEME + ": "
                    + service.name() + " accepts only " + SigV4.ALGORITHM));
            return verifier.verify(sigV2, exchange, resource, platform.config().defaultRegion(),
                    service.signingName(), platform.clock().instant(), platform.clock().wallInstant());
        }
        return verifier.verify((SigV4Request) signed, exchange, payloadHash, service.protocol() == Protocol.REST_XML,
                platform.clock().instant(), platform.clock().wallInstant());
    }

    private byte[] readBounded(InputStream in, ServiceDescriptor service) throws IOException {
        long limit = platform.config().maxBufferedBodyBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            if (out.size() > limit) {
                throw CommonErrors.requestTooLarge(service, limit);
            }
        }
        return out.toByteArray();
    }

    /** An unsigned form post may name its service only in its body ({@code Action=…}); small ones are read. */
    private static byte[] peekFormBody(HttpExchange exchange) throws IOException {
        String contentType = exchange.header("Content-Type");
        String length = exchange.header("Content-Length");
        if (contentType == null || !contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")
                || length == null) {
            return null;
        }
        try {
            long declared = Long.parseLong(length.trim());
            if (declared < 0 || declared > MAX_PEEK) {
                return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return exchange.body().readNBytes((int) MAX_PEEK);
    }

    private static boolean isHexDigest(String value) {
        return value.length() == 64 && value.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static AwsServiceException toError(AuthFailure failure, ServiceDescriptor service) {
        return switch (failure.reason()) {
            case MISSING -> CommonErrors.missingAuthentication(service);
            case MALFORMED -> CommonErrors.incompleteSignature(service, failure.getMessage());
            case UNKNOWN_KEY -> CommonErrors.unknownAccessKey(service, failure.getMessage());
            case BAD_SIGNATURE -> CommonErrors.signatureDoesNotMatch(service);
            case EXPIRED_TOKEN -> CommonErrors.expiredToken(service);
            case REQUEST_EXPIRED -> new AwsServiceException("AccessDenied", "Request has expired", 403);
            case ACCESS_DENIED -> new AwsServiceException("AccessDenied", failure.getMessage(), 403);
            case INVALID_ARGUMENT -> new AwsServiceException("InvalidArgument", failure.getMessage(), 400);
            case BAD_PAYLOAD_HASH -> new AwsServiceException("XAmzContentSHA256Mismatch",
                    "The provided 'x-amz-content-sha256' header does not match what was computed.", 400);
        };
    }

    private void respondUnrouted(HttpExchange exchange, String requestId, Optional<SignedRequest> signed)
            throws IOException {
        String hint = signed.flatMap(SignedRequest::scopedService)
                .map(name -> "no service named '" + name + "' in the credential scope").orElse(null);
        AwsServiceException error = CommonErrors.unknownService(hint);
        String body = "{\"__type\":\"" + error.code() + "\",\"message\":\"" + error.getMessage().replace("\"", "'") + "\"}";
        exchange.respond(HttpResponse.of(error.status(), "application/x-amz-json-1.1", body.getBytes(StandardCharsets.UTF_8))
                .header("x-amzn-RequestId", requestId).header("x-amzn-ErrorType", error.code()));
        platform.events().recordApiCall(null, platform.config().defaultRegion(),
                signed.flatMap(SignedRequest::scopedService).orElse("unknown"), null, null, error.status());
    }

    private void record(RequestContext context, ProtocolCodec codec, Object request, Object result,
                        AwsServiceException failure, int status) {
        String operation = context.operation();
        if (operation == null) {
            try {
                operation = codec.operationName(context);
            } catch (RuntimeException ignored) {
                operation = null;
            }
        }
        String resource = context.resource() != null ? context.resource() : ResourceNames.of(request);
        Credential credential = context.caller();
        ApiCall.Caller caller = credential == null ? null : new ApiCall.Caller(credential.accessKeyId(),
                credential.principalArn(), credential.userId(), credential.isTemporary());
        HttpExchange exchange = context.exchange();
        ApiCall.Origin origin = new ApiCall.Origin(exchange.remoteAddress(), exchange.header("User-Agent"),
                exchange.header("Host"));
        Object response = result instanceof StreamingResponse<?> streamed ? streamed.response() : result;
        platform.events().recordApiCall(new ApiCall(context.requestId(), context.now(), context.accountId(),
                context.region(), context.service().name(), context.service().signingName(), operation, resource,
                status, caller, origin, request, response, failure == null ? null : failure.code(),
                failure == null ? null : failure.getMessage()));
    }
}
