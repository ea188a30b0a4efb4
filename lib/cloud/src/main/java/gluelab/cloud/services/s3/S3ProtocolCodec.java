package gluelab.cloud.services.s3;

import gluelab.cloud.BodyErrors;
import gluelab.cloud.http.HttpExchange;
import gluelab.cloud.http.HttpResponse;
import gluelab.cloud.protocol.HttpBindings;
import gluelab.cloud.protocol.Invocation;
import gluelab.cloud.protocol.ProtocolCodec;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Operation;
import gluelab.cloud.provider.OperationCatalog;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.StreamingResponse;
import gluelab.cloud.shape.Shapes;
import gluelab.cloud.shape.XmlShapeCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Element;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;

/**
 * S3's REST-XML on the wire. Requests are routed by {@link S3Routes}; path, query and header members are
 * bound by the core's {@link HttpBindings}; an XML payload (CreateBucketConfiguration, Delete,
 * CompleteMultipartUpload, NotificationConfiguration) is read whole and bounded, an object body is handed
 * to the provider as a stream. Responses are written by {@link XmlShapeCodec} under S3's own root
 * element names; errors are S3's {@code <Error>} document, and HEAD answers and 304s carry no body.
 */
public final class S3ProtocolCodec implements ProtocolCodec {

    public static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final long MAX_XML_BODY = 4L * 1024 * 1024;

    /** S3's root element for each operation's response document. */
    private static final Map<String, String> RESPONSE_ROOTS = Map.ofEntries(
            Map.entry("ListBuckets", "ListAllMyBucketsResult"),
            Map.entry("ListObjects", "ListBucketResult"),
            Map.entry("ListObjectsV2", "ListBucketResult"),
            Map.entry("CreateMultipartUpload", "InitiateMultipartUploadResult"),
            Map.entry("CompleteMultipartUpload", "CompleteMultipartUploadResult"),
            Map.entry("DeleteObjects", "DeleteResult"),
            Map.entry("ListParts", "ListPartsResult"),
            Map.entry("ListMultipartUploads", "ListMultipartUploadsResult"),
            Map.entry("GetBucketNotificationConfiguration", "NotificationConfiguration"),
            Map.entry("GetObjectAttributes", "GetObjectAttributesResponse"),
            Map.entry("GetBucketVersioning", "VersioningConfiguration"),
            Map.entry("ListObjectVersions", "ListVersionsResult"),
            Map.entry("GetObjectTagging", "Tagging"),
            Map.entry("GetBucketTagging", "Tagging"),
            Map.entry("GetBucketAcl", "AccessControlPolicy"),
            Map.entry("GetObjectAcl", "AccessControlPolicy"),
            Map.entry("GetBucketCors", "CORSConfiguration"));

    /** Operations whose body S3 refuses without a Content-MD5 or flexible checksum. */
    private static final java.util.Set<String> CHECKSUM_REQUIRED = java.util.Set.of("DeleteObjects");

    /** Operations S3 answers with 204 No Content. */
    private static final java.util.Set<String> NO_CONTENT = java.util.Set.of(
            "DeleteBucket", "DeleteObject", "AbortMultipartUpload", "DeleteBucketCors", "DeleteBucketTagging",
            "DeleteObjectTagging", "DeleteBucketOwnershipControls", "DeletePublicAccessBlock", "DeleteBucketPolicy");

    private final CorsAnswers cors;

    S3ProtocolCodec(CorsAnswers cors) {
        this.cors = cors;
    }

    @Override
    public boolean buffersBody() {
        return false;
    }

    /**
     * S3's resource of a SigV2 signature: the path as sent, with the bucket of a virtual-hosted request put in
     * front, and a bucket itself as {@code /bucket/} whichever way it was addressed (botocore signs it so, because
     * S3 accepts only that).
     */
    @Override
    public Optional<String> signatureV2Resource(HttpExchange exchange) {
        return Optional.of(signatureV2ResourceOf(exchange));
    }

