package gluelab.cloud.services.logs;

import gluelab.cloud.provider.Access;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.Members;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.RequestContext;
import java.util.List;

/**
 * What each CloudWatch Logs operation needs permission for: the action named after the operation, on the log
 * stream it writes or reads ({@code arn:aws:logs:r:a:log-group:G:log-stream:S}), else on its log group
 * ({@code arn:aws:logs:r:a:log-group:G}) or groups (StartQuery's {@code logGroupNames}), else on every resource (the Describe calls across groups).
 */
final class LogsAccessRules implements AccessRules {

    @Override
    public List<Access> required(RequestContext context, String operation, Object request) {
        String group = Members.string(request, "logGroupName");
        String stream = Members.string(request, "logStreamName");
        String action = "logs:" + operation;
        if (group == null) {
            String identifier = Members.string(request, "logGroupIdentifier");
            group = identifier == null ? null : identifier.startsWith("arn:")
                    ? Arn.parse(identifier).map(a -> a.resourceId().replaceAll(":\\*$", "")).orElse(identifier) : identifier;
        }
        List<String> groups = Members.strings(request, "logGroupNames");
        if (group == null && !groups.isEmpty()) {
            // StartQuery over several groups needs the action on each of them.
            return groups.stream().map(g -> Access.of(action, Arn.in(context.scope(), "logs", "log-group:" + g))).toList();
        }
        if (group == null) {
            return List.of(Access.of(action, "*"));
        }
        String groupResource = "log-group:" + group;
        String resource = stream == null || operation.equals("CreateLogStream") || operation.equals("DeleteLogStream")
                ? groupResource : groupResource + ":log-stream:" + stream;
        return List.of(Access.of(action, Arn.in(context.scope(), "logs", resource)));
    }
}
