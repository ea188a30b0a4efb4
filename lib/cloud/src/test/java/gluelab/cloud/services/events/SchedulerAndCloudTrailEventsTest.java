package gluelab.cloud.services.events;

import static gluelab.cloud.services.events.ForwardingRules.forwardingRule;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.state.Json;
import gluelab.cloud.testing.Await;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.cloud.testing.TestRoles;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.DataResource;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;

/**
 * EventBridge with the two services that put events on its buses: a Scheduler schedule whose target is EventBridge
 * PutEvents puts its event on the bus as the schedule's role, where a rule matches it; and the S3 data events a
 * CloudTrail trail logs arrive on the default bus as "AWS API Call via CloudTrail", where a rule matches them. Each
 * matching rule forwards to a bus of its own, whose delivery (with the event as EventBridge wrapped it) is on the
 * timeline.
 */
class SchedulerAndCloudTrailEventsTest {

    private static final String DEFAULT_BUS = "arn:aws:events:us-east-1:000000000000:event-bus/default";

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static EventBridgeClient events;
    static SchedulerClient scheduler;
    static CloudTrailClient cloudtrail;
    static S3Client s3;
    static String mayPutEvents;
    static String mayNotPutEvents;

    @BeforeAll
    static void clients() {
        events = cloud.client(EventBridgeClient.builder());
        scheduler = cloud.client(SchedulerClient.builder());
        cloudtrail = cloud.client(CloudTrailClient.builder());
        s3 = cloud.client(S3Client.builder());
        try (IamClient iam = cloud.client(IamClient.builder())) {
            mayPutEvents = TestRoles.createSchedulerRole(iam, "PutsNightlyEvents", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"events:PutEvents",\
                    "Resource":"%s"}]}""".formatted(DEFAULT_BUS));
            mayNotPutEvents = TestRoles.createSchedulerRole(iam, "OnlyLogsToo", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"*"}]}""");
        }
    }

    @AfterAll
    static void close() {
        events.close();
        scheduler.close();
        cloudtrail.close();
        s3.close();
    }

    /** A one-time schedule, due a minute from now on the lab clock, putting a "Nightly Run" event on the default bus. */
    private static String putEventsSchedule(String name, String role) {
        Instant due = LabAdmin.now(cloud).plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String at = "at(" + DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC).format(due) + ")";
        return scheduler.createSchedule(r -> r.name(name).scheduleExpression(at)
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(DEFAULT_BUS).roleArn(role).input("{\"job\":\"lab19-etl\",\"run\":\"<aws.scheduler.execution-id>\"}")
                        .eventBridgeParameters(p -> p.source("lab.scheduler").detailType("Nightly Run"))
                        .retryPolicy(p -> p.maximumRetryAttempts(0)))).scheduleArn();
    }

    @Test
    void aScheduleWhoseTargetIsPutEventsPutsItsEventOnTheBusWhereARuleMatchesIt() throws Exception {
        String rule = forwardingRule(events, "nightly", """
                {"source":["lab.scheduler"],"detail-type":["Nightly Run"],"detail":{"job":["lab19-etl"]}}""");
        String schedule = putEventsSchedule("nightly-etl", mayPutEvents);

        LabAdmin.advanceClock(cloud, Duration.ofMinutes(2));

        List<JsonNode> delivered = EventsTimeline.await(cloud, EventTimeline.TARGET_DELIVERED, 1, EventsTimeline.forRule(rule));
        assertThat(delivered).as("the schedule's event reached the rule").hasSize(1);
        JsonNode event = Json.MAPPER.readTree(delivered.get(0).path("detail").path("input").asText());
        assertThat(event.path("source").asText()).isEqualTo("lab.scheduler");
        assertThat(event.path("detail-type").asText()).isEqualTo("Nightly Run");
        assertThat(event.path("account").asText()).isEqualTo("000000000000");
        assertThat(event.path("resources")).extracting(JsonNode::asText).containsExactly(schedule);
        assertThat(event.path("detail").path("job").asText()).isEqualTo("lab19-etl");
        assertThat(event.path("detail").path("run").asText()).as("Scheduler filled in its context attribute")
                .matches("[0-9a-f]{32}");
        assertThat(LabAdmin.events(cloud, "scheduler", "Schedule Target Invoked"))
                .anySatisfy(e -> assertThat(e.path("detail").path("scheduleArn").asText()).isEqualTo(schedule));
    }

    @Test
    void aScheduleWhoseRoleMayNotPutEventsIsDeniedAndPutsNothingOnTheBus() {
        String rule = forwardingRule(events, "denied-nightly", """
                {"source":["lab.scheduler"],"resources":[{"suffix":"/denied-etl"}]}""");
        String schedule = putEventsSchedule("denied-etl", mayNotPutEvents);

        LabAdmin.advanceClock(cloud, Duration.ofMinutes(2));

        JsonNode failed = Await.until(() -> LabAdmin.events(cloud, "scheduler", "Schedule Target Failed").stream()
                        .filter(e -> e.path("detail").path("scheduleArn").asText().equals(schedule)).findFirst(),
                found -> found.isPresent(), "the schedule's failed delivery").orElseThrow();
        assertThat(failed.path("detail").path("errorCode").asText()).isEqualTo("AccessDeniedException");
        assertThat(failed.path("detail").path("errorMessage").asText()).contains("events:PutEvents");
        assertThat(EventsTimeline.entries(cloud, EventTimeline.RULE_MATCHED, EventsTimeline.forRule(rule)))
                .as("nothing reached the bus").isEmpty();
    }

    @Test
    void anS3DataEventATrailLogsReachesARuleOnTheDefaultBusAsAnApiCallViaCloudTrail() throws Exception {
        s3.createBucket(r -> r.bucket("e2e-audit"));
        s3.createBucket(r -> r.bucket("e2e-landing"));
        cloudtrail.createTrail(r -> r.name("landing-objects").s3BucketName("e2e-audit"));
        cloudtrail.putEventSelectors(r -> r.trailName("landing-objects").eventSelectors(EventSelector.builder()
                .readWriteType(ReadWriteType.WRITE_ONLY).includeManagementEvents(false)
                .dataResources(DataResource.builder().type("AWS::S3::Object")
                        .values("arn:aws:s3:::e2e-landing/incoming/").build()).build()));
        cloudtrail.startLogging(r -> r.name("landing-objects"));
        String rule = forwardingRule(events, "landing-puts", """
                {"source":["aws.s3"],"detail-type":["AWS API Call via CloudTrail"],
                 "detail":{"eventSource":["s3.amazonaws.com"],"eventName":["PutObject"],
                           "requestParameters":{"bucketName":["e2e-landing"]}}}""");

        s3.putObject(r -> r.bucket("e2e-landing").key("elsewhere/skip.csv"), RequestBody.fromString("not logged"));
        s3.putObject(r -> r.bucket("e2e-landing").key("incoming/orders.csv"), RequestBody.fromString("id\n1\n"));

        List<JsonNode> delivered = EventsTimeline.await(cloud, EventTimeline.TARGET_DELIVERED, 1, EventsTimeline.forRule(rule));
        assertThat(delivered).hasSize(1);
        JsonNode event = Json.MAPPER.readTree(delivered.get(0).path("detail").path("input").asText());
        assertThat(event.path("source").asText()).isEqualTo("aws.s3");
        assertThat(event.path("detail-type").asText()).isEqualTo("AWS API Call via CloudTrail");
        assertThat(event.path("account").asText()).isEqualTo("000000000000");
        assertThat(event.path("region").asText()).isEqualTo("us-east-1");
        assertThat(event.path("resources").isArray() && event.path("resources").isEmpty())
                .as("AWS puts CloudTrail's events on the bus with no resources").isTrue();
        JsonNode detail = event.path("detail");
        assertThat(detail.path("eventName").asText()).isEqualTo("PutObject");
        assertThat(detail.path("eventCategory").asText()).isEqualTo("Data");
        assertThat(detail.path("requestParameters").path("key").asText()).isEqualTo("incoming/orders.csv");
        assertThat(detail.path("userIdentity").path("arn").asText()).isEqualTo("arn:aws:iam::000000000000:root");

        s3.putObject(r -> r.bucket("e2e-landing").key("incoming/more.csv"), RequestBody.fromString("id\n2\n"));
        assertThat(EventsTimeline.await(cloud, EventTimeline.TARGET_DELIVERED, 2, EventsTimeline.forRule(rule)))
                .as("only the objects the trail's selector covers, each once")
                .extracting(e -> Json.MAPPER.readTree(e.path("detail").path("input").asText())
                        .path("detail").path("requestParameters").path("key").asText())
                .containsExactly("incoming/orders.csv", "incoming/more.csv");
    }
}
