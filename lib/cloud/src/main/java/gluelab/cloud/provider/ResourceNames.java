package gluelab.cloud.provider;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/** Names the resource a request is about, for the timeline and prefix resets, from common member names. */
public final class ResourceNames {

    private static final List<String> SINGLE = List.of(
            "JobName", "TriggerName", "CrawlerName", "WorkflowName", "FunctionName", "QueueUrl", "QueueName",
            "TableArn", "StateMachineArn", "ExecutionArn", "SecretId", "RoleArn", "RuleName", "Rule",
            "ScheduleName", "LogGroupName", "logGroupName", "Name", "Identity", "RuleSetName");

    private ResourceNames() {
    }

    public static String of(Object request) {
        if (!(request instanceof SdkPojo pojo)) {
            return null;
        }
        String bucket = member(pojo, "Bucket");
        if (bucket != null) {
            String key = member(pojo, "Key");
            return key == null ? bucket : bucket + "/" + key;
        }
        String database = member(pojo, "DatabaseName");
        if (database != null) {
            String table = member(pojo, "TableName");
            return table == null ? database : database + "." + table;
        }
        for (String name : SINGLE) {
            String value = member(pojo, name);
            if (value != null) {
                String stream = member(pojo, "logStreamName");
                return stream != null && name.equals("logGroupName") ? value + "/" + stream : value;
            }
        }
        return null;
    }

    private static String member(SdkPojo pojo, String name) {
        for (SdkField<?> field : pojo.sdkFields()) {
            if (field.memberName().equals(name) || name.equals(field.locationName())) {
                Object value = field.getValueOrDefault(pojo);
                return value instanceof String s ? s : null;
            }
        }
        return null;
    }
}
