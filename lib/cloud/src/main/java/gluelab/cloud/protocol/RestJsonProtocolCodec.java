package gluelab.cloud.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.http.HttpExchange;
import gluelab.cloud.http.HttpResponse;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.CommonErrors;
import gluelab.cloud.provider.Operation;
import gluelab.cloud.provider.OperationCatalog;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.shape.JsonShapeCodec;
import gluelab.cloud.shape.ShapeReadException;
import gluelab.cloud.shape.Shapes;
import gluelab.cloud.state.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;

/**
 * REST-JSON (Lambda, Scheduler): the operation is found by method and path template, members come from
 * path labels, query, headers and a JSON (or raw) payload, and errors carry {@code x-amzn-ErrorType}.
 */
public final class RestJsonProtocolCodec implements ProtocolCodec {

    private final Map<OperationCatalog, List<RestRoute>> routes = new ConcurrentHashMap<>();

    private List<RestRoute> routesOf(OperationCatalog operations) {
        return routes.computeIfAbsent(operations, ops -> {
            List<RestRoute> list = new ArrayList<>();
            for (Operation operation : ops.all()) {
                String className = operation.requestClass().getSimpleName();
                list.add(RestRoute.fromSdk(ops.service().modelPackage(), operation.name(),
                        className.substring(0, className.length() - "Request".length())));
            }
            ops.olderRoutes().forEach((operation, route) -> list.add(RestRoute.older(operation, route)));
            list.sort(Comparator.comparingInt(RestRoute::specificity).reversed());
            return list;
        });
    }

    /** Reads every operation's route now, so a route the SDK does not give stops Lab Cloud from starting. */
    @Override
    public void prepare(OperationCatalog operations) {
        routesOf(operations);
    }

    @Override
    public String operationName(RequestContext context) {
        return null;
    }

    @Override
    public Invocation parse(RequestContext context, OperationCatalog operations) {
        HttpExchange exchange = context.exchange();
        ServiceDescriptor service = context.service();
        for (RestRoute route : routesOf(operations)) {
            Optional<Map<String, String>> labels = route.match(exchange.method(), exchange.rawPath(), exchange.query());
            if (labels.isEmpty()) {
                continue;
            }
            Operation operation = operations.require(route.operation());
            context.operation(operation.name());
            SdkPojo builder = Shapes.newBuilder(operation.requestClass());
            try {
                HttpBindings.bindRequest(builder, exchange, labels.get());
                if (route.older()) {
                    HttpBindings.bindPayloadMembersFromQuery(builder, exchange.query());
                }
                readPayload(builder, context.body().bytes());
            } catch (ShapeReadException e) {
                throw CommonErrors.malformedInput(service, e.getMessage());
            }
            return new Invocation(operation, Shapes.build(builder));
        }
        throw CommonErrors.unknownOperation(service, exchange.method() + " " + exchange.rawPath());
    }

    private static void readPayload(SdkPojo builder, byte[] body) {
        SdkField<?> payload = HttpBindings.explicitPayload(builder.sdkFields());
        if (payload != null) {
            MarshallingKnownType type = payload.marshallingType().getKnownType();
            if (type == MarshallingKnownType.SDK_BYTES) {
                payload.set(builder, SdkBytes.fromByteArray(body));
            } else if (type == MarshallingKnownType.STRING) {
                payload.set(builder, new String(body, StandardCharsets.UTF_8));
            } else if (body.length > 0) {
                payload.set(builder, JsonShapeCodec.readValue(parseJson(body), payload, payload.locationName()));
            }
            return;
        }
        if (body.length > 0) {
            JsonShapeCodec.readInto(parseJson(body), builder, HttpBindings::inPayload);
        }
    }

    private static JsonNode parseJson(byte[] body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ShapeReadException("The request body is not valid JSON");
        }
    }

    @Override
    public HttpResponse success(RequestContext context, Operation operation, Object response) {
        if (!(response instanceof SdkPojo pojo)) {
            return new HttpResponse(200).header("x-amzn-RequestId", context.requestId());
        }
        HttpResponse headers = new HttpResponse(200);
        int status = HttpBindings.writeResponseHeaders(pojo, headers, 200);
        HttpResponse out = new HttpResponse(status);
        headers.headers().forEach(h -> out.header(h.getKey(), h.getValue()));
        out.header("x-amzn-RequestId", context.requestId());
        if (status == 204) {
            return out; // No Content: a body would be read as the start of the next response on the connection
        }
        SdkField<?> payload = HttpBindings.explicitPayload(pojo.sdkFields());
        if (payload != null) {
            Object value = payload.getValueOrDefault(pojo);
            MarshallingKnownType type = payload.marshallingType().getKnownType();
            if (value == null && (type == MarshallingKnownType.SDK_BYTES || type == MarshallingKnownType.STRING)) {
                return out; // an absent blob or text payload is an empty body (Lambda's 202 for an Event)
            }
            if (value instanceof SdkBytes bytes) {
                return out.header("Content-Type", "application/octet-stream").body(bytes.asByteArray());
            }
            if (value instanceof String text) {
                return out.header("Content-Type", "text/plain").body(text.getBytes(StandardCharsets.UTF_8));
            }
            JsonNode json = value == null ? Json.object() : JsonShapeCodec.writeValue(value, payload);
            return out.header("Content-Type", "application/json").body(bytes(json));
        }
        ObjectNode json = JsonShapeCodec.write(pojo, HttpBindings::inPayload);
        return out.header("Content-Type", "application/json").body(bytes(json));
    }

    @Override
    public HttpResponse error(RequestContext context, ServiceDescriptor service, AwsServiceException error) {
        ObjectNode body = Json.object();
        body.put("Type", error.senderFault() ? "User" : "Service");
        body.put(service.errorMessageKey(), error.getMessage());
        error.fields().forEach(body::put);
        return HttpResponse.of(error.status(), "application/json", bytes(body))
                .header("x-amzn-ErrorType", error.code())
                .header("x-amzn-RequestId", context.requestId());
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return Json.MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
