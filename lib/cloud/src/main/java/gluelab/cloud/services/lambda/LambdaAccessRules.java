package gluelab.cloud.services.lambda;

import gluelab.cloud.provider.Access;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Members;
import gluelab.cloud.provider.RequestContext;
import java.util.ArrayList;
import java.util.List;

/**
 * What each Lambda operation needs permission for, as the Service Authorization Reference lists it: the action
 * ({@code lambda:InvokeFunction} for Invoke, else named after the operation) on the function's ARN (qualified when a
 * qualifier was named), CreateFunction and a role change also {@code iam:PassRole} on the role. Invoke carries the
 * function's resource policy, which alone decides for an AWS service principal (EventBridge, S3, Scheduler) and
 * admits other accounts.
 */
final class LambdaAccessRules implements AccessRules {

    private final AccountRegionStore<LambdaState> states;

    LambdaAccessRules(AccountRegionStore<LambdaState> states) {
        this.states = states;
    }

    @Override
    public List<Access> required(RequestContext context, String operation, Object request) {
        String functionName = Members.string(request, "FunctionName");
        String action = "lambda:" + switch (operation) {
            case "Invoke" -> "InvokeFunction";
            default -> operation;
        };
        if (functionName == null) {
            return List.of(Access.of(action, "*"));
        }
        FunctionName name;
        try {
            name = FunctionName.parse("functionName", functionName, Members.string(request, "Qualifier"),
                    context.scope());
        } catch (RuntimeException invalid) {
            return List.of(Access.of(action, "*")); // the operation itself says what is wrong with the name
        }
        Arn resource = name.qualifiedArn(context.scope());
        List<Access> needed = new ArrayList<>();
        Access access = Access.of(action, resource);
        if (operation.equals("Invoke")) {
            LambdaState state = states.get(context);
            access = access.withResourcePolicy(context.accountId(), PermissionOperations.enforced(state, name.name()));
        }
        needed.add(access);
        String role = Members.string(request, "Role");
        if (role != null && (operation.equals("CreateFunction") || operation.equals("UpdateFunctionConfiguration"))) {
            needed.add(Access.of("iam:PassRole", role));
        }
        return needed;
    }
}
