package gluelab.cloud.protocol;

import gluelab.cloud.http.HttpExchange;
import gluelab.cloud.http.HttpResponse;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Operation;
import gluelab.cloud.provider.OperationCatalog;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.ServiceDescriptor;
import java.util.Optional;

/**
 * One wire protocol, written once: it finds the operation a request calls, reads the typed request from
 * the wire, and writes typed responses and {@link AwsServiceException}s back in the protocol's format.
 */
public interface ProtocolCodec {

    /** Whether the body is read whole before the call (so its hash can be checked) or streamed. */
    default boolean buffersBody() {
        return true;
    }

    /**
     * Whether a request is written in this codec's protocol, for a service that answers several; each protocol
     * has a mark of its own ({@code X-Amz-Target} for JSON, {@code Action} for Query).
     */
    default boolean recognizes(HttpExchange exchange) {
        return false;
    }

    /** Called once per service at start-up: a codec that derives routes from the SDK derives them here. */
    default void prepare(OperationCatalog operations) {
    }

    /**
     * The resource, with the bucket in it ({@code /bucket/key}), that an S3 Signature Version 2 signature of this
     * request covers. Empty for every protocol but S3's: other services accept Signature Version 4 only.
     */
    default Optional<String> signatureV2Resource(HttpExchange exchange) {
        return Optional.empty();
    }

    /**
     * The answer to a CORS preflight ({@code OPTIONS} from a browser, never signed), given before authentication;
     * empty when this request is not one or the protocol has none.
     */
    default Optional<HttpResponse> preflight(RequestContext unauthenticated) {
        return Optional.empty();
    }

    /** The operation name alone, for errors that happen before the body is read; null if unknown. */
    String operationName(RequestContext context);

    Invocation parse(RequestContext context, OperationCatalog operations);

    HttpResponse success(RequestContext context, Operation operation, Object response);

    HttpResponse error(RequestContext context, ServiceDescriptor service, AwsServiceException error);
}
