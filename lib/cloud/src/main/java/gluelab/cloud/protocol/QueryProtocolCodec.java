package gluelab.cloud.protocol;

import gluelab.cloud.http.HttpExchange;
import gluelab.cloud.http.HttpResponse;
import gluelab.cloud.http.QueryString;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Operation;
import gluelab.cloud.provider.OperationCatalog;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.shape.QueryShapeReader;
import gluelab.cloud.shape.ShapeReadException;
import gluelab.cloud.shape.XmlShapeCodec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The Query protocol: {@code Action=…&Version=…} in a form body or the URL, answered with
 * {@code <ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>} XML.
 */
public final class QueryProtocolCodec implements ProtocolCodec {

    /** A form post, or {@code Action=} in the URL, and no {@code X-Amz-Target}. */
    @Override
    public boolean recognizes(HttpExchange exchange) {
        if (exchange.header("X-Amz-Target") != null) {
            return false;
        }
        String contentType = exchange.header("Content-Type");
        return exchange.query().has("Action") || contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    @Override
    public String operationName(RequestContext context) {
        return params(context, false).get("Action");
    }

    @Override
    public Invocation parse(RequestContext context, OperationCatalog operations) {
        ServiceDescriptor service = context.service();
        Map<String, String> params = params(context, true);
        String action = params.remove("Action");
        params.remove("Version");
        if (action == null || action.isEmpty()) {
            throw new AwsServiceException("MissingAction", "The request must contain the parameter Action", 400);
        }
        Operation operation = operations.require(action);
        try {
            return new Invocation(operation, QueryShapeReader.read(params, operation.requestClass(), service.queryNames()));
        } catch (ShapeReadException e) {
            throw new AwsServiceException("InvalidParameterValue", e.getMessage(), 400);
        }
    }

    private static Map<String, String> params(RequestContext context, boolean withBody) {
        Map<String, String> params = new LinkedHashMap<>();
        for (QueryString.Pair pair : context.exchange().query().pairs()) {
            params.putIfAbsent(pair.name(), pair.value());
        }
        String contentType = context.exchange().header("Content-Type");
        boolean form = contentType == null || contentType.toLowerCase().startsWith("application/x-www-form-urlencoded");
        if (form && context.body() != null && context.body().isBuffered()) {
            String body = new String(context.body().bytes(), StandardCharsets.UTF_8);
            for (QueryString.Pair pair : QueryString.parseForm(body).pairs()) {
                params.putIfAbsent(pair.name(), pair.value());
            }
        }
        return params;
    }

    @Override
    public HttpResponse success(RequestContext context, Operation operation, Object response) {
        String name = operation.name();
        String xml = XmlShapeCodec.document(name + "Response", context.service().xmlNamespace(), w -> {
            w.writeStartElement(name + "Result");
            if (response instanceof SdkPojo pojo) {
                XmlShapeCodec.writeMembers(w, pojo, f -> true, context.service().queryNames());
            }
            w.writeEndElement();
            writeMetadata(w, context.requestId());
        });
        return HttpResponse.of(200, "text/xml", xml.getBytes(StandardCharsets.UTF_8))
                .header("x-amzn-RequestId", context.requestId());
    }

    @Override
    public HttpResponse error(RequestContext context, ServiceDescriptor service, AwsServiceException error) {
        String xml = XmlShapeCodec.document("ErrorResponse", service.xmlNamespace(), w -> {
            w.writeStartElement("Error");
            element(w, "Type", error.senderFault() ? "Sender" : "Receiver");
            element(w, "Code", service.queryErrorCode(error.code()));
            element(w, "Message", error.getMessage());
            for (Map.Entry<String, String> field : error.fields().entrySet()) {
                element(w, field.getKey(), field.getValue());
            }
            w.writeEndElement();
            element(w, "RequestId", context.requestId());
        });
        return HttpResponse.of(error.status(), "text/xml", xml.getBytes(StandardCharsets.UTF_8))
                .header("x-amzn-RequestId", context.requestId());
    }

    private static void writeMetadata(javax.xml.stream.XMLStreamWriter w, String requestId)
            throws javax.xml.stream.XMLStreamException {
        w.writeStartElement("ResponseMetadata");
        element(w, "RequestId", requestId);
        w.writeEndElement();
    }

    private static void element(javax.xml.stream.XMLStreamWriter w, String name, String text)
            throws javax.xml.stream.XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text == null ? "" : text);
        w.writeEndElement();
    }
}
