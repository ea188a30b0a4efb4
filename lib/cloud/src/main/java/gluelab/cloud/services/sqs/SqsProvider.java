package gluelab.cloud.services.sqs;

import gluelab.cloud.console.ConsoleView;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.ConsoleReads;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Protocol;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;
import gluelab.cloud.shape.QueryNames.Naming;
import gluelab.cloud.shape.QueryNames;
import java.util.List;
import java.util.Map;

/**
 * Amazon SQS: queues ({@link QueueOperations}), their messages ({@link MessageOperations}, kept by a
 * {@link MessageStore} on the lab clock), tags ({@link QueueTagOperations}) and redrive out of dead-letter queues
 * ({@link MessageMoveTaskOperations}). SQS answers in two protocols: JSON 1.0 ({@code AmazonSQS.SendMessage}) for
 * current SDKs, and Query ({@code Action=SendMessage}, XML answers) for older ones such as Debian's boto3 1.26,
 * with the Query model's member names and error codes.
 *
 * <p>Where Lab Cloud differs from AWS: queues are reachable from their own account only (a queue's policy is
 * enforced for its account's principals and AWS services, and does not yet grant other accounts access); AddPermission/RemovePermission are not implemented;
 * KMS keys are stored, messages are not encrypted with them; a message move task completes at once, whatever its
 * rate.
 */
public final class SqsProvider implements ServiceProvider {

    public static final String SERVICE = "sqs";

    /** The Query names of members the JSON model names otherwise, from the 2012-11-05 Query model. */
    private static final QueryNames QUERY_NAMES = new QueryNames(Map.ofEntries(
            Map.entry("Attributes", Naming.flatMap("Attribute", "Name", "Value")),
            Map.entry("MessageAttributes", Naming.flatMap("MessageAttribute", "Name", "Value")),
            Map.entry("MessageSystemAttributes", Naming.flatMap("MessageSystemAttribute", "Name", "Value")),
            Map.entry("tags", Naming.flatMap("Tag", "Key", "Value")),
            Map.entry("Tags", Naming.flatMap("Tag", "Key", "Value")),
            Map.entry("AttributeNames", Naming.flatList("AttributeName")),
            Map.entry("MessageAttributeNames", Naming.flatList("MessageAttributeName")),
            Map.entry("MessageSystemAttributeNames", Naming.flatList("MessageSystemAttributeName")),
            Map.entry("SendMessageBatchRequest.Entries", Naming.flatList("SendMessageBatchRequestEntry")),
            Map.entry("DeleteMessageBatchRequest.Entries", Naming.flatList("DeleteMessageBatchRequestEntry")),
            Map.entry("ChangeMessageVisibilityBatchRequest.Entries",
                    Naming.flatList("ChangeMessageVisibilityBatchRequestEntry")),
            Map.entry("SendMessageBatchResponse.Successful", Naming.flatList("SendMessageBatchResultEntry")),
            Map.entry("DeleteMessageBatchResponse.Successful", Naming.flatList("DeleteMessageBatchResultEntry")),
            Map.entry("ChangeMessageVisibilityBatchResponse.Successful",
                    Naming.flatList("ChangeMessageVisibilityBatchResultEntry")),
            Map.entry("Failed", Naming.flatList("BatchResultErrorEntry")),
            Map.entry("QueueUrls", Naming.flatList("QueueUrl")),
            Map.entry("queueUrls", Naming.flatList("QueueUrl")),
            Map.entry("Messages", Naming.flatList("Message")),
            Map.entry("TagKeys", Naming.flatList("TagKey")),
            Map.entry("StringListValues", Naming.flatList("StringListValue")),
            Map.entry("BinaryListValues", Naming.flatList("BinaryListValue")),
            Map.entry("AWSAccountIds", Naming.flatList("AWSAccountId")),
            Map.entry("Actions", Naming.flatList("ActionName")),
            Map.entry("ListMessageMoveTasksResponse.Results", Naming.flatList("ListMessageMoveTasksResultEntry"))));

    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.json(SERVICE, "sqs", Protocol.JSON_1_0,
                    "AmazonSQS", "2012-11-05", "software.amazon.awssdk.services.sqs.model", "message")
            .alsoSpeakingQuery("http://queue.amazonaws.com/doc/2012-11-05/", QUERY_NAMES, SqsErrors.QUERY_CODES);

    static final Pages PAGES = new Pages("InvalidParameterValue",
            token -> new AwsServiceException("InvalidParameterValue", "Invalid NextToken value.", 400));
    private final AccountRegionStore<SqsState> states;
    private final Platform platform;
    private final AccessRules accessRules;
    private final List<Object> operations;

    private final ConsoleView console;

    public SqsProvider(Platform platform) {
        this.console = new QueuesConsoleView(new ConsoleReads(platform.internal()));
        this.platform = platform;
        this.states = new AccountRegionStore<>(SERVICE, platform.state(),
                (scope, store) -> new SqsState(scope, store, platform.clock().millis()));
        this.accessRules = new SqsAccessRules(states);
        MessageStore store = new MessageStore();
        this.operations = List.of(
                new QueueOperations(states, store),
                new MessageOperations(states, store),
                new QueueTagOperations(states),
                new MessageMoveTaskOperations(states, store));
    }

    @Override
    public List<ConsoleView> consoleViews() {
        return List.of(console);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public AccessRules accessRules() {
        return accessRules;
    }

    @Override
    public List<Object> operationHandlers() {
        return operations;
    }

    @Override
    public int reset(String prefix) {
        int removed = 0;
        for (SqsState state : states.all().values()) {
            removed += state.reset(prefix, platform.clock().millis());
        }
        return removed;
    }
}
