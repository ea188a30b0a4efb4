package gluelab.cloud.services.states;

import gluelab.cloud.provider.Access;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Members;
import gluelab.cloud.provider.RequestContext;
import java.util.List;

/**
 * What each Step Functions operation needs permission for, as the Service Authorization Reference lists it: the
 * action named after the operation, on the state machine ({@code stateMachineArn}), the execution
 * ({@code executionArn}) or the tagged resource it names; ListStateMachines, CreateStateMachine's and
 * ValidateStateMachineDefinition on every resource but the one they name.
 */
final class StatesAccessRules implements AccessRules {

    @Override
    public List<Access> required(RequestContext context, String operation, Object request) {
        String action = "states:" + operation;
        for (String member : List.of("stateMachineArn", "executionArn", "resourceArn")) {
            String arn = Members.string(request, member);
            if (arn != null && Arn.parse(arn).isPresent()) {
                return List.of(Access.of(action, arn));
            }
        }
        String name = Members.string(request, "name");
        if (operation.equals("CreateStateMachine") && name != null) {
            return List.of(Access.of(action, Arn.in(context.scope(), StatesProvider.SERVICE, "stateMachine:" + name)));
        }
        return List.of(Access.of(action, "*"));
    }
}
