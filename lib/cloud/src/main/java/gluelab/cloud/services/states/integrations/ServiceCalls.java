package gluelab.cloud.services.states.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.provider.ServiceRoleSessions;
import gluelab.cloud.services.states.asl.ExecutionRun;
import gluelab.cloud.services.states.asl.StatesError;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import gluelab.cloud.shape.JsonShapeCodec;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * How a task calls a service: as a session of the state machine's role (taken on as {@code states.amazonaws.com},
 * which the role must trust), in the execution's account and region, through Lab Cloud's typed operations. The
 * service's errors become task errors named {@code <Service>.<Exception>}, as Step Functions names them.
 */
public final class ServiceCalls {

    private static final Map<String, String> ERROR_PREFIXES = Map.of("lambda", "Lambda", "glue", "Glue", "sqs",
            "SQS", "dynamodb", "DynamoDB", "events", "EventBridge", "states", "StepFunctions", "s3", "S3");
    /** The SDK's name of each optimized integration's service ({@code events} is EventBridge's). */
    private static final Map<String, String> SDK_IDS = Map.of("events", "eventbridge", "states", "sfn");

    private final InternalCalls internal;
    private final ServiceRoleSessions roles;

    public ServiceCalls(InternalCalls internal, ServiceRoleSessions roles) {
        this.internal = internal;
        this.roles = roles;
    }

    /** Who the execution's calls are made as: a session of its role. */
    String principal(ExecutionRun execution) {
        try {
            return roles.session(execution.roleArn()).assumedRoleArn().toString();
        } catch (AwsServiceException denied) {
            throw StatesError.fromTask(StatesError.PERMISSIONS, "Neither the global service principal "
                    + "states.amazonaws.com, nor the regional one is authorized to assume the provided role: "
                    + denied.getMessage());
        }
    }

    static Scope scope(ExecutionRun execution) {
        return new Scope(execution.account(), execution.region());
    }

    /**
     * Calls a typed operation (the request's type names it) of {@code service}, with what it takes after the request
     * (an upload's body).
     */
    <R> R call(String service, ExecutionRun execution, Object request, String errorService, Object... extra) {
        String principal = principal(execution);
        try {
            return internal.call(service, scope(execution), principal, request, extra);
        } catch (AwsServiceException error) {
            throw taskError(errorService, error);
        }
    }

    /**
     * Calls an action as the SDKs name it ({@code glue}, {@code startJobRun}) with the parameters as its request,
     * and returns its response as JSON of the model's member names.
     */
    JsonNode callBySdkName(String service, String action, ExecutionRun execution, JsonNode parameters,
                           String errorService) {
        String principal = principal(execution);
        try {
            String sdkId = SDK_IDS.getOrDefault(service, service);
            Object response = internal.callBySdkName(sdkId, action, scope(execution), principal,
                    withModelNames(sdkId, action, parameters));
            return response instanceof SdkPojo pojo ? byMemberNames(pojo) : JsonNodeFactory.instance.objectNode();
        } catch (AwsServiceException error) {
            throw taskError(errorService, error);
        }
    }

    /**
     * The parameters with their top-level names as the request's model spells them: Step Functions takes
     * {@code StateMachineArn} where the Step Functions model has {@code stateMachineArn}, as every integration's
     * parameters are PascalCase.
     */
    private static JsonNode withModelNames(String sdkId, String action, JsonNode parameters) {
        if (!parameters.isObject() || action.isEmpty()) {
            return parameters;
        }
        Class<?> requestClass;
        try {
            requestClass = Class.forName("software.amazon.awssdk.services." + sdkId + ".model."
                    + Character.toUpperCase(action.charAt(0)) + action.substring(1) + "Request");
        } catch (ClassNotFoundException unknown) {
            return parameters;
        }
        Map<String, String> names = new java.util.HashMap<>();
        try {
            Object builder = requestClass.getMethod("builder").invoke(null);
            for (SdkField<?> field : ((SdkPojo) builder).sdkFields()) {
                names.put(pascal(field.memberName()), field.memberName());
            }
        } catch (ReflectiveOperationException | ClassCastException notAModel) {
            return parameters;
        }
        ObjectNode renamed = JsonNodeFactory.instance.objectNode();
        parameters.fields().forEachRemaining(member -> renamed.set(
                names.getOrDefault(pascal(member.getKey()), member.getKey()), member.getValue()));
        return renamed;
    }

    private static String pascal(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * A response as Step Functions shows it: every member under its model name in PascalCase
     * ({@code ExecutionArn}), at every depth, whatever its wire name.
     */
    static ObjectNode byMemberNames(SdkPojo shape) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (SdkField<?> field : shape.sdkFields()) {
            Object value = field.getValueOrDefault(shape);
            if (value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
                continue;
            }
            out.set(pascal(field.memberName()), valueByMemberNames(value, field));
        }
        return out;
    }

    private static JsonNode valueByMemberNames(Object value, SdkField<?> field) {
        if (value instanceof SdkPojo pojo) {
            return byMemberNames(pojo);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (Object item : list) {
                array.add(item instanceof SdkPojo pojo ? byMemberNames(pojo) : plain(item));
            }
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            map.forEach((key, item) -> object.set(String.valueOf(key),
                    item instanceof SdkPojo pojo ? byMemberNames(pojo) : plain(item)));
            return object;
        }
        return JsonShapeCodec.writeValue(value, field);
    }

    private static JsonNode plain(Object value) {
        if (value instanceof java.time.Instant instant) {
            return JsonNodeFactory.instance.numberNode(java.math.BigDecimal.valueOf(instant.toEpochMilli())
                    .movePointLeft(3));
        }
        if (value instanceof software.amazon.awssdk.core.SdkBytes bytes) {
            return JsonNodeFactory.instance.textNode(java.util.Base64.getEncoder().encodeToString(bytes.asByteArray()));
        }
        return gluelab.cloud.state.Json.MAPPER.valueToTree(value);
    }

    /** A service's error as a task error: {@code Glue.EntityNotFoundException}, with the message as its cause. */
    static StatesError taskError(String service, AwsServiceException error) {
        String code = error.code().endsWith("Exception") ? error.code() : error.code() + "Exception";
        return StatesError.fromTask(errorPrefix(service) + "." + code, error.getMessage());
    }

    static String errorPrefix(String service) {
        String prefix = ERROR_PREFIXES.get(service);
        if (prefix != null) {
            return prefix;
        }
        String name = service.startsWith("aws-sdk:") ? service.substring("aws-sdk:".length()) : service;
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
