package gluelab.cloud.edge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random and mutated requests for every protocol family Lab Cloud speaks, and nearly-right ones for each JSON and
 * REST-JSON service (Glue, Logs, CloudTrail, Scheduler). Deterministic for a seed, so a failure can be replayed.
 */
final class FuzzRequests {

    enum Family { JSON, QUERY, REST_XML, REST_JSON, AUTH, ADMIN }

    record Fuzzed(Family family, String service, String method, String pathAndQuery, Map<String, String> headers,
                  byte[] body, boolean signed, String secret) {
    }

    private static final List<String> GLUE_OPS = List.of("CreateJob", "GetJob", "StartJobRun", "GetJobRun",
            "CreateDatabase", "GetTable", "GetPartitions", "CreateTrigger", "BatchStopJobRun", "GetJobs",
            "UpdateTable", "NoSuchOperation", "", "getJob", "CreateJob.Extra", "CreateDataQualityRuleset",
            "StartDataQualityRulesetEvaluationRun", "GetDataQualityResult", "ListDataQualityResults",
            "BatchGetDataQualityResult", "CreateWorkflow", "GetWorkflowRun", "StartWorkflowRun", "PutWorkflowRunProperties");
    private static final List<String> STATES_OPS = List.of("CreateStateMachine", "StartExecution", "StartSyncExecution",
            "DescribeExecution", "GetExecutionHistory", "RedriveExecution", "StopExecution", "SendTaskSuccess",
            "ValidateStateMachineDefinition", "ListExecutions", "TagResource", "DescribeMapRun", "ListMapRuns",
            "UpdateMapRun", "Nope");
    private static final List<String> LOGS_OPS = List.of("CreateLogGroup", "PutLogEvents", "GetLogEvents",
            "FilterLogEvents", "DescribeLogStreams", "DeleteLogGroup", "StartQuery", "GetQueryResults", "StopQuery",
            "DescribeQueries", "Bogus");
    private static final List<String> EVENTS_OPS = List.of("PutRule", "PutTargets", "PutEvents", "TestEventPattern",
            "CreateEventBus", "DescribeEventBus", "ListRules", "DeleteRule", "PutPermission", "RemoveTargets",
            "ListTargetsByRule", "TagResource", "Nope");
    private static final List<String> CLOUDTRAIL_OPS = List.of("CreateTrail", "GetTrail", "DescribeTrails", "ListTrails",
            "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging", "GetTrailStatus", "PutEventSelectors",
            "GetEventSelectors", "LookupEvents", "CreateEventDataStore", "Nope");
    private static final List<String> SECRETS_OPS = List.of("CreateSecret", "GetSecretValue", "PutSecretValue",
            "UpdateSecretVersionStage", "DescribeSecret", "ListSecrets", "BatchGetSecretValue", "GetRandomPassword",
            "RotateSecret", "CancelRotateSecret", "DeleteSecret", "RestoreSecret", "PutResourcePolicy", "TagResource",
            "Nope");
    private static final List<String> DYNAMODB_OPS = List.of("CreateTable", "DescribeTable", "PutItem", "GetItem",
            "UpdateItem", "DeleteItem", "Query", "Scan", "BatchWriteItem", "BatchGetItem", "TransactWriteItems",
            "TransactGetItems", "UpdateTable", "UpdateTimeToLive", "TagResource", "Nope");
    private static final List<String> SQS_OPS = List.of("CreateQueue", "GetQueueUrl", "SendMessage",
            "SendMessageBatch", "ReceiveMessage", "DeleteMessage", "ChangeMessageVisibility", "GetQueueAttributes",
            "SetQueueAttributes", "PurgeQueue", "ListQueues", "DeleteQueue", "Nope");
    private static final List<String> RDS_ACTIONS = List.of("CreateDBInstance", "DescribeDBInstances",
            "ModifyDBInstance", "DeleteDBInstance", "Nope", "");
    private static final List<String> RDS_PARAMS = List.of("DBInstanceIdentifier", "Engine", "DBInstanceClass",
            "MasterUsername", "MasterUserPassword", "AllocatedStorage", "DBName", "SkipFinalSnapshot",
            "Filters.Filter.1.Name", "Filters.Filter.1.Values.Value.1", "MaxRecords", "Marker", "%25ZZ");
    private static final List<String> SQS_QUERY_PARAMS = List.of("QueueName", "QueueUrl", "MessageBody",
            "DelaySeconds", "MaxNumberOfMessages", "VisibilityTimeout", "ReceiptHandle", "Attribute.1.Name",
            "Attribute.1.Value", "AttributeName.1", "SendMessageBatchRequestEntry.1.Id", "%25ZZ");
    private static final String CLOUDTRAIL_PREFIX = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101";
    private static final List<String> SCHEDULER_PATHS = List.of("/schedules/fz-1", "/schedules/fz-1?groupName=fz-group",
            "/schedules", "/schedules?ScheduleGroup=fz-group&MaxResults=0&NamePrefix=%25", "/schedule-groups/fz-group",
            "/schedule-groups", "/schedule-groups?NextToken=forged", "/schedules/%25ZZ", "/schedules/" + "n".repeat(70),
            "/tags/arn%3Aaws%3Ascheduler%3Aus-east-1%3A000000000000%3Aschedule-group%2Ffz-group",
            "/tags/arn%3Aaws%3Ascheduler%3Aus-east-1%3A000000000000%3Aschedule-group%2Ffz-group?TagKeys=a",
            "/tags/not-an-arn");
    private static final List<String> SES_ACTIONS = List.of("VerifyEmailIdentity", "VerifyEmailAddress",
            "VerifyDomainIdentity", "ListIdentities", "GetIdentityVerificationAttributes", "DeleteIdentity", "SendEmail",
            "SendRawEmail", "CreateTemplate", "GetTemplate", "ListTemplates", "SendTemplatedEmail", "GetSendQuota");
    private static final List<String> SES_PARAMS = List.of("EmailAddress", "Domain", "Identity", "IdentityType",
            "MaxItems", "NextToken", "Identities.member.1", "Source", "Destination.ToAddresses.member.1",
            "Destinations.member.1", "Message.Subject.Data", "Message.Body.Text.Data", "RawMessage.Data",
            "Template.TemplateName", "Template.SubjectPart", "TemplateName", "Template", "TemplateData");
    private static final List<String> SESV2_PATHS = List.of("/v2/email/identities", "/v2/email/identities/a%40b.example",
            "/v2/email/identities?PageSize=0", "/v2/email/list-identities", "/v2/email/outbound-emails",
            "/v2/email/account", "/v2/email/identities/%25ZZ");
    private static final List<String> STS_ACTIONS = List.of("GetCallerIdentity", "AssumeRole", "GetSessionToken",
            "DecodeAuthorizationMessage", "Nope", "");
    private static final List<String> IAM_ACTIONS = List.of("CreateRole", "GetRole", "ListRoles", "UpdateRole",
            "UpdateAssumeRolePolicy", "DeleteRole", "TagRole", "UntagRole", "PutRolePolicy", "GetRolePolicy",
            "ListRolePolicies", "CreatePolicy", "GetPolicy", "ListPolicies", "CreatePolicyVersion", "GetPolicyVersion",
            "ListPolicyVersions", "DeletePolicyVersion", "AttachRolePolicy", "DetachRolePolicy",
            "ListAttachedRolePolicies", "ListEntitiesForPolicy", "CreateUser", "Nope", "");
    private static final List<String> IAM_PARAMS = List.of("RoleName", "PolicyName", "PolicyArn", "Path",
            "PathPrefix", "AssumeRolePolicyDocument", "PolicyDocument", "MaxSessionDuration", "MaxItems", "Marker",
            "VersionId", "SetAsDefault", "Scope", "OnlyAttached", "Tags.member.1.Key", "Tags.member.1.Value",
            "TagKeys.member.1", "Description");
    private static final List<String> S3_SUBRESOURCES = List.of("", "uploads", "uploadId=abc", "list-type=2",
            "delete", "location", "notification", "acl", "versioning", "tagging", "partNumber=1&uploadId=x",
            "max-keys=-1", "list-type=2&continuation-token=%FF%FE", "prefix=%00&delimiter=%2F", "x-id=PutObject",
            "list-type=2&max-keys=99999999999999999999", "marker=", "encoding-type=bogus", "versions",
            "versions&key-marker=a&version-id-marker=%00", "versions&version-id-marker=null", "versions&max-keys=-5",
            "versions&encoding-type=url&prefix=%0A", "versionId=null", "versionId=", "versionId=%FF%FE",
            "versionId=3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrH", "ownershipControls", "publicAccessBlock", "cors",
            "policy", "policyStatus");
    private static final List<String> S3_METHODS = List.of("GET", "PUT", "POST", "DELETE", "HEAD", "PATCH", "OPTIONS");

