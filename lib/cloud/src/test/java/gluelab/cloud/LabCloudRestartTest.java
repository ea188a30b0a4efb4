package gluelab.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.ChildLabCloud;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.cloudtrail.model.DataResource;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Job;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * With {@code --state-dir}, what every service acknowledged survives {@code kill -9} of the Lab Cloud process:
 * S3 objects, CloudWatch Logs events, Glue job definitions, databases and tables, IAM roles with their inline and
 * attached policies and a managed policy's versions, EventBridge rules with their targets and the events PutEvents
 * accepted but had not delivered yet (their deliveries go on after the restart), EventBridge Scheduler schedules
 * (which fire again after the restart), a CloudTrail trail that still logs and SQS messages (those in flight
 * visible again after their visibility timeout), Step Functions state machines and finished executions with their
 * histories (an execution still running at the kill does not resume: it ends FAILED with {@code States.Runtime} and
 * a cause that says so), written side by side by concurrent clients right up to the moment the process dies. What was in flight may or may not be there, but
 * never half: a log batch is all there or not at all.
 */
class LabCloudRestartTest {

    private static final int ACKNOWLEDGED_BEFORE_THE_KILL = 25;
    private static final int EVENTS_PER_BATCH = 4;
    private static final String TRUST_ACCOUNT = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},\
            "Action":"sts:AssumeRole"}]}""";
    private static final String READ_DATA = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",\
            "Resource":"arn:aws:s3:::restart-data/*"}]}""";
    private static final String LAMBDA_BASIC = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
    private static final String TRUST_STATES = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"states.amazonaws.com"},\
            "Action":"sts:AssumeRole"}]}""";
    private static final String UNREACHABLE_TOPIC = "arn:aws:sns:us-east-1:000000000000:restart";
    private static final String TRUST_SCHEDULER = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"scheduler.amazonaws.com"},\
            "Action":"sts:AssumeRole"}]}""";
    private static final String START_JOBS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"glue:StartJobRun","Resource":"*"}]}""";
    private static final String START_JOB_RUN = "arn:aws:scheduler:::aws-sdk:glue:startJobRun";

    /** What the clients were told was done, per service. */
    private final Map<String, String> objects = new ConcurrentHashMap<>();
    private final List<String> logEvents = new CopyOnWriteArrayList<>();
    private final Set<String> jobs = ConcurrentHashMap.newKeySet();
    private final Set<String> tables = ConcurrentHashMap.newKeySet();
    private final Set<String> roles = ConcurrentHashMap.newKeySet();
    private final Set<String> rules = ConcurrentHashMap.newKeySet();
    private final Set<String> acceptedEvents = ConcurrentHashMap.newKeySet();
    private final Set<String> schedules = ConcurrentHashMap.newKeySet();
    private final Set<String> sentMessages = ConcurrentHashMap.newKeySet();
    /** Each acknowledged secret's first and second version ids. */
    private final Map<String, List<String>> secrets = new ConcurrentHashMap<>();
    private final Set<String> putItems = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger acknowledgedAdds = new java.util.concurrent.atomic.AtomicInteger();
    private final List<Throwable> failuresWhileAlive = new CopyOnWriteArrayList<>();
    private volatile boolean dead;
    private String finishedExecution;
    private String waitingExecution;

    @Test
    void everythingAcknowledgedBeforeKillNineIsThereAfterARestart(@TempDir Path stateDir) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(10);
        String managedPolicy;
        try (ChildLabCloud first = ChildLabCloud.start(stateDir);
             S3Client s3 = first.client(S3Client.builder());
             CloudWatchLogsClient logs = first.client(CloudWatchLogsClient.builder());
             GlueClient glue = first.client(GlueClient.builder());
             IamClient iam = first.client(IamClient.builder());
             EventBridgeClient events = first.client(EventBridgeClient.builder());
             SchedulerClient scheduler = first.client(SchedulerClient.builder());
             CloudTrailClient cloudtrail = first.client(CloudTrailClient.builder());
             SqsClient sqs = first.client(SqsClient.builder());
             SecretsManagerClient secretsManager = first.client(SecretsManagerClient.builder());
             DynamoDbClient ddb = first.client(DynamoDbClient.builder());
             SfnClient sfn = first.client(SfnClient.builder())) {
            s3.createBucket(r -> r.bucket("restart-data"));
            String machineRole = iam.createRole(r -> r.roleName("restart-machine").assumeRolePolicyDocument(TRUST_STATES))
                    .role().arn();
            String machine = sfn.createStateMachine(r -> r.name("restart-machine").roleArn(machineRole).definition(
                    "{\"StartAt\":\"Hold\",\"States\":{\"Hold\":{\"Type\":\"Wait\",\"SecondsPath\":\"$.wait\","
                            + "\"End\":true}}}")).stateMachineArn();
            finishedExecution = sfn.startExecution(r -> r.stateMachineArn(machine).name("finished")
                    .input("{\"wait\":0}")).executionArn();
            waitingExecution = sfn.startExecution(r -> r.stateMachineArn(machine).name("waiting")
                    .input("{\"wait\":3600}")).executionArn();
            while (sfn.describeExecution(r -> r.executionArn(finishedExecution)).status() == ExecutionStatus.RUNNING) {
                Thread.sleep(10);
            }
            ddb.createTable(r -> r.tableName("restart-items").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
            ddb.waiter().waitUntilTableExists(r -> r.tableName("restart-items"), o -> o.backoffStrategy(
                    software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy.create(Duration.ofMillis(100))));
            String queue = sqs.createQueue(r -> r.queueName("restart-queue")
                    .attributesWithStrings(Map.of("VisibilityTimeout", "60"))).queueUrl();
            events.createEventBus(r -> r.name("restart-bus").description("survives kill -9"));
            logs.createLogGroup(r -> r.logGroupName("/restart/app"));
            logs.putRetentionPolicy(r -> r.logGroupName("/restart/app").retentionInDays(7));
            logs.createLogStream(r -> r.logGroupName("/restart/app").logStreamName("main"));
            glue.createDatabase(r -> r.databaseInput(d -> d.name("restart_db").description("survives kill -9")));
            managedPolicy = iam.createPolicy(r -> r.policyName("restart-policy").policyDocument(READ_DATA)).policy().arn();
            iam.createPolicyVersion(r -> r.policyArn(managedPolicy).policyDocument(READ_DATA.replace("restart-data/*",
                    "restart-data/objects/*")).setAsDefault(true));
            String schedulerRole = iam.createRole(r -> r.roleName("restart-scheduler").assumeRolePolicyDocument(TRUST_SCHEDULER))
                    .role().arn();
            iam.putRolePolicy(r -> r.roleName("restart-scheduler").policyName("start-jobs").policyDocument(START_JOBS));
            glue.createJob(r -> r.name("restart-hourly-job").role("arn:aws:iam::000000000000:role/GlueLabJobRole")
                    .glueVersion("5.0").command(c -> c.name("glueetl").scriptLocation("s3://restart-data/job.jar"))
                    .defaultArguments(Map.of("--class", "com.example.Hourly")));
            scheduler.createScheduleGroup(r -> r.name("restart-group"));
            scheduler.createSchedule(r -> r.name("restart-hourly").groupName("restart-group")
                    .scheduleExpression("cron(0 * * * ? *)").flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                    .target(t -> t.arn(START_JOB_RUN).roleArn(schedulerRole).input("{\"JobName\":\"restart-hourly-job\"}")));
            cloudtrail.createTrail(r -> r.name("restart-trail").s3BucketName("restart-data").s3KeyPrefix("trail"));
            cloudtrail.putEventSelectors(r -> r.trailName("restart-trail").eventSelectors(EventSelector.builder()
                    .dataResources(DataResource.builder().type("AWS::S3::Object").values("arn:aws:s3:::restart-data/objects/")
                            .build()).build()));
            cloudtrail.startLogging(r -> r.name("restart-trail"));

            writers.submit(() -> keepWriting(i -> {
                s3.putObject(r -> r.bucket("restart-data").key("objects/" + i), RequestBody.fromString(body(i)));
                objects.put("objects/" + i, body(i));
            }));
            writers.submit(() -> keepWriting(i -> {
                List<String> batch = IntStream.range(0, EVENTS_PER_BATCH).mapToObj(j -> "event " + i + "." + j).toList();
                logs.putLogEvents(r -> r.logGroupName("/restart/app").logStreamName("main").logEvents(batch.stream()
                        .map(m -> InputLogEvent.builder().timestamp(System.currentTimeMillis()).message(m).build()).toList()));
                logEvents.addAll(batch);
            }));
            writers.submit(() -> keepWriting(i -> {
                glue.createJob(r -> r.name("restart-job-" + i).role("arn:aws:iam::000000000000:role/GlueLabJobRole")
                        .glueVersion("5.0").command(c -> c.name("glueetl").scriptLocation("s3://restart-data/job.jar"))
                        .defaultArguments(Map.of("--class", "com.example.Job" + i)));
                jobs.add("restart-job-" + i);
            }));
            writers.submit(() -> keepWriting(i -> {
                String name = "restart-role-" + i;
                iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST_ACCOUNT).maxSessionDuration(7200));
                iam.putRolePolicy(r -> r.roleName(name).policyName("read-data").policyDocument(READ_DATA));
                iam.attachRolePolicy(r -> r.roleName(name).policyArn(LAMBDA_BASIC));
                roles.add(name);
            }));
            writers.submit(() -> keepWriting(i -> {
                scheduler.createSchedule(r -> r.name("restart-schedule-" + i).groupName("restart-group")
                        .scheduleExpression("cron(0 4 * * ? *)").scheduleExpressionTimezone("Europe/Paris")
                        .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                        .target(t -> t.arn(START_JOB_RUN).roleArn(schedulerRole).input("{\"JobName\":\"job-" + i + "\"}")));
                schedules.add("restart-schedule-" + i);
            }));
            writers.submit(() -> keepWriting(i -> {
                glue.createTable(r -> r.databaseName("restart_db").tableInput(t -> t.name("table_" + i)
                        .storageDescriptor(sd -> sd.location("s3://restart-data/tables/" + i + "/")
                                .columns(Column.builder().name("id").type("int").build()))
                        .partitionKeys(Column.builder().name("day").type("string").build())));
                tables.add("table_" + i);
            }));
            writers.submit(() -> keepWriting(i -> {
                String name = "restart-rule-" + i;
                events.putRule(r -> r.name(name).eventPattern("{\"source\":[\"restart." + i + "\"]}"));
                // SNS is not in this Lab Cloud: every attempt fails and is retried, so the delivery stays pending.
                events.putTargets(r -> r.rule(name).targets(t -> t.id("topic").arn(UNREACHABLE_TOPIC)
                        .retryPolicy(p -> p.maximumRetryAttempts(185).maximumEventAgeInSeconds(86_400))));
                rules.add(name);
                String eventId = events.putEvents(r -> r.entries(e -> e.source("restart." + i).detailType("Restart")
                        .detail("{\"i\":" + i + "}"))).entries().get(0).eventId();
                acceptedEvents.add(eventId);
            }));
            writers.submit(() -> keepWriting(i -> {
                sentMessages.add(sqs.sendMessage(r -> r.queueUrl(queue).messageBody("message " + i)).messageId());
                if (i % 3 == 0) {
                    // Received and never deleted: in flight when the process dies, visible again after its timeout.
                    sqs.receiveMessage(r -> r.queueUrl(queue));
                }
            }));
            writers.submit(() -> keepWriting(i -> {
                String name = "restart/secret-" + i;
                String firstVersion = secretsManager.createSecret(r -> r.name(name).secretString("first " + i))
                        .versionId();
                String secondVersion = secretsManager.putSecretValue(r -> r.secretId(name).secretString("second " + i))
                        .versionId();
                secrets.put(name, List.of(firstVersion, secondVersion));
            }));
            writers.submit(() -> keepWriting(i -> {
                ddb.putItem(r -> r.tableName("restart-items").item(Map.of("pk", AttributeValue.fromS("item-" + i),
                        "n", AttributeValue.fromN(String.valueOf(i)))));
                putItems.add("item-" + i);
                ddb.updateItem(r -> r.tableName("restart-items").key(Map.of("pk", AttributeValue.fromS("counter")))
                        .updateExpression("ADD hits :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
                acknowledgedAdds.incrementAndGet();
            }));
            awaitAcknowledgements(ACKNOWLEDGED_BEFORE_THE_KILL);

            first.kill();
            dead = true;
            writers.shutdown();
            assertThat(writers.awaitTermination(2, TimeUnit.MINUTES)).as("the writers noticed the death").isTrue();
            assertThat(failuresWhileAlive).as("writes that failed while Lab Cloud was alive").isEmpty();
        }

        try (ChildLabCloud second = ChildLabCloud.start(stateDir);
             S3Client s3 = second.client(S3Client.builder());
             CloudWatchLogsClient logs = second.client(CloudWatchLogsClient.builder());
             GlueClient glue = second.client(GlueClient.builder());
             IamClient iam = second.client(IamClient.builder());
             StsClient sts = second.client(StsClient.builder());
             EventBridgeClient events = second.client(EventBridgeClient.builder());
             SchedulerClient scheduler = second.client(SchedulerClient.builder());
             CloudTrailClient cloudtrail = second.client(CloudTrailClient.builder());
             SqsClient sqs = second.client(SqsClient.builder());
             SecretsManagerClient secretsManager = second.client(SecretsManagerClient.builder());
             DynamoDbClient ddb = second.client(DynamoDbClient.builder());
             SfnClient sfn = second.client(SfnClient.builder())) {
            // Executions do not resume after a restart: the one Lab Cloud was running ends FAILED, saying why.
            DescribeExecutionResponse finished = sfn.describeExecution(r -> r.executionArn(finishedExecution));
            assertThat(finished.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(sfn.getExecutionHistory(r -> r.executionArn(finishedExecution)).events())
                    .extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted", "WaitStateEntered",
                            "WaitStateExited", "ExecutionSucceeded");
            DescribeExecutionResponse interrupted = sfn.describeExecution(r -> r.executionArn(waitingExecution));
            assertThat(interrupted.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(interrupted.error()).isEqualTo("States.Runtime");
            assertThat(interrupted.cause()).contains("executions do not resume after a restart");
            assertThat(sfn.getExecutionHistory(r -> r.executionArn(waitingExecution)).events())
                    .extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted", "WaitStateEntered",
                            "ExecutionFailed");
            for (String item : putItems) {
                assertThat(ddb.getItem(r -> r.tableName("restart-items").key(Map.of("pk", AttributeValue.fromS(item)))
                        .consistentRead(true)).item()).as(item).containsEntry("n", AttributeValue.fromN(item.substring(5)));
            }
            int hits = Integer.parseInt(ddb.getItem(r -> r.tableName("restart-items")
                    .key(Map.of("pk", AttributeValue.fromS("counter"))).consistentRead(true)).item().get("hits").n());
            assertThat(hits - acknowledgedAdds.get()).as("every acknowledged ADD, and at most the one in flight").isIn(0, 1);
            for (Map.Entry<String, String> object : objects.entrySet()) {
                assertThat(s3.getObjectAsBytes(r -> r.bucket("restart-data").key(object.getKey())).asUtf8String())
                        .as(object.getKey()).isEqualTo(object.getValue());
            }
            assertThat(s3.listObjectsV2Paginator(r -> r.bucket("restart-data").prefix("objects/")).contents().stream()
                    .map(S3Object::key)
                    .filter(key -> !objects.containsKey(key)).toList()).as("beyond the acknowledged, at most the one in flight")
                    .hasSizeLessThanOrEqualTo(1);

            assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("/restart/app")).logGroups())
                    .singleElement().satisfies(g -> assertThat(g.retentionInDays()).isEqualTo(7));
            List<String> stored = logs.getLogEventsPaginator(r -> r.logGroupName("/restart/app").logStreamName("main")
                    .startFromHead(true)).events().stream().map(OutputLogEvent::message).toList();
            assertThat(stored).as("every acknowledged event, in order, once").startsWith(logEvents.toArray(String[]::new))
                    .doesNotHaveDuplicates();
            assertThat(stored.size() - logEvents.size()).as("beyond the acknowledged, at most one whole batch")
                    .isIn(0, EVENTS_PER_BATCH);

            for (String name : jobs) {
                Job job = glue.getJob(r -> r.jobName(name)).job();
                assertThat(job.command().scriptLocation()).isEqualTo("s3://restart-data/job.jar");
                assertThat(job.defaultArguments()).containsEntry("--class", "com.example.Job" + name.substring(12));
            }
            assertThat(glue.getDatabase(r -> r.name("restart_db")).database().description()).isEqualTo("survives kill -9");
            Set<String> storedTables = glue.getTablesPaginator(r -> r.databaseName("restart_db")).stream()
                    .flatMap(page -> page.tableList().stream())
                    .map(Table::name).collect(Collectors.toSet());
            assertThat(storedTables).containsAll(tables);
            for (String name : tables) {
                Table table = glue.getTable(r -> r.databaseName("restart_db").name(name)).table();
                assertThat(table.storageDescriptor().location())
                        .isEqualTo("s3://restart-data/tables/" + name.substring(6) + "/");
                assertThat(table.partitionKeys()).extracting(Column::name).containsExactly("day");
            }

            for (String name : roles) {
                assertThat(iam.getRole(r -> r.roleName(name)).role().maxSessionDuration()).as(name).isEqualTo(7200);
                assertThat(URLDecoder.decode(iam.getRolePolicy(r -> r.roleName(name).policyName("read-data"))
                        .policyDocument(), StandardCharsets.UTF_8)).isEqualTo(READ_DATA);
                assertThat(iam.listAttachedRolePolicies(r -> r.roleName(name)).attachedPolicies())
                        .extracting(AttachedPolicy::policyArn).containsExactly(LAMBDA_BASIC);
            }
            assertThat(iam.getPolicy(r -> r.policyArn(managedPolicy)).policy().defaultVersionId()).isEqualTo("v2");
            String someRole = roles.iterator().next();
            assertThat(sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/" + someRole).roleSessionName("after")
                    .durationSeconds(7200)).assumedRoleUser().arn())
                    .as("the access control knows the roles again: their trust and their maximum session")
                    .isEqualTo("arn:aws:sts::000000000000:assumed-role/" + someRole + "/after");

            assertThat(events.describeEventBus(r -> r.name("restart-bus")).description()).isEqualTo("survives kill -9");
            for (String name : rules) {
                assertThat(events.describeRule(r -> r.name(name)).eventPattern()).contains(name.substring(13));
                assertThat(events.listTargetsByRule(r -> r.rule(name)).targets()).singleElement()
                        .satisfies(t -> assertThat(t.retryPolicy().maximumRetryAttempts()).isEqualTo(185));
            }
            // The journaled deliveries are attempted again by the new process; advancing its clock makes every retry due.
            second.advanceClock(Duration.ofMinutes(10));
            assertThat(awaitRetriedEvents(second)).as("every accepted event's delivery goes on after the restart")
                    .containsAll(acceptedEvents);
            String queue = sqs.getQueueUrl(r -> r.queueName("restart-queue")).queueUrl();
            Set<String> received = new java.util.HashSet<>();
            for (List<Message> batch = List.of(Message.builder().build()); !batch.isEmpty(); ) {
                batch = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)).messages();
                batch.forEach(m -> received.add(m.messageId()));
            }
            assertThat(received).as("every acknowledged message, those in flight visible again after their timeout")
                    .containsAll(sentMessages);

            for (String name : schedules) {
                GetScheduleResponse schedule = scheduler.getSchedule(r -> r.name(name).groupName("restart-group"));
                assertThat(schedule.scheduleExpressionTimezone()).as(name).isEqualTo("Europe/Paris");
                assertThat(schedule.target().input()).isEqualTo("{\"JobName\":\"job-" + name.substring(17) + "\"}");
            }
            second.advanceClock(Duration.ofHours(1));
            assertThat(glue.getJobRuns(r -> r.jobName("restart-hourly-job")).jobRuns())
                    .as("the hourly schedule fires again after the restart").isNotEmpty();

            for (Map.Entry<String, List<String>> secret : secrets.entrySet()) {
                DescribeSecretResponse described = secretsManager.describeSecret(r -> r.secretId(secret.getKey()));
                assertThat(described.versionIdsToStages()).as(secret.getKey()).isEqualTo(Map.of(
                        secret.getValue().get(0), List.of("AWSPREVIOUS"), secret.getValue().get(1), List.of("AWSCURRENT")));
                assertThat(secretsManager.getSecretValue(r -> r.secretId(secret.getKey())).secretString())
                        .isEqualTo("second " + secret.getKey().substring(15));
            }

            assertThat(cloudtrail.getTrailStatus(r -> r.name("restart-trail")).isLogging()).isTrue();
            assertThat(cloudtrail.getEventSelectors(r -> r.trailName("restart-trail")).eventSelectors().get(0)
                    .dataResources().get(0).values()).containsExactly("arn:aws:s3:::restart-data/objects/");
            s3.putObject(r -> r.bucket("restart-data").key("objects/after-restart"), RequestBody.fromString("after"));
            cloudtrail.stopLogging(r -> r.name("restart-trail"));
            assertThat(s3.listObjectsV2Paginator(r -> r.bucket("restart-data").prefix("trail/AWSLogs/")).contents())
                    .as("the trail still logs after the restart, and stopping it delivers its log file").isNotEmpty();
        }
    }

    /** The events whose deliveries the restarted Lab Cloud attempted, waiting until those acknowledged are all there. */
    private Set<String> awaitRetriedEvents(ChildLabCloud cloud) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Set<String> retried = new java.util.HashSet<>();
            cloud.adminGet("/_lab/events?service=events&limit=100000").path("events").forEach(e -> {
                if (e.path("name").asText().equals("Target Delivery Failed")) {
                    retried.add(e.path("detail").path("eventId").asText());
                }
            });
            if (retried.containsAll(acceptedEvents) || System.nanoTime() > deadline) {
                return retried;
            }
            sleep(50);
        }
    }

    private static String body(int i) {
        return "object " + i + " " + "x".repeat(i * 37 % 5000);
    }

    /** Writes item 0, 1, 2… until the Lab Cloud is dead; a write that fails after the kill is not acknowledged. */
    private void keepWriting(IntConsumer write) {
        for (int i = 0; !dead; i++) {
            try {
                write.accept(i);
            } catch (RuntimeException e) {
                if (!dead) {
                    // The kill may come while a request is on the wire: only a failure before it is a defect.
                    awaitDeath(e);
                }
                return;
            }
        }
    }

    private void awaitDeath(RuntimeException failure) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!dead && System.nanoTime() < deadline) {
            sleep(10);
        }
        if (!dead) {
            failuresWhileAlive.add(failure);
        }
    }

    private void awaitAcknowledgements(int each) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (objects.size() < each || logEvents.size() < each * EVENTS_PER_BATCH || jobs.size() < each
                || tables.size() < each || roles.size() < each || schedules.size() < each || acceptedEvents.size() < each
                || sentMessages.size() < each || secrets.size() < each
                || putItems.size() < each) {
            if (System.nanoTime() > deadline || !failuresWhileAlive.isEmpty()) {
                AssertionError error = new AssertionError("Too few writes acknowledged: " + new ArrayList<>(List.of(
                        objects.size(), logEvents.size(), jobs.size(), tables.size(), roles.size(), schedules.size(),
                        acceptedEvents.size(), sentMessages.size(), secrets.size(), putItems.size())));
                failuresWhileAlive.forEach(error::addSuppressed);
                throw error;
            }
            sleep(10);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
