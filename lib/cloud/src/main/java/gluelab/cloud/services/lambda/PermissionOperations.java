package gluelab.cloud.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.policy.MalformedPolicyException;
import gluelab.cloud.policy.PolicyDocument;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.state.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lambda.model.AddPermissionRequest;
import software.amazon.awssdk.services.lambda.model.AddPermissionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetPolicyRequest;
import software.amazon.awssdk.services.lambda.model.GetPolicyResponse;
import software.amazon.awssdk.services.lambda.model.RemovePermissionRequest;
import software.amazon.awssdk.services.lambda.model.RemovePermissionResponse;

/**
 * A function's resource-based policy: AddPermission, RemovePermission and GetPolicy. Each permission is one
 * statement, written as Lambda writes it ({@code Principal} a {@code Service} or an {@code AWS} ARN, {@code ArnLike
 * AWS:SourceArn} and {@code StringEquals AWS:SourceAccount} conditions), and the policy is what {@link
 * LambdaAccessRules} hands to IAM enforcement, so an AWS service calling a function (EventBridge, S3, Scheduler) is
 * admitted only by it.
 */
public final class PermissionOperations {

    private static final String ACTION_PATTERN = "(lambda:[*]|lambda:[a-zA-Z]+|[*])";
    private static final String SID_PATTERN = "([a-zA-Z0-9-_]+)";
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private final AccountRegionStore<LambdaState> states;

    PermissionOperations(AccountRegionStore<LambdaState> states) {
        this.states = states;
    }