    private static final String PUNCTUATION = "-_.~ /:%\"'\\{}[]";

    private final Random random;

    FuzzRequests(long seed) {
        this.random = new Random(seed);
    }

    Fuzzed next() {
        Family family = Family.values()[random.nextInt(Family.values().length)];
        return switch (family) {
            case JSON -> json();
            case QUERY -> query();
            case REST_XML -> s3();
            case REST_JSON -> restJson();
            case AUTH -> auth();
            case ADMIN -> admin();
        };
    }

    private Fuzzed json() {
        String service = pick(List.of("glue", "logs", "events", "cloudtrail", "secretsmanager", "dynamodb", "sqs",
                "states"));
        String op = pick(switch (service) {
            case "glue" -> GLUE_OPS;
            case "states" -> STATES_OPS;
            case "logs" -> LOGS_OPS;
            case "events" -> EVENTS_OPS;
            case "secretsmanager" -> SECRETS_OPS;
            case "dynamodb" -> DYNAMODB_OPS;
            case "sqs" -> SQS_OPS;
            default -> CLOUDTRAIL_OPS;
        });
        String prefix = switch (service) {
            case "glue" -> "AWSGlue";
            case "logs" -> "Logs_20140328";
            case "events" -> "AWSEvents";
            case "secretsmanager" -> "secretsmanager";
            case "dynamodb" -> "DynamoDB_20120810";
            case "sqs" -> "AmazonSQS";
            case "states" -> "AWSStepFunctions";
            default -> CLOUDTRAIL_PREFIX;
        };
        if (random.nextInt(10) == 0) {
            prefix = pick(List.of("AWSGlueX", "", "Logs", "AmazonS3"));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", random.nextInt(8) == 0 ? "text/plain"
                : service.equals("sqs") || service.equals("dynamodb") || service.equals("states")
                        ? "application/x-amz-json-1.0"
                : "application/x-amz-json-1.1");
        if (random.nextInt(12) != 0) {
            headers.put("X-Amz-Target", prefix + "." + op);
        }
        byte[] body = !random.nextBoolean() ? jsonBody() : switch (service) {
            case "events" -> eventsBody();
            case "secretsmanager" -> secretsBody();
            case "dynamodb" -> dynamoDbBody();
            case "sqs" -> sqsBody();
            case "states" -> statesBody();
            default -> jsonBody();
        };
        return new Fuzzed(Family.JSON, service, random.nextInt(15) == 0 ? "GET" : "POST", "/", headers, body, true,
                "test");
    }

