package gluelab.cloud.services.cloudtrail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * One API call as CloudTrail sees it: what event selectors and LookupEvents match it by, and its record, the JSON
 * that log files and "AWS API Call via CloudTrail" events carry, built only when something needs it.
 *
 * @param sequence   the order CloudTrail heard of it in
 * @param management a management event (event history, trails by default) rather than a data event
 * @param username   who called, as LookupEvents shows it: {@code root}, or a role session's name
 * @param resources  what the call acted on: for data events the objects (or functions) selectors match
 */
record TrailEvent(long sequence, String eventId, Instant time, String account, String region, String eventSource,
                  String eventName, boolean readOnly, boolean management, String username, String accessKeyId,
                  List<Resource> resources, Supplier<ObjectNode> record) {

    /** A resource of an event: its CloudFormation type ({@code AWS::S3::Object}), ARN and name. */
    record Resource(String type, String arn, String name) {
    }

    String category() {
        return management ? "Management" : "Data";
    }

    /** The data resource the event is about (the S3 object, the Lambda function), if it is a data event. */
    Resource dataResource() {
        return management || resources.isEmpty() ? null : resources.get(0);
    }
}
