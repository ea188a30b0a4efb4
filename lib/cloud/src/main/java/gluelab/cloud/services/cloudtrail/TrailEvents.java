package gluelab.cloud.services.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.events.ApiCall;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Members;
import gluelab.cloud.provider.RoleDirectory;
import gluelab.cloud.shape.JsonShapeCodec;
import gluelab.cloud.shape.Shapes;
import gluelab.cloud.state.Json;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Turns an API call into the event CloudTrail records, in CloudTrail's record format (eventVersion 1.09): who called
 * ({@code userIdentity}: {@code Root} for account keys, {@code AssumedRole} with its session issuer for a role's
 * session), what ({@code eventSource}, {@code eventName}, {@code requestParameters}, {@code responseElements}, or
 * {@code errorCode} and {@code errorMessage}), and whether it is a data event: S3's object-level calls (the request
 * names a {@code Key}, or DeleteObjects) and Lambda's Invoke; everything else is a management event. As CloudTrail
 * does, S3's parameters are {@code bucketName}, {@code key}, {@code Host} and the query's, other services' are the
 * request's members in camel case, and read-only calls record no response elements.
 */
final class TrailEvents {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** What CloudTrail writes for a sensitive request parameter, and how the SDK's toString shows one. */
    private static final String HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS";
    private static final String SDK_REDACTED = "*** Sensitive Data Redacted ***";
    private static final List<String> READ_ONLY_PREFIXES = List.of("Get", "Head", "List", "Describe", "Lookup",
            "Search", "Select", "Scan", "Query", "BatchGet", "Filter");
    /** Request members that name a management event's resource, and the resource's type. */
    private static final Map<String, String> RESOURCE_MEMBERS = Map.of(
            "Bucket", "AWS::S3::Bucket", "JobName", "AWS::Glue::Job", "CrawlerName", "AWS::Glue::Crawler",
            "TriggerName", "AWS::Glue::Trigger", "DatabaseName", "AWS::Glue::Database", "RoleName", "AWS::IAM::Role",
            "PolicyArn", "AWS::IAM::ManagedPolicy", "logGroupName", "AWS::Logs::LogGroup",
            "FunctionName", "AWS::Lambda::Function");

    private final Supplier<RoleDirectory> roles;
    private final AtomicLong sequence = new AtomicLong();

    /** @param roles the roles IAM knows, for a session issuer's full ARN (with its path) */
    TrailEvents(Supplier<RoleDirectory> roles) {
        this.roles = roles;
    }

    /** The event of a call, or empty for a call CloudTrail cannot attribute (unsigned, or no operation). */
    Optional<TrailEvent> of(ApiCall call) {
        if (call.account() == null || call.caller() == null || call.operation() == null) {
            return Optional.empty();
        }
        Identity identity = identity(call);
        boolean readOnly = READ_ONLY_PREFIXES.stream().anyMatch(call.operation()::startsWith);
        List<TrailEvent.Resource> data = dataResources(call);
        boolean management = data.isEmpty();
        List<TrailEvent.Resource> resources = management ? managementResources(call.request()) : data;
        String eventId = UUID.randomUUID().toString();
        String eventSource = call.signingName() + ".amazonaws.com";
        Supplier<ObjectNode> record = memoized(() -> record(call, identity, eventId, eventSource, readOnly, management,
                resources));
        return Optional.of(new TrailEvent(sequence.incrementAndGet(), eventId, call.time(), call.account(), call.region(),
                eventSource, call.operation(), readOnly, management, identity.username(), call.caller().accessKeyId(),
                resources, record));
    }

    private record Identity(ObjectNode json, String username) {
    }

