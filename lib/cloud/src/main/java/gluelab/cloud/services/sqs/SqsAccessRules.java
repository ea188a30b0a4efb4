package gluelab.cloud.services.sqs;

import gluelab.cloud.policy.MalformedPolicyException;
import gluelab.cloud.policy.PolicyDocument;
import gluelab.cloud.provider.Access;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Members;
import gluelab.cloud.provider.RequestContext;
import java.util.List;
import java.util.Map;

/**
 * What each SQS operation needs permission for, as the Service Authorization Reference lists it: the action named
 * after the operation on the queue ({@code arn:aws:sqs:region:account:name}) its URL, name or ARN addresses; a
 * batch operation needs its single operation's action ({@code sqs:SendMessage} for SendMessageBatch), as on AWS;
 * ListQueues and CancelMessageMoveTask are on every resource. A queue's own policy ({@code Policy}) is its resource
 * policy: what lets an AWS service (EventBridge, S3) send to it, as on AWS.
 */
final class SqsAccessRules implements AccessRules {

    private final AccountRegionStore<SqsState> states;

    SqsAccessRules(AccountRegionStore<SqsState> states) {
        this.states = states;
    }

    private static final Map<String, String> BATCH_ACTIONS = Map.of(
            "SendMessageBatch", "SendMessage",
            "DeleteMessageBatch", "DeleteMessage",
            "ChangeMessageVisibilityBatch", "ChangeMessageVisibility");

    @Override
    public List<Access> required(RequestContext context, String operation, Object request) {
        String action = "sqs:" + BATCH_ACTIONS.getOrDefault(operation, operation);
        String url = Members.string(request, "QueueUrl");
        if (url != null) {
            String[] path = QueueUrls.accountAndName(url);
            if (path.length == 2) {
                Access access = Access.of(action, Arn.of("sqs", context.region(), path[0], path[1]));
                return List.of(path[0].equals(context.accountId())
                        ? access.withResourcePolicy(context.accountId(), queuePolicy(context, path[1])) : access);
            }
            return List.of(Access.of(action, "*"));
        }
        String name = Members.string(request, "QueueName");
        // An empty name names no queue: the operation answers that itself, in SQS's words.
        if (name != null && !name.isEmpty() && !operation.equals("ListQueues")) {
            return List.of(Access.of(action, QueueUrls.arn(context.scope(), name)));
        }
        String source = Members.string(request, "SourceArn");
        return List.of(Access.of(action, source != null && Arn.parse(source).isPresent() ? source : "*"));
    }

    private PolicyDocument queuePolicy(RequestContext context, String queue) {
        String text = states.get(context).find(queue).map(q -> q.attributes().get("Policy")).orElse(null);
        if (text == null || text.isEmpty()) {
            return PolicyDocument.none(PolicyDocument.Kind.RESOURCE);
        }
        try {
            return PolicyDocument.parse(text, PolicyDocument.Kind.RESOURCE);
        } catch (MalformedPolicyException e) {
            throw new IllegalStateException("A stored queue policy no longer reads: " + e.getMessage(), e);
        }
    }
}