    /** The resource a Signature Version 2 signature of this request covers: {@code /bucket/key}, {@code /bucket/}. */
    public static String signatureV2ResourceOf(HttpExchange exchange) {
        S3Address address = S3Address.of(exchange);
        if (address.bucket() == null) {
            return "/";
        }
        if (address.key() == null) {
            return "/" + address.bucket() + "/";
        }
        boolean virtualHosted = S3Address.virtualHostBucket(exchange.hostName()) != null;
        return virtualHosted ? "/" + address.bucket() + exchange.rawPath() : exchange.rawPath();
    }

    @Override
    public String operationName(RequestContext context) {
        return S3Routes.operation(context.exchange(), S3Address.of(context.exchange())).orElse(null);
    }

    @Override
    public Invocation parse(RequestContext context, OperationCatalog operations) {
        HttpExchange exchange = context.exchange();
        S3Address address = S3Address.of(exchange);
        context.resource(address.bucket() == null ? null
                : address.key() == null ? address.bucket() : address.bucket() + "/" + address.key());
        String name = S3Routes.operation(exchange, address).orElseThrow(() -> methodNotAllowed(exchange, address));
        context.operation(name);
        Operation operation = operations.require(name);
        if (operation.requestClass() == PostObjectRequest.class) {
            PostObjectRequest post = PostObjectForms.read(context, address.bucket());
            context.resource(address.bucket() + "/" + post.key());
            return new Invocation(operation, post);
        }
        SdkPojo builder = Shapes.newBuilder(operation.requestClass());
        Map<String, String> labels = new java.util.HashMap<>();
        if (address.bucket() != null) {
            labels.put("Bucket", address.bucket());
        }
        if (address.key() != null) {
            labels.put("Key", address.key());
        }
        HttpBindings.bindRequest(builder, exchange, labels);
        SdkField<?> payload = HttpBindings.explicitPayload(builder.sdkFields());
        boolean streamsBody = operation.extraParameterTypes().length > 0
                && operation.extraParameterTypes()[0] == InputStream.class;
        if (payload != null && payload.marshallingType().getKnownType() == MarshallingKnownType.SDK_POJO) {
            byte[] xml = readXmlBody(context);
            if (xml.length > 0) {
                Element root = XmlShapeCodec.parse(xml);
                SdkPojo nested = payload.constructor().get();
                XmlShapeCodec.readInto(root, nested, f -> true);
                payload.set(builder, Shapes.build(nested));
            }
        } else if (payload != null && payload.marshallingType().getKnownType() == MarshallingKnownType.STRING) {
            // A text payload (PutBucketPolicy's policy document) is the body itself, exactly as sent.
            byte[] text = readXmlBody(context);
            if (text.length > 0) {
                payload.set(builder, new String(text, StandardCharsets.UTF_8));
            }
        }
        Object request = Shapes.build(builder);
        return streamsBody ? new Invocation(operation, request, context.body().stream())
                : new Invocation(operation, request);
    }

    private static AwsServiceException methodNotAllowed(HttpExchange exchange, S3Address address) {
        return new AwsServiceException("MethodNotAllowed", "The specified method is not allowed against this resource.",
                405).with("Method", exchange.method())
                .with("ResourceType", S3Routes.levelOf(address) == S3Routes.Level.OBJECT ? "OBJECT"
                        : S3Routes.levelOf(address) == S3Routes.Level.BUCKET ? "BUCKET" : "SERVICE");
    }

