package gluelab.cloud.protocol;

import gluelab.cloud.http.HttpResponse;
import gluelab.cloud.service.Operation;
import gluelab.cloud.service.OperationCatalog;
import gluelab.cloud.service.RequestContext;

/**
 * One wire protocol, written once: it finds the operation a request calls, reads the typed request from
 * the wire, and writes typed responses and {@link AwsServiceException}s back in the protocol's format.
 */
public interface ProtocolCodec {

    /** Whether the body is read whole before the call (so its hash can be checked) or streamed. */
    default boolean buffersBody() {
        return true;
    }

    /** The operation name alone, for errors that happen before the body is read; null if unknown. */
    String operationName(RequestContext context);

    Invocation parse(RequestContext context, OperationCatalog operations);

    HttpResponse success(RequestContext context, Operation operation, Object response);

    HttpResponse error(RequestContext context, ServiceDescriptor service, AwsServiceException error);
}