    public AddPermissionResponse addPermission(RequestContext context, AddPermissionRequest request) {
        LambdaErrors.validation()
                .required("functionName", request.functionName())
                .required("statementId", request.statementId())
                .required("action", request.action())
                .required("principal", request.principal())
                .pattern("statementId", request.statementId(), SID_PATTERN)
                .length("statementId", request.statementId(), 1, 100)
                .pattern("action", request.action(), ACTION_PATTERN)
                .pattern("principal", request.principal(), "[^\\s]+")
                .orThrow();
        FunctionName name = latestOnly(context, request.functionName(), request.qualifier());
        LambdaState state = states.get(context);
        synchronized (state) {
            FunctionConfiguration function = state.require(name);
            if (request.revisionId() != null && !request.revisionId().equals(function.revisionId())) {
                throw LambdaErrors.preconditionFailed("The Revision Id provided does not match the latest Revision "
                        + "Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
            }
            ObjectNode policy = policyOf(state, name.name());
            ArrayNode statements = (ArrayNode) policy.get("Statement");
            for (JsonNode existing : statements) {
                if (existing.path("Sid").asText().equals(request.statementId())) {
                    throw LambdaErrors.conflict("The statement id (" + request.statementId() + ") provided already "
                            + "exists. Please choose another statement id.");
                }
            }
            ObjectNode statement = statement(context, request, name);
            statements.add(statement);
            String text = policy.toString();
            try {
                PolicyDocument.parse(text, PolicyDocument.Kind.RESOURCE);
            } catch (MalformedPolicyException e) {
                throw LambdaErrors.invalidParameter("The provided principal was invalid. Please check the principal "
                        + "and try again.");
            }
            state.policies.put(name.name(), text);
            return AddPermissionResponse.builder().statement(statement.toString()).build();
        }
    }

    public RemovePermissionResponse removePermission(RequestContext context, RemovePermissionRequest request) {
        LambdaErrors.validation().required("functionName", request.functionName())
                .required("statementId", request.statementId()).orThrow();
        FunctionName name = latestOnly(context, request.functionName(), request.qualifier());
        LambdaState state = states.get(context);
        synchronized (state) {
            state.require(name);
            ObjectNode policy = policyOf(state, name.name());
            boolean removed = false;
            for (Iterator<JsonNode> it = policy.get("Statement").iterator(); it.hasNext(); ) {
                if (it.next().path("Sid").asText().equals(request.statementId())) {
                    it.remove();
                    removed = true;
                }
            }
            if (!removed) {
                throw LambdaErrors.notFound("Statement " + request.statementId() + " is not found in resource policy.");
            }
            if (policy.get("Statement").isEmpty()) {
                state.policies.remove(name.name());
            } else {
                state.policies.put(name.name(), policy.toString());
            }
        }
        return RemovePermissionResponse.builder().build();
    }

    public GetPolicyResponse getPolicy(RequestContext context, GetPolicyRequest request) {
        LambdaErrors.validation().required("functionName", request.functionName()).orThrow();
        FunctionName name = latestOnly(context, request.functionName(), request.qualifier());
        LambdaState state = states.get(context);
        FunctionConfiguration function = state.require(name);
        String policy = state.policies.get(name.name());
        if (policy == null) {
            throw LambdaErrors.notFound("The resource you requested does not exist.");
        }
        return GetPolicyResponse.builder().policy(policy).revisionId(function.revisionId()).build();
    }

    /** The function's policy, as IAM enforcement reads it: one that allows nothing when none was added. */
    static PolicyDocument enforced(LambdaState state, String functionName) {
        String text = state.policies.get(functionName);
        if (text == null) {
            return PolicyDocument.none(PolicyDocument.Kind.RESOURCE);
        }
        try {
            return PolicyDocument.parse(text, PolicyDocument.Kind.RESOURCE);
        } catch (MalformedPolicyException e) {
            throw new IllegalStateException("A stored function policy no longer reads: " + e.getMessage(), e);
        }
    }

    private static ObjectNode statement(RequestContext context, AddPermissionRequest request, FunctionName name) {
        ObjectNode statement = Json.object();
        statement.put("Sid", request.statementId());
        statement.put("Effect", "Allow");
        String principal = request.principal();
        if (principal.equals("*")) {
            statement.put("Principal", "*");
        } else if (ACCOUNT.matcher(principal).matches()) {
            statement.putObject("Principal").put("AWS", "arn:aws:iam::" + principal + ":root");
        } else if (principal.startsWith("arn:")) {
            statement.putObject("Principal").put("AWS", principal);
        } else {
            statement.putObject("Principal").put("Service", principal);
        }
        statement.put("Action", request.action());
        statement.put("Resource", name.qualifiedArn(context.scope()).toString());
        ObjectNode condition = Json.object();
        ObjectNode equals = Json.object();
        if (request.sourceAccount() != null) {
            equals.put("AWS:SourceAccount", request.sourceAccount());
        }
        if (request.principalOrgID() != null) {
            equals.put("aws:PrincipalOrgID", request.principalOrgID());
        }
        if (!equals.isEmpty()) {
            condition.set("StringEquals", equals);
        }
        if (request.sourceArn() != null) {
            condition.putObject("ArnLike").put("AWS:SourceArn", request.sourceArn());
        }
        if (!condition.isEmpty()) {
            statement.set("Condition", condition);
        }
        return statement;
    }

    private static ObjectNode policyOf(LambdaState state, String functionName) {
        String text = state.policies.get(functionName);
        if (text == null) {
            ObjectNode policy = Json.object();
            policy.put("Version", "2012-10-17");
            policy.put("Id", "default");
            policy.putArray("Statement");
            return policy;
        }
        try {
            return (ObjectNode) Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lab Cloud keeps one policy per function, the unqualified one ($LATEST), until versions exist. */
    private FunctionName latestOnly(RequestContext context, String functionName, String qualifier) {
        FunctionName name = FunctionName.parse("functionName", functionName, qualifier, context.scope());
        if (!name.latest()) {
            states.get(context).require(new FunctionName(name.name(), null));
            throw LambdaErrors.functionNotFound(name.qualifiedArn(context.scope()).toString());
        }
        return new FunctionName(name.name(), null);
    }
}
