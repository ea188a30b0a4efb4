package gluelab.cloud.provider;

import java.util.List;
import software.amazon.awssdk.core.SdkPojo;

/** Names the resource a request is about, for the timeline and prefix resets, from common member names. */
public final class ResourceNames {

    private static final List<String> SINGLE = List.of(
            "JobName", "TriggerName", "CrawlerName", "WorkflowName", "FunctionName", "QueueUrl", "QueueName",
            "TableArn", "StateMachineArn", "ExecutionArn", "SecretId", "RoleArn", "RuleName", "Rule",
            "ScheduleName", "LogGroupName", "logGroupName", "Name", "Identity", "RuleSetName", "RoleName", "PolicyArn",
            "PolicyName");

    private ResourceNames() {
    }

    public static String of(Object request) {
        if (!(request instanceof SdkPojo pojo)) {
            return null;
        }
        String bucket = Members.string(pojo, "Bucket");
        if (bucket != null) {
            String key = Members.string(pojo, "Key");
            return key == null ? bucket : bucket + "/" + key;
        }
        String database = Members.string(pojo, "DatabaseName");
        if (database != null) {
            String table = Members.string(pojo, "TableName");
            return table == null ? database : database + "." + table;
        }
        for (String name : SINGLE) {
            String value = Members.string(pojo, name);
            if (value != null) {
                String stream = Members.string(pojo, "logStreamName");
                return stream != null && name.equals("logGroupName") ? value + "/" + stream : value;
            }
        }
        return null;
    }
}
