package gluelab.cloud.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.http.HttpExchange;
import gluelab.cloud.http.HttpResponse;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.CommonErrors;
import gluelab.cloud.provider.Operation;
import gluelab.cloud.provider.OperationCatalog;
import gluelab.cloud.provider.Protocol;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.shape.JsonShapeCodec;
import gluelab.cloud.shape.ShapeReadException;
import gluelab.cloud.state.Json;
import java.io.IOException;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/** AWS JSON 1.0 and 1.1: {@code X-Amz-Target: Prefix.Operation} and a JSON body both ways. */
public final class JsonProtocolCodec implements ProtocolCodec {

    @Override
    public boolean recognizes(HttpExchange exchange) {
        return exchange.header("X-Amz-Target") != null;
    }

    @Override
    public String operationName(RequestContext context) {
        String target = context.exchange().header("X-Amz-Target");
        if (target == null) {
            return null;
        }
        int dot = target.lastIndexOf('.');
        return dot < 0 ? target : target.substring(dot + 1);
    }

    @Override
    public Invocation parse(RequestContext context, OperationCatalog operations) {
        ServiceDescriptor service = context.service();
        String target = context.exchange().header("X-Amz-Target");
        if (target == null || !"POST".equals(context.exchange().method())) {
            throw CommonErrors.unknownOperation(service, null);
        }
        int dot = target.lastIndexOf('.');
        if (dot < 0 || !target.substring(0, dot).equals(service.targetPrefix())) {
            throw CommonErrors.unknownOperation(service, target);
        }
        Operation operation = operations.require(target.substring(dot + 1));
        byte[] body = context.body().bytes();
        JsonNode json;
        try {
            json = body.length == 0 ? Json.object() : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw CommonErrors.malformedInput(service, "Start of structure or map found where not expected.");
        }
        if (json == null || !json.isObject()) {
            throw CommonErrors.malformedInput(service, "Start of structure or map found where not expected.");
        }
        Object request;
        try {
            request = JsonShapeCodec.read(json, operation.requestClass());
        } catch (ShapeReadException e) {
            throw CommonErrors.malformedInput(service, e.getMessage());
        }
        return new Invocation(operation, request);
    }

    @Override
    public HttpResponse success(RequestContext context, Operation operation, Object response) {
        ObjectNode body = response instanceof SdkPojo pojo ? JsonShapeCodec.write(pojo) : Json.object();
        return json(200, context, body);
    }

    @Override
    public HttpResponse error(RequestContext context, ServiceDescriptor service, AwsServiceException error) {
        ObjectNode body = Json.object();
        body.put("__type", error.code());
        body.put(service.errorMessageKey(), error.getMessage());
        for (Map.Entry<String, String> field : error.fields().entrySet()) {
            body.put(field.getKey(), field.getValue());
        }
        error.documents().forEach(body::set);
        HttpResponse response = json(error.status(), context, body).header("x-amzn-ErrorType", error.code());
        if (service.speaks(Protocol.QUERY)) {
            // awsQueryCompatible: the code a Query client knew the error by, which current SDKs still report.
            response.header("x-amzn-query-error",
                    service.queryErrorCode(error.code()) + ";" + (error.senderFault() ? "Sender" : "Receiver"));
        }
        return response;
    }

    private static HttpResponse json(int status, RequestContext context, ObjectNode body) {
        try {
            return HttpResponse.of(status, context.service().protocol().jsonContentType(), Json.MAPPER.writeValueAsBytes(body))
                    .header("x-amzn-RequestId", context.requestId());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