    /** An XML payload, read whole (it is small) and checked against a Content-MD5 or checksum it declares. */
    private static byte[] readXmlBody(RequestContext context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = context.body().stream()) {
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_XML_BODY) {
                    throw S3Errors.malformedXml();
                }
            }
        } catch (IOException e) {
            throw BodyErrors.of(e, context.service());
        }
        byte[] body = out.toByteArray();
        DeclaredChecksums declared = DeclaredChecksums.of(context);
        if (CHECKSUM_REQUIRED.contains(context.operation()) && declared.isEmpty()) {
            throw S3Errors.invalidRequest("Missing required header for this request: Content-MD5");
        }
        declared.verify(body);
        return body;
    }

    @Override
    public Optional<HttpResponse> preflight(RequestContext context) {
        HttpExchange exchange = context.exchange();
        if (!exchange.method().equals("OPTIONS")) {
            return Optional.empty();
        }
        S3Address address = S3Address.of(exchange);
        if (address.bucket() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(withIds(cors.preflight(exchange, address.bucket(),
                    address.key() == null ? "BUCKET" : "OBJECT"), context));
        } catch (AwsServiceException refused) {
            return Optional.of(error(context, context.service(), refused));
        }
    }

    @Override
    public HttpResponse success(RequestContext context, Operation operation, Object result) {
        HttpResponse out = answer(context, operation, result);
        cors.decorate(context.exchange(), S3Address.of(context.exchange()).bucket(), out);
        return out;
    }

    private HttpResponse answer(RequestContext context, Operation operation, Object result) {
        if (result instanceof StreamingResponse<?> download) {
            HttpResponse headers = new HttpResponse(download.status());
            HttpBindings.writeResponseHeaders((SdkPojo) download.response(), headers, download.status());
            HttpResponse out = withIds(new HttpResponse(download.status()), context);
            headers.headers().forEach(h -> out.header(h.getKey(), h.getValue()));
            return out.body(download.body(), download.length());
        }
        if (result instanceof PostObjectResult post) {
            return withIds(postAnswer(context.exchange(), post), context);
        }
        if (!(result instanceof SdkPojo pojo)) {
            return withIds(new HttpResponse(200), context);
        }
        String name = operation.name();
        HttpResponse headers = new HttpResponse(200);
        int status = HttpBindings.writeResponseHeaders(pojo, headers, NO_CONTENT.contains(name) ? 204 : 200);
        HttpResponse out = withIds(new HttpResponse(status), context);
        headers.headers().forEach(h -> out.header(h.getKey(), h.getValue()));
        Optional<String> xml = body(name, pojo);
        if (xml.isPresent()) {
            out.header("Content-Type", "application/xml").body(xml.get().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * A browser form's answer, as it asked: a 303 to its {@code success_action_redirect} with the bucket, key and ETag
     * added to the query; else {@code success_action_status} 201 with a {@code PostResponse} document, 200 empty, or by
     * default 204. Each carries the object's ETag and URL.
     */
    private static HttpResponse postAnswer(HttpExchange exchange, PostObjectResult post) {
        PostObjectRequest request = post.request();
        String etag = post.stored().eTag();
        String location = objectUrl(exchange, request.bucket(), request.key());
        Optional<String> redirect = redirectTarget(request.successRedirect());
        HttpResponse out;
        if (redirect.isPresent()) {
            String target = redirect.get();
            out = new HttpResponse(303).header("Location", target + (target.contains("?") ? "&" : "?")
                    + "bucket=" + formEncode(request.bucket()) + "&key=" + formEncode(request.key())
                    + "&etag=" + formEncode(etag));
        } else if ("201".equals(request.successStatus())) {
            String xml = XmlShapeCodec.document("PostResponse", null, w -> {
                element(w, "Location", location);
                element(w, "Bucket", request.bucket());
                element(w, "Key", request.key());
                element(w, "ETag", etag);
            });
            out = new HttpResponse(201).header("Location", location).header("Content-Type", "application/xml")
                    .body(xml.getBytes(StandardCharsets.UTF_8));
        } else {
            out = new HttpResponse("200".equals(request.successStatus()) ? 200 : 204).header("Location", location);
        }
        out.header("ETag", etag);
        if (post.stored().versionId() != null) {
            out.header("x-amz-version-id", post.stored().versionId());
        }
        return out;
    }

    /** S3 redirects only to a URL it can read as absolute; any other it takes as no redirect at all. */
    private static Optional<String> redirectTarget(String redirect) {
        if (redirect == null) {
            return Optional.empty();
        }
        try {
            java.net.URI uri = new java.net.URI(redirect);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? Optional.of(redirect) : Optional.empty();
        } catch (java.net.URISyntaxException unreadable) {
            return Optional.empty();
        }
    }

    private static String formEncode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The object's URL as the client addressed its bucket, with every byte of the key but unreserved ones escaped. */
    private static String objectUrl(HttpExchange exchange, String bucket, String key) {
        String host = exchange.header("Host");
        String encodedKey = gluelab.cloud.auth.SigV4.uriEncode(key, true);
        boolean virtualHosted = S3Address.virtualHostBucket(exchange.hostName()) != null;
        return "http://" + host + "/" + (virtualHosted ? "" : bucket + "/") + encodedKey;
    }

    private static Optional<String> body(String operation, SdkPojo response) {
        if (response instanceof GetBucketLocationResponse location) {
            // The one S3 document whose root element holds the value itself: empty for us-east-1.
            return Optional.of(XmlShapeCodec.document("LocationConstraint", NAMESPACE, w -> {
                if (location.locationConstraintAsString() != null) {
                    w.writeCharacters(location.locationConstraintAsString());
                }
            }));
        }
        SdkField<?> payload = HttpBindings.explicitPayload(response.sdkFields());
        if (payload != null) {
            Object value = payload.getValueOrDefault(response);
            if (value instanceof SdkPojo nested) {
                return Optional.of(XmlShapeCodec.document(payload.locationName(), NAMESPACE, nested, f -> true));
            }
            return value instanceof String text ? Optional.of(text) : Optional.empty();
        }
        String root = RESPONSE_ROOTS.get(operation);
        boolean hasPayload = response.sdkFields().stream().anyMatch(f -> HttpBindings.inPayload(f)
                && !Shapes.isUnset(f.getValueOrDefault(response)));
        if (root == null && !hasPayload) {
            return Optional.empty();
        }
        String element = root != null ? root : operation + "Result";
        return Optional.of(XmlShapeCodec.document(element, NAMESPACE, response, HttpBindings::inPayload));
    }

    @Override
    public HttpResponse error(RequestContext context, ServiceDescriptor service, AwsServiceException error) {
        HttpResponse out = withIds(new HttpResponse(error.status()), context);
        error.headers().forEach(out::header);
        S3Address address = context.exchange() == null ? new S3Address(null, null) : S3Address.of(context.exchange());
        // S3 answers a page's failed request with the CORS headers of the rule that matches it, as it does a success,
        // so that the page can read why it failed.
        cors.decorate(context.exchange(), address.bucket(), out);
        if (context.exchange() != null && context.exchange().isHead() || error.status() == 304) {
            return out;
        }
        String xml = XmlShapeCodec.document("Error", null, w -> {
            element(w, "Code", error.code());
            element(w, "Message", error.getMessage());
            for (Map.Entry<String, String> field : error.fields().entrySet()) {
                element(w, field.getKey(), field.getValue());
            }
            element(w, "Resource", address.resource());
            element(w, "RequestId", context.requestId());
            element(w, "HostId", hostId(context));
        });
        return out.header("Content-Type", "application/xml").body(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        XmlShapeCodec.writeText(w, text == null ? "" : text);
        w.writeEndElement();
    }

    private static HttpResponse withIds(HttpResponse response, RequestContext context) {
        return response.header("x-amz-request-id", context.requestId()).header("x-amz-id-2", hostId(context));
    }

    private static String hostId(RequestContext context) {
        return java.util.Base64.getEncoder().encodeToString(
                context.requestId().getBytes(StandardCharsets.UTF_8));
    }
}