    private Identity identity(ApiCall call) {
        ApiCall.Caller caller = call.caller();
        ObjectNode identity = Json.object();
        Optional<Arn> arn = Arn.parse(caller.principalArn());
        if (arn.isPresent() && arn.get().service().equals("sts") && arn.get().resourceType().equals("assumed-role")) {
            String[] roleAndSession = arn.get().resourceId().split("/", 2);
            Arn role = Arn.global("iam", call.account(), "role/" + roleAndSession[0]);
            Arn roleArn = roles.get().role(role).map(RoleDirectory.Role::arn).orElse(role);
            String roleId = caller.userId().contains(":") ? caller.userId().substring(0, caller.userId().indexOf(':'))
                    : caller.userId();
            identity.put("type", "AssumedRole").put("principalId", caller.userId()).put("arn", caller.principalArn())
                    .put("accountId", call.account()).put("accessKeyId", caller.accessKeyId());
            ObjectNode session = identity.putObject("sessionContext");
            session.putObject("sessionIssuer").put("type", "Role").put("principalId", roleId)
                    .put("arn", roleArn.toString()).put("accountId", call.account()).put("userName", roleAndSession[0]);
            session.putObject("attributes").put("mfaAuthenticated", "false");
            return new Identity(identity, roleAndSession.length > 1 ? roleAndSession[1] : roleAndSession[0]);
        }
        identity.put("type", "Root").put("principalId", call.account()).put("arn", Arn.accountRoot(call.account()).toString())
                .put("accountId", call.account()).put("accessKeyId", caller.accessKeyId());
        return new Identity(identity, "root");
    }

    private static List<TrailEvent.Resource> dataResources(ApiCall call) {
        Object request = call.request();
        if (call.signingName().equals("s3")) {
            String bucket = Members.string(request, "Bucket");
            String key = Members.string(request, "Key");
            if (bucket != null && (key != null || call.operation().equals("DeleteObjects"))) {
                List<TrailEvent.Resource> resources = new ArrayList<>();
                String objectArn = "arn:aws:s3:::" + bucket + "/" + (key == null ? "" : key);
                resources.add(new TrailEvent.Resource("AWS::S3::Object", objectArn, key));
                resources.add(new TrailEvent.Resource("AWS::S3::Bucket", "arn:aws:s3:::" + bucket, bucket));
                return resources;
            }
        }
        if (call.signingName().equals("lambda") && call.operation().equals("Invoke")) {
            String function = Members.string(request, "FunctionName");
            if (function != null) {
                String arn = function.startsWith("arn:") ? function
                        : Arn.of("lambda", call.region(), call.account(), "function:" + function).toString();
                return List.of(new TrailEvent.Resource("AWS::Lambda::Function", arn, function));
            }
        }
        return List.of();
    }

    private static List<TrailEvent.Resource> managementResources(Object request) {
        List<TrailEvent.Resource> resources = new ArrayList<>();
        RESOURCE_MEMBERS.forEach((member, type) -> {
            String name = Members.string(request, member);
            if (name != null) {
                resources.add(new TrailEvent.Resource(type, null, name));
            }
        });
        return resources;
    }

    private static ObjectNode record(ApiCall call, Identity identity, String eventId, String eventSource,
                                     boolean readOnly, boolean management, List<TrailEvent.Resource> resources) {
        ObjectNode record = Json.object();
        record.put("eventVersion", "1.09");
        record.set("userIdentity", identity.json());
        record.put("eventTime", call.time().truncatedTo(ChronoUnit.SECONDS).toString());
        record.put("eventSource", eventSource);
        record.put("eventName", call.operation());
        record.put("awsRegion", call.region());
        record.put("sourceIPAddress", call.origin().sourceIp());
        record.put("userAgent", call.origin().userAgent() == null ? "" : call.origin().userAgent());
        if (call.errorCode() != null) {
            record.put("errorCode", call.errorCode());
            record.put("errorMessage", call.errorMessage());
        }
        boolean s3 = call.signingName().equals("s3");
        record.set("requestParameters", s3 ? s3RequestParameters(call) : members(call.request()));
        JsonNode response = readOnly || call.response() == null ? null
                : s3 ? s3ResponseElements(call.response()) : members(call.response());
        record.set("responseElements", response == null || response.isEmpty() ? NODES.nullNode() : response);
        record.put("requestID", call.requestId());
        record.put("eventID", eventId);
        record.put("readOnly", readOnly);
        if (!management) {
            ArrayNode list = record.putArray("resources");
            for (TrailEvent.Resource resource : resources) {
                ObjectNode item = list.addObject();
                if (resource.type().equals("AWS::S3::Bucket")) {
                    item.put("accountId", call.account());
                }
                item.put("type", resource.type()).put("ARN", resource.arn());
            }
        }
        record.put("eventType", "AwsApiCall");
        record.put("managementEvent", management);
        record.put("recipientAccountId", call.account());
        record.put("eventCategory", management ? "Management" : "Data");
        return record;
    }