    /** Nearly-right Step Functions requests: machines, executions, definitions in both query languages, inputs. */
    private byte[] statesBody() {
        String definition = pick(List.of(
                "{\\\"StartAt\\\":\\\"P\\\",\\\"States\\\":{\\\"P\\\":{\\\"Type\\\":\\\"Pass\\\",\\\"End\\\":true}}}",
                "{\\\"QueryLanguage\\\":\\\"JSONata\\\",\\\"StartAt\\\":\\\"P\\\",\\\"States\\\":{\\\"P\\\":{\\\"Type\\\":\\\"Pass\\\",\\\"Output\\\":\\\"{% $states.input.x + %}\\\",\\\"End\\\":true}}}",
                "{\\\"StartAt\\\":\\\"Missing\\\",\\\"States\\\":{}}", "not json", "{\\\"States\\\":[1]}"));
        String machine = pick(List.of("\"arn:aws:states:us-east-1:000000000000:stateMachine:fz\"",
                "\"arn:aws:states:us-east-1:000000000000:stateMachine:\"", "\"not-an-arn\"", randomScalar()));
        String execution = pick(List.of("\"arn:aws:states:us-east-1:000000000000:execution:fz:e1\"",
                "\"arn:aws:states:us-east-1:000000000000:execution:fz\"", "\"arn:aws:lambda:us-east-1:000000000000:function:x\"",
                randomScalar()));
        String input = pick(List.of("\"{}\"", "\"{\\\"x\\\":1}\"", "\"[1,\"", "\"" + "x".repeat(300) + "\"", randomScalar()));
        return (switch (random.nextInt(4)) {
            case 0 -> "{\"name\":\"fz" + random.nextInt(3) + "\",\"definition\":\"" + definition
                    + "\",\"roleArn\":\"arn:aws:iam::000000000000:role/fz\",\"type\":" + pick(List.of("\"STANDARD\"",
                    "\"EXPRESS\"", "\"OTHER\"", randomScalar())) + "}";
            case 1 -> "{\"stateMachineArn\":" + machine + ",\"name\":" + pick(List.of("\"e1\"", "\"bad name\"",
                    randomScalar())) + ",\"input\":" + input + "}";
            case 2 -> "{\"executionArn\":" + execution + ",\"maxResults\":" + randomScalar() + ",\"reverseOrder\":"
                    + randomScalar() + "}";
            default -> "{\"taskToken\":" + randomScalar() + ",\"output\":" + input + ",\"definition\":\"" + definition
                    + "\"}";
        }).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Nearly-right SQS requests: a few queues by name and URL, bodies, attributes, receipt handles and batches. */
    private byte[] sqsBody() {
        String queue = pick(List.of("\"fz-q\"", "\"fz-q.fifo\"", "\"http://127.0.0.1/000000000000/fz-q\"",
                "\"" + "q".repeat(90) + "\"", randomScalar()));
        return ("{\"QueueName\":" + queue + ",\"QueueUrl\":" + queue + ",\"MessageBody\":" + randomScalar()
                + ",\"DelaySeconds\":" + randomScalar() + ",\"MaxNumberOfMessages\":" + randomScalar()
                + ",\"VisibilityTimeout\":" + randomScalar() + ",\"ReceiptHandle\":" + randomScalar()
                + ",\"Attributes\":" + pick(List.of("{\"VisibilityTimeout\":\"-1\"}", "{\"FifoQueue\":\"true\"}",
                "{\"RedrivePolicy\":\"{\\\"maxReceiveCount\\\":0}\"}", randomScalar()))
                + ",\"Entries\":" + pick(List.of("[]", "[{\"Id\":\"a\",\"MessageBody\":\"x\"},{\"Id\":\"a\"}]",
                randomScalar())) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** Nearly-right Secrets Manager requests: a few secrets' names and versions, values, labels, rules and filters. */
    private byte[] secretsBody() {
        String secret = pick(List.of("\"fz/s" + random.nextInt(4) + "\"", "\"arn:aws:secretsmanager:us-east-1:"
                + "000000000000:secret:fz/s1\"", "\"arn:aws:secretsmanager:us-east-1:000000000000:secret\"",
                randomScalar()));
        return ("{\"Name\":" + secret + ",\"SecretId\":" + secret + ",\"SecretString\":" + randomScalar()
                + ",\"SecretBinary\":" + pick(List.of("\"AAEC\"", "\"not base64!\"", randomScalar()))
                + ",\"ClientRequestToken\":" + pick(List.of("\"" + "t".repeat(32 + random.nextInt(40)) + "\"",
                randomScalar())) + ",\"VersionStage\":" + pick(List.of("\"AWSCURRENT\"", "\"AWSPENDING\"",
                randomScalar())) + ",\"VersionStages\":" + pick(List.of("[]", "[\"AWSPENDING\"]", randomScalar()))
                + ",\"MoveToVersionId\":" + randomScalar() + ",\"RemoveFromVersionId\":" + randomScalar()
                + ",\"RecoveryWindowInDays\":" + randomScalar() + ",\"ForceDeleteWithoutRecovery\":" + randomScalar()
                + ",\"PasswordLength\":" + randomScalar() + ",\"RotationLambdaARN\":" + randomScalar()
                + ",\"RotationRules\":{\"AutomaticallyAfterDays\":" + randomScalar() + ",\"ScheduleExpression\":"
                + pick(List.of("\"rate(0 days)\"", "\"cron(0 0 * * ? *)\"", randomScalar())) + ",\"Duration\":"
                + randomScalar() + "},\"Filters\":[{\"Key\":" + randomScalar() + ",\"Values\":[" + randomScalar()
                + "]}],\"SecretIdList\":[" + secret + "],\"MaxResults\":" + randomScalar() + ",\"NextToken\":"
                + randomScalar() + ",\"ResourcePolicy\":" + randomScalar() + "}").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] sesV2Body() {
        String address = pick(List.of("\"a@b.example\"", "\"Ana <a@b.example>\"", "\"b.example\"", "\"\"",
                randomScalar()));
        String content = pick(List.of("{}", "{\"Simple\":{\"Subject\":{\"Data\":\"s\"}}}",
                "{\"Simple\":{\"Subject\":" + randomScalar() + ",\"Body\":{\"Text\":{\"Data\":1}}}}",
                "{\"Raw\":{\"Data\":" + pick(List.of("\"not base64!\"", "\"RnJvbTogYUBiDQoNCmhp\"", "\"\"")) + "}}",
                "{\"Template\":{\"TemplateName\":" + randomScalar() + ",\"TemplateData\":"
                        + pick(List.of("\"{\\\"a\\\":1}\"", "\"not json\"", randomScalar())) + "}}",
                randomScalar()));
        return ("{\"EmailIdentity\":" + address + ",\"FromEmailAddress\":" + address
                + ",\"Destination\":{\"ToAddresses\":[" + address + "]},\"Content\":" + content
                + ",\"PageSize\":" + randomScalar() + "}").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] jsonBody() {
        return switch (random.nextInt(11)) {
            case 0 -> new byte[0];
            case 1 -> randomBytes(random.nextInt(200));
            case 2 -> "{\"Name\":".getBytes(StandardCharsets.UTF_8);
            case 3 -> "[1,2,3]".getBytes(StandardCharsets.UTF_8);
            case 4 -> ("{" + "\"a\":[".repeat(2000) + "]".repeat(2000) + "}").getBytes(StandardCharsets.UTF_8);
            case 5 -> randomJsonObject(3).getBytes(StandardCharsets.UTF_8);
            case 6 -> ("{\"Name\":" + randomScalar() + ",\"Role\":" + randomScalar() + ",\"Command\":"
                    + randomScalar() + ",\"DatabaseName\":" + randomScalar() + ",\"logGroupName\":" + randomScalar()
                    + ",\"MaxResults\":" + randomScalar() + ",\"DefaultArguments\":" + randomScalar() + "}")
                    .getBytes(StandardCharsets.UTF_8);
            case 7 -> ("{\"Name\":\"" + "x".repeat(random.nextInt(100_000)) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 8 -> ("{\"logGroupName\":\"fz" + random.nextInt(50) + "\",\"logStreamName\":\"s\",\"logEvents\":"
                    + "[{\"timestamp\":" + randomScalar() + ",\"message\":" + randomScalar() + "}]}")
                    .getBytes(StandardCharsets.UTF_8);
            case 9 -> ("{\"Name\":" + pick(List.of("\"fz-trail\"", "\"a\"", "\"192.168.0.1\"", randomScalar()))
                    + ",\"S3BucketName\":" + randomScalar() + ",\"TrailName\":" + randomScalar()
                    + ",\"EventSelectors\":[{\"ReadWriteType\":" + randomScalar() + ",\"DataResources\":[{\"Type\":"
                    + randomScalar() + ",\"Values\":[" + randomScalar() + "]}]}],\"AdvancedEventSelectors\":"
                    + pick(List.of("[]", "[{}]", "[{\"FieldSelectors\":[{\"Field\":\"x\"}]}]", randomScalar()))
                    + ",\"LookupAttributes\":[{\"AttributeKey\":" + randomScalar() + ",\"AttributeValue\":"
                    + randomScalar() + "}],\"StartTime\":" + randomScalar() + ",\"MaxResults\":" + randomScalar() + "}")
                    .getBytes(StandardCharsets.UTF_8);
            default -> ("{\"ScheduleExpression\":" + pick(List.of("\"at(2026-02-30T00:00:00)\"", "\"rate(0 days)\"",
                    "\"cron(0 0 * * ? *)\"", randomScalar())) + ",\"ScheduleExpressionTimezone\":" + randomScalar()
                    + ",\"FlexibleTimeWindow\":{\"Mode\":" + randomScalar() + ",\"MaximumWindowInMinutes\":"
                    + randomScalar() + "},\"Target\":{\"Arn\":" + pick(List.of(
                    "\"arn:aws:scheduler:::aws-sdk:glue:startJobRun\"", "\"arn:aws:scheduler:::aws-sdk:sqs:listQueues\"",
                    "\"arn:aws:lambda:us-east-1:000000000000:function:f\"", randomScalar()))
                    + ",\"RoleArn\":" + randomScalar() + ",\"Input\":" + randomScalar() + ",\"RetryPolicy\":"
                    + randomScalar() + "},\"StartDate\":" + randomScalar() + ",\"Tags\":" + randomScalar() + "}")
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    /** DynamoDB's members: tables, keys, items and expressions that are sometimes well-formed and mostly not. */
    private byte[] dynamoDbBody() {
        String value = pick(List.of("{\"S\":\"a\"}", "{\"N\":\"1e400\"}", "{\"N\":\"x\"}", "{}",
                "{\"S\":\"a\",\"N\":\"1\"}", "{\"SS\":[]}", "{\"NS\":[\"1\",\"1.0\"]}",
                "{\"L\":[{\"M\":{\"a\":{\"NULL\":false}}}]}", "{\"B\":\"!!\"}", "null", randomScalar()));
        String expression = pick(List.of("a = :v", "SET a = a + :v", "attribute_not_exists(pk)", "pk = :v AND sk > :v",
                "REMOVE a[99999999999]", "size(a) BETWEEN :v AND :v", "#n IN ()", "SET a = list_append(:v)",
                "((((a", "ADD a :v DELETE a :v", "status = :v", "a.b[0].c, #n", randomText(30)));
        String table = pick(List.of("\"fz-table\"", "\"t\"", "null", randomScalar()));
        return switch (random.nextInt(4)) {
            case 0 -> ("{\"TableName\":" + table + ",\"BillingMode\":"
                    + pick(List.of("\"PAY_PER_REQUEST\"", "\"PROVISIONED\"", randomScalar()))
                    + ",\"KeySchema\":[{\"AttributeName\":" + pick(List.of("\"pk\"", "null", randomScalar()))
                    + ",\"KeyType\":" + pick(List.of("\"HASH\"", "\"RANGE\"", randomScalar()))
                    + "}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":"
                    + pick(List.of("\"S\"", "\"BOOL\"", randomScalar())) + "}],\"GlobalSecondaryIndexes\":"
                    + pick(List.of("[]", "[{}]", "[{\"IndexName\":\"i\",\"KeySchema\":[]}]", randomScalar()))
                    + "}").getBytes(StandardCharsets.UTF_8);
            case 1 -> ("{\"TableName\":" + table + ",\"Item\":{\"pk\":" + value + ",\"a\":" + value
                    + "},\"Key\":{\"pk\":" + value + "},\"ConditionExpression\":\"" + expression
                    + "\",\"UpdateExpression\":\"" + expression + "\",\"ExpressionAttributeValues\":{\":v\":"
                    + value + "},\"ExpressionAttributeNames\":" + pick(List.of("{\"#n\":\"a\"}", "{}",
                    randomScalar())) + ",\"ReturnValues\":" + randomScalar() + "}").getBytes(StandardCharsets.UTF_8);
            case 2 -> ("{\"TableName\":" + table + ",\"KeyConditionExpression\":\"" + expression
                    + "\",\"FilterExpression\":\"" + expression + "\",\"ProjectionExpression\":\"" + expression
                    + "\",\"ExpressionAttributeValues\":{\":v\":" + value + "},\"Limit\":" + randomScalar()
                    + ",\"Segment\":" + randomScalar() + ",\"TotalSegments\":" + randomScalar()
                    + ",\"ExclusiveStartKey\":{\"pk\":" + value + "}}").getBytes(StandardCharsets.UTF_8);
            default -> ("{\"RequestItems\":{\"fz-table\":" + pick(List.of("[{\"PutRequest\":{\"Item\":{\"pk\":"
                    + value + "}}}]", "{\"Keys\":[{\"pk\":" + value + "}]}", "[{}]", randomScalar()))
                    + "},\"TransactItems\":[" + pick(List.of("{}", "{\"Put\":{\"TableName\":\"fz-table\",\"Item\":"
                    + "{\"pk\":" + value + "}},\"Delete\":{}}", "{\"Get\":{\"TableName\":" + table + "}}",
                    "{\"ConditionCheck\":{\"TableName\":\"fz-table\",\"Key\":{\"pk\":" + value + "}}}",
                    randomScalar())) + "],\"ClientRequestToken\":" + randomScalar() + "}")
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    /** EventBridge's members, with scalars, patterns and templates that are sometimes well-formed and mostly not. */
    private byte[] eventsBody() {
        String pattern = pick(List.of("{\\\"source\\\":[\\\"a\\\"]}", "{\\\"a\\\":[{\\\"numeric\\\":[\\\">\\\"]}]}",
                "{", "[]", "{\\\"$or\\\":[]}", randomText(30)));
        return switch (random.nextInt(4)) {
            case 0 -> ("{\"Name\":" + randomScalar() + ",\"EventPattern\":\"" + pattern + "\",\"ScheduleExpression\":"
                    + randomScalar() + ",\"State\":" + randomScalar() + ",\"EventBusName\":" + randomScalar() + "}")
                    .getBytes(StandardCharsets.UTF_8);
            case 1 -> ("{\"Entries\":[{\"Source\":" + randomScalar() + ",\"DetailType\":" + randomScalar()
                    + ",\"Detail\":" + randomScalar() + ",\"Time\":" + randomScalar() + ",\"Resources\":"
                    + randomScalar() + ",\"EventBusName\":" + randomScalar() + "}]}").getBytes(StandardCharsets.UTF_8);
            case 2 -> ("{\"Rule\":\"fz" + random.nextInt(5) + "\",\"Targets\":[{\"Id\":" + randomScalar()
                    + ",\"Arn\":" + randomScalar() + ",\"InputPath\":" + randomScalar()
                    + ",\"InputTransformer\":{\"InputPathsMap\":{\"a\":" + randomScalar() + "},\"InputTemplate\":"
                    + randomScalar() + "},\"RetryPolicy\":{\"MaximumRetryAttempts\":" + randomScalar() + "}}]}")
                    .getBytes(StandardCharsets.UTF_8);
            default -> ("{\"EventPattern\":\"" + pattern + "\",\"Event\":" + randomScalar() + "}")
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    private String randomJsonObject(int depth) {
        StringBuilder out = new StringBuilder("{");
        int members = random.nextInt(6);
        for (int i = 0; i < members; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(pick(List.of("Name", "JobName", "Role", "Command", "Arguments", "Timeout",
                    "DatabaseInput", "TableInput", "PartitionInputList", "Expression", "NextToken", "MaxResults",
                    "logGroupName", "filterPattern", "limit", "startTime", "endTime", "queryString", "queryId", "Tags", "x")))
                    .append("\":");
            out.append(depth > 0 && random.nextBoolean() ? randomJsonObject(depth - 1) : randomScalar());
        }
        return out.append('}').toString();
    }

    private String randomScalar() {
        return switch (random.nextInt(10)) {
            case 0 -> "null";
            case 1 -> "true";
            case 2 -> Long.toString(random.nextLong());
            case 3 -> "1e400";
            case 4 -> "-0.5";
            case 5 -> "\"" + randomText(20) + "\"";
            case 6 -> "[]";
            case 7 -> "{}";
            case 8 -> "\"cron(" + randomText(8) + ")\"";
            default -> "\"" + pick(List.of("glueetl", "SUCCEEDED", "year = 2024", "{ $.level = \\\"E\\\" }",
                    "s3://b/k", "arn:aws:iam::000000000000:role/r", "year > 'a' AND", "? ERROR -x")) + "\"";
        };
    }

    /**
     * The Query services: STS, IAM, RDS and SQS's older protocol, with their own actions and parameters, some of them
     * broken. RDS passwords are always too short, so no fuzzed CreateDBInstance starts a PostgreSQL server.
     */
    private Fuzzed query() {
        String service = pick(List.of("iam", "sts", "rds", "sqs", "ses"));
        StringBuilder body = new StringBuilder();
        String action = pick(switch (service) {
            case "iam" -> IAM_ACTIONS;
            case "rds" -> RDS_ACTIONS;
            case "sqs" -> SQS_OPS;
            case "ses" -> SES_ACTIONS;
            default -> STS_ACTIONS;
        });
        if (random.nextInt(10) != 0) {
            body.append("Action=").append(action);
        }
        if (random.nextBoolean()) {
            String version = switch (service) {
                case "iam" -> "2010-05-08";
                case "rds" -> "2014-10-31";
                case "sqs" -> "2012-11-05";
                case "ses" -> "2010-12-01";
                default -> "2011-06-15";
            };
            body.append("&Version=").append(random.nextBoolean() ? version : urlish(randomText(5)));
        }
        int params = random.nextInt(6);
        for (int i = 0; i < params; i++) {
            String name = switch (service) {
                case "iam" -> pick(IAM_PARAMS);
                case "rds" -> pick(RDS_PARAMS);
                case "sqs" -> pick(SQS_QUERY_PARAMS);
                case "ses" -> pick(SES_PARAMS);
                default -> pick(List.of("RoleArn", "RoleSessionName", "DurationSeconds",
                        "Tags.member." + random.nextInt(1_000_000) + ".Key", "PolicyArns.member.1.arn", "Policy",
                        "%25ZZ", "a.b.c"));
            };
            body.append('&').append(name).append('=').append(urlish(switch (service) {
                case "iam" -> iamValue(name);
                case "rds" -> rdsValue(name);
                case "ses" -> pick(List.of("a@b.example", "Ana <a@b.example>", "not-an-address", "example.com",
                        "{\"x\":1}", "RnJvbTogYUBiLmV4YW1wbGUNCg0KaGk=", "0", "-1", randomText(12)));
                default -> randomText(12);
            }));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        boolean get = random.nextInt(6) == 0;
        return new Fuzzed(Family.QUERY, service, get ? "GET" : "POST", get ? "/?" + body : "/", headers,
                get ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8), true, "test");
    }

    /** Nearly-right RDS values, so requests reach the operations; never a valid master password. */
    private String rdsValue(String name) {
        return switch (name) {
            case "DBInstanceIdentifier" -> pick(List.of("fz-db", "FZ-DB", "1db", "db--x", "d".repeat(70), randomText(8)));
            case "Engine" -> pick(List.of("postgres", "mysql", "", randomText(6)));
            case "DBInstanceClass" -> pick(List.of("db.t3.micro", "db.nope", randomText(6)));
            case "MasterUserPassword" -> "p".repeat(random.nextInt(8));
            case "AllocatedStorage", "MaxRecords" -> pick(List.of("20", "-1", "0", "99999999999", randomText(3)));
            default -> randomText(12);
        };
    }

    /** Mostly nearly-right IAM values (names, paths, ARNs, policy documents), so requests reach the operations. */
    private String iamValue(String name) {
        if (random.nextInt(4) == 0) {
            return randomText(12);
        }
        return switch (name) {
            case "RoleName", "PolicyName" -> pick(List.of("fuzz-role", "fuzz-role", "FUZZ-ROLE", "bad name", "x".repeat(70)));
            case "Path", "PathPrefix" -> pick(List.of("/", "/fuzz/", "nope", "//", "/a*b/"));
            case "PolicyArn" -> pick(List.of("arn:aws:iam::000000000000:policy/fuzz-role",
                    "arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/service-role/AWSLambdaRole",
                    "arn:aws:iam::000000000000:role/fuzz-role", "not-an-arn", "arn:aws:iam::111111111111:policy/x"));
            case "AssumeRolePolicyDocument", "PolicyDocument" -> pick(List.of(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                            + "{\"Service\":\"glue.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                            + "\"Resource\":\"*\"}]}",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                            + "{\"AWS\":\"arn:aws:iam::000000000000:role/" + randomText(4) + "\"},\"Action\":\"*\"}]}",
                    "{\"Statement\":" + randomJsonObject(2) + "}", "[]", "{", "{\"Version\":\"2012-10-17\"}"));
            case "MaxSessionDuration", "MaxItems" -> pick(List.of("0", "1", "3600", "99999999999", "-5", "1e3"));
            case "VersionId" -> pick(List.of("v1", "v2", "v0", "1", "v99999999999999999999"));
            default -> randomText(12);
        };
    }

    /** A browser form's POST (S3's POST Object), whole or broken: odd boundaries, policies, signatures, no file. */
    private byte[] browserForm(Map<String, String> headers) {
        String boundary = pick(List.of("b0undary", "", "\"quoted\"", headerText(8)));
        headers.put("Content-Type", pick(List.of("multipart/form-data; boundary=" + boundary, "multipart/form-data",
                "multipart/form-data; boundary=" + boundary + "; charset=" + headerText(3), "text/plain")));
        String policy = pick(List.of(
                Base64.getEncoder().encodeToString(("{\"expiration\":\"" + pick(List.of("2099-01-01T00:00:00Z",
                        "2000-01-01T00:00:00Z", randomText(6))) + "\",\"conditions\":[" + pick(List.of(
                        "[\"content-length-range\"," + randomText(2) + ",1]", "{\"a\":1,\"b\":\"c\"}",
                        "[\"starts-with\",\"$key\"]", "[]", "{\"key\":null}", randomJsonObject(2))) + "]}")
                        .getBytes(StandardCharsets.UTF_8)),
                randomText(20), "", "%%%"));
        StringBuilder form = new StringBuilder(pick(List.of("", "preamble\r\n")));
        List<String> names = new ArrayList<>(List.of("key", "policy", "x-amz-algorithm", "x-amz-credential",
                "x-amz-date", "x-amz-signature", "success_action_status", "success_action_redirect", "tagging",
                "AWSAccessKeyId", "Signature", "x-amz-meta-" + randomText(3), "file"));
        for (String name : names) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            String value = switch (name) {
                case "policy" -> policy;
                case "x-amz-credential" -> pick(List.of("test/20260101/us-east-1/s3/aws4_request", "/////", randomText(10)));
                case "x-amz-date" -> pick(List.of("20260101T000000Z", randomText(5)));
                case "success_action_redirect" -> pick(List.of("http://app.test/x?y", "::", "/relative"));
                case "tagging" -> pick(List.of("<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>",
                        "not-xml"));
                default -> randomText(12);
            };
            form.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                    .append(name.equals("file") ? "\"; filename=\"" + randomText(6) : "").append("\"\r\n\r\n")
                    .append(value).append("\r\n");
        }
        if (random.nextBoolean()) {
            form.append("--").append(boundary).append("--\r\n");
        }
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Fuzzed s3() {
        String bucket = pick(List.of("fuzz-bucket", "fuzz-bucket", "Bad_Bucket", "a", "x".repeat(70),
                "fuzz-" + random.nextInt(5), "..", "%2e%2e"));
        String key = switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> "../../../../etc/passwd";
            case 2 -> "%2e%2e%2f%2e%2e%2fsecret";
            case 3 -> "a//b/./c/../d";
            case 4 -> "%E6%97%A5%E6%9C%AC/%D0%BA%D0%BB%D1%8E%D1%87";
            case 5 -> "k".repeat(1100);
            case 6 -> "%00%01control";
            default -> "key-" + random.nextInt(20);
        };
        String sub = pick(S3_SUBRESOURCES);
        String path = "/" + bucket + (key.isEmpty() && random.nextBoolean() ? "" : "/" + key) + (sub.isEmpty() ? "" : "?" + sub);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
        switch (random.nextInt(10)) {
            case 0 -> headers.put("Range", pick(List.of("bytes=5-1", "bytes=-0", "bytes=abc", "bytes=0-", "items=1-2",
                    "bytes=99999999999999999999-")));
            case 1 -> headers.put("If-Match", headerText(10));
            case 2 -> headers.put("x-amz-copy-source", pick(List.of("/", "fuzz-bucket", "%ZZ", "/fuzz-bucket/key-1",
                    "nobucket/nokey")));
            case 3 -> headers.put("Content-MD5", headerText(8));
            case 4 -> headers.put("x-amz-content-sha256", pick(List.of("STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
                    "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "deadbeef", "STREAMING-NOPE")));
            case 5 -> headers.put("x-amz-checksum-crc32", headerText(6));
            case 6 -> headers.put("If-Modified-Since", headerText(12));
            case 8 -> headers.put(pick(List.of("x-amz-acl", "x-amz-grant-read", "x-amz-object-ownership",
                    "x-amz-tagging")), headerText(12));
            case 7 -> headers.put("x-amz-meta-" + randomText(4).toLowerCase().replaceAll("[^a-z]", "m"), headerText(30));
            case 9 -> {
                // A browser's CORS preflight, or an actual request from a page.
                headers.put("Origin", pick(List.of("https://app.example.com", "null", "*", headerText(12))));
                headers.put("Access-Control-Request-Method", pick(List.of("GET", "PUT", "OPTIONS", headerText(4))));
                headers.put("Access-Control-Request-Headers", pick(List.of("content-type", ",,", headerText(20))));
            }
            default -> { }
        }
        byte[] body = switch (random.nextInt(13)) {
            case 12 -> browserForm(headers);
            case 11 -> pick(List.of("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\""
                            + randomText(6) + "\"},\"Action\":\"" + randomText(5) + "\",\"Resource\":\"" + randomText(8)
                            + "\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"" + randomText(6) + "\"}}}]}",
                    "{\"Statement\":" + randomJsonObject(2) + "}", " {", "[]", "")).getBytes(StandardCharsets.UTF_8);
            case 0 -> new byte[0];
            case 8 -> ("<AccessControlPolicy><AccessControlList><Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/"
                    + "XMLSchema-instance\" xsi:type=\"" + pick(List.of("CanonicalUser", "Group", "Bogus", ""))
                    + "\"><ID>" + randomText(8) + "</ID></Grantee><Permission>" + randomText(4)
                    + "</Permission></Grant></AccessControlList></AccessControlPolicy>").getBytes(StandardCharsets.UTF_8);
            case 10 -> ("<CORSConfiguration><CORSRule><AllowedMethod>" + pick(List.of("GET", "PATCH", randomText(3)))
                    + "</AllowedMethod><AllowedOrigin>" + randomText(6) + "</AllowedOrigin><MaxAgeSeconds>"
                    + randomText(3) + "</MaxAgeSeconds></CORSRule></CORSConfiguration>").getBytes(StandardCharsets.UTF_8);
            case 9 -> ("<OwnershipControls><Rule><ObjectOwnership>" + pick(List.of("ObjectWriter",
                    "BucketOwnerEnforced", randomText(6))) + "</ObjectOwnership></Rule></OwnershipControls>")
                    .getBytes(StandardCharsets.UTF_8);
            case 7 -> ("<Tagging><TagSet><Tag><Key>" + randomText(4) + "</Key><Value>" + randomText(300)
                    + "</Value></Tag></TagSet></Tagging>").getBytes(StandardCharsets.UTF_8);
            case 5 -> ("<VersioningConfiguration><Status>" + pick(List.of("Enabled", "Suspended", randomText(5)))
                    + "</Status></VersioningConfiguration>").getBytes(StandardCharsets.UTF_8);
            case 6 -> ("<Delete><Object><Key> " + randomText(3) + "</Key><VersionId>" + randomText(32)
                    + "</VersionId></Object></Delete>").getBytes(StandardCharsets.UTF_8);
            case 1 -> randomBytes(random.nextInt(5000));
            case 2 -> "<Delete><Object><Key>a</Key></Object></Delete>".getBytes(StandardCharsets.UTF_8);
            case 3 -> ("<CompleteMultipartUpload><Part><PartNumber>" + randomText(3)
                    + "</PartNumber><ETag>x</ETag></Part></CompleteMultipartUpload>").getBytes(StandardCharsets.UTF_8);
            default -> "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Delete>&e;</Delete>"
                    .getBytes(StandardCharsets.UTF_8);
        };
        // Now and then unsigned: an anonymous caller, which only a bucket policy may admit.
        return new Fuzzed(Family.REST_XML, "s3", pick(S3_METHODS), path, headers, body, random.nextInt(5) != 0, "test");
    }

    private Fuzzed restJson() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (random.nextInt(4) != 0) {
            return new Fuzzed(Family.REST_JSON, "scheduler", pick(S3_METHODS), pick(SCHEDULER_PATHS), headers, jsonBody(),
                    true, "test");
        }
        if (random.nextInt(3) == 0) {
            return new Fuzzed(Family.REST_JSON, "ses", pick(List.of("GET", "POST", "PUT", "DELETE")),
                    pick(SESV2_PATHS), headers, random.nextBoolean() ? jsonBody() : sesV2Body(), true, "test");
        }
        String path = pick(List.of("/2015-03-31/functions", "/2015-03-31/functions/fn/invocations",
                "/schedules/x", "/v2/email/outbound-emails", "/", "/2015-03-31/functions/%25ZZ"));
        return new Fuzzed(Family.REST_JSON, pick(List.of("lambda", "scheduler", "ses")), pick(S3_METHODS), path,
                headers, jsonBody(), true, "test");
    }

    private Fuzzed auth() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-amz-json-1.1");
        headers.put("X-Amz-Target", "AWSGlue.GetJobs");
        switch (random.nextInt(7)) {
            case 0 -> headers.put("Authorization", headerText(40));
            case 1 -> headers.put("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/glue/aws4_request");
            case 2 -> headers.put("Authorization", "AWS4-HMAC-SHA256 Credential=" + headerText(10)
                    + ", SignedHeaders=host;x-amz-date, Signature=" + headerText(64));
            case 3 -> headers.put("Authorization", pick(List.of("AWS test:", "AWS ", "AWS :", "AWS test", "AWS ::"))
                    + headerText(20));
            case 4 -> headers.put("X-Amz-Security-Token", headerText(30));
            case 5 -> headers.put("X-Amz-Date", headerText(16));
            default -> { }
        }
        boolean signed = random.nextInt(3) == 0;
        String path = switch (random.nextInt(6)) {
            case 0 -> "/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + urlish(randomText(20))
                    + "&X-Amz-Signature=" + urlish(randomText(5)) + "&X-Amz-Expires=" + random.nextInt();
            // S3's Signature Version 2 query, whole or in part, with any Expires.
            case 1 -> "/fuzz-bucket/k?AWSAccessKeyId=" + pick(List.of("test", urlish(randomText(8))))
                    + (random.nextBoolean() ? "&Signature=" + urlish(randomText(28)) : "")
                    + (random.nextBoolean() ? "&Expires=" + pick(List.of(String.valueOf(random.nextLong()),
                    urlish(randomText(6)), "99999999999999999999")) : "")
                    + (random.nextBoolean() ? "&x-amz-security-token=" + urlish(randomText(10)) : "");
            default -> "/";
        };
        return new Fuzzed(Family.AUTH, pick(List.of("glue", "unknownsvc", "s3", "sts")), "POST", path, headers,
                "{}".getBytes(StandardCharsets.UTF_8), signed, random.nextBoolean() ? "wrong-secret" : "test");
    }

    private Fuzzed admin() {
        String path = pick(List.of("/_lab/health", "/_lab/clock", "/_lab/clock/advance", "/_lab/reset?prefix=fuzz-",
                "/_lab/events?since=" + urlish(randomText(4)), "/_lab/events?limit=-5", "/_lab/nothing", "/_lab/reset?prefix=",
                "/_lab/ses/messages?to=" + urlish(randomText(6)), "/_lab/ses/messages?account=%25ZZ",
                "/_lab/ses/verify?token=" + urlish(randomText(8)), "/_lab/ses/verify-domain?domain=" + urlish(randomText(6))
                        + "&token=" + urlish(randomText(4)), "/_lab/ses", "/_lab/ses/nothing"));
        String body = pick(List.of("", "{", "[]", "{\"seconds\":-1}", "{\"seconds\":1e300}", "{\"duration\":\"PT99999999999H\"}",
                "{\"to\":\"yesterday\"}", "{\"duration\":\"P1\"}", "{\"seconds\":0.001,\"settleSeconds\":0}",
                "{\"seconds\":\"ten\"}"));
        String method = path.contains("advance") || path.contains("reset") ? (random.nextInt(5) == 0 ? "GET" : "POST")
                : (random.nextInt(5) == 0 ? "DELETE" : "GET");
        return new Fuzzed(Family.ADMIN, "admin", method, path, Map.of("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8), false, "test");
    }

    byte[] rawGarbage() {
        return switch (random.nextInt(7)) {
            case 0 -> randomBytes(1 + random.nextInt(300));
            case 6 -> ("GET /bucket/%ZZ%2?list-type=%G1&%=% HTTP/1.1\r\nHost: x\r\nAuthorization: AWS4-HMAC-SHA256 "
                    + "Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            case 1 -> ("GET /" + headerText(20) + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            case 2 -> "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999\r\n\r\nabc".getBytes(StandardCharsets.ISO_8859_1);
            case 3 -> "GET / HTTP/9.9\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
            case 4 -> ("PUT /b/k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            default -> ("GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        };
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private String randomText(int max) {
        int length = random.nextInt(max + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            out.append(kind < 6 ? (char) ('a' + random.nextInt(26))
                    : kind < 8 ? (char) ('0' + random.nextInt(10))
                    : kind == 8 ? PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()))
                    : (char) (0x400 + random.nextInt(0x200)));
        }
        return out.toString();
    }

    /** Printable ASCII, as header values must be. */
    private String headerText(int max) {
        int length = random.nextInt(max + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return out.toString();
    }

    private static String urlish(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