    /** S3's parameters as CloudTrail writes them: the bucket, the key, the Host header and the query's parameters. */
    private static ObjectNode s3RequestParameters(ApiCall call) {
        ObjectNode parameters = Json.object();
        Object request = call.request();
        String bucket = Members.string(request, "Bucket");
        if (bucket != null) {
            parameters.put("bucketName", bucket);
        }
        if (call.origin().host() != null) {
            parameters.put("Host", call.origin().host());
        }
        String key = Members.string(request, "Key");
        if (key != null) {
            parameters.put("key", key);
        }
        String copySource = Members.string(request, "CopySource");
        if (copySource != null) {
            parameters.put("x-amz-copy-source", copySource);
        }
        if (request instanceof SdkPojo pojo) {
            for (SdkField<?> field : pojo.sdkFields()) {
                Object value = field.getValueOrDefault(pojo);
                if (field.location() == MarshallLocation.QUERY_PARAM && !Shapes.isUnset(value)) {
                    parameters.put(field.locationName(), String.valueOf(value));
                }
            }
        }
        return parameters;
    }

    /** S3's response elements as CloudTrail writes them: its encryption and version headers, and a new upload's id. */
    private static ObjectNode s3ResponseElements(Object response) {
        ObjectNode elements = Json.object();
        if (response instanceof SdkPojo pojo) {
            for (SdkField<?> field : pojo.sdkFields()) {
                Object value = field.getValueOrDefault(pojo);
                if (Shapes.isUnset(value)) {
                    continue;
                }
                String name = field.locationName();
                if (field.location() == MarshallLocation.HEADER && (name.startsWith("x-amz-server-side-encryption")
                        || name.equals("x-amz-version-id") || name.equals("x-amz-expiration"))) {
                    elements.put(name, String.valueOf(value));
                }
            }
            String uploadId = Members.string(response, "UploadId");
            if (uploadId != null) {
                elements.put("bucket", Members.string(response, "Bucket"));
                elements.put("key", Members.string(response, "Key"));
                elements.put("uploadId", uploadId);
            }
        }
        return elements;
    }

    /** A request's or response's members in camel case, as CloudTrail writes other services' parameters; no blobs. */
    private static JsonNode members(Object shape) {
        if (!(shape instanceof SdkPojo pojo)) {
            return null;
        }
        ObjectNode out = Json.object();
        String described = pojo.toString();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (!Shapes.isUnset(value) && field.location() != MarshallLocation.STATUS_CODE) {
                JsonNode written = sensitive(described, field) ? NODES.textNode(HIDDEN) : value(value, field);
                if (written != null) {
                    out.set(camel(field.memberName()), written);
                }
            }
        }
        return out;
    }

    /**
     * Whether the model marks a member sensitive (a password, a secret's value), which CloudTrail never writes. The
     * SDK keeps that trait only in the shape's {@code toString}, which redacts such members.
     */
    private static boolean sensitive(String described, SdkField<?> field) {
        String redacted = field.memberName() + "=" + SDK_REDACTED;
        return described.contains("(" + redacted) || described.contains(", " + redacted);
    }

    private static JsonNode value(Object value, SdkField<?> field) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        return switch (type) {
            case SDK_BYTES -> null;
            case SDK_POJO -> members(value);
            case LIST -> {
                SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                ArrayNode array = NODES.arrayNode();
                for (Object item : (List<?>) value) {
                    JsonNode written = item == null ? NODES.nullNode() : value(item, member);
                    array.add(written == null ? NODES.nullNode() : written);
                }
                yield array;
            }
            case MAP -> {
                SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
                ObjectNode map = NODES.objectNode();
                ((Map<?, ?>) value).forEach((k, v) -> map.set(String.valueOf(k),
                        v == null ? NODES.nullNode() : value(v, valueField)));
                yield map;
            }
            default -> JsonShapeCodec.writeValue(value, field);
        };
    }

    private static String camel(String memberName) {
        return memberName.isEmpty() ? memberName : Character.toLowerCase(memberName.charAt(0)) + memberName.substring(1);
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T current = value;
                if (current == null) {
                    synchronized (this) {
                        current = value;
                        if (current == null) {
                            current = supplier.get();
                            value = current;
                        }
                    }
                }
                return current;
            }
        };
    }
}
