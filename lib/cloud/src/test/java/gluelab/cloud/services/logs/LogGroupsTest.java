package gluelab.cloud.services.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

class LogGroupsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private final LogsFixture fixture = new LogsFixture(cloud);
    private final CloudWatchLogsClient logs = fixture.logs;

    private LogGroup describeOne(String name) {
        List<LogGroup> groups = logs.describeLogGroups(r -> r.logGroupNamePrefix(name)).logGroups();
        assertThat(groups).extracting(LogGroup::logGroupName).contains(name);
        return groups.stream().filter(g -> g.logGroupName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aCreatedLogGroupIsDescribedWithItsArnsAndCreationTimeOnTheLabClock() {
        String name = LogsFixture.uniqueGroup("created");
        long before = fixture.now();
        logs.createLogGroup(r -> r.logGroupName(name));

        LogGroup group = describeOne(name);
        assertThat(group.arn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:" + name + ":*");
        assertThat(group.logGroupArn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:" + name);
        assertThat(group.creationTime()).isBetween(before, fixture.now());
        assertThat(group.retentionInDays()).isNull();
        assertThat(group.storedBytes()).isZero();
        assertThat(group.metricFilterCount()).isZero();
        assertThat(group.logGroupClassAsString()).isEqualTo("STANDARD");
    }

    @Test
    void creatingALogGroupTwiceFailsWithResourceAlreadyExists() {
        String name = LogsFixture.uniqueGroup("twice");
        logs.createLogGroup(r -> r.logGroupName(name));
        assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName(name)))
                .isInstanceOfSatisfying(ResourceAlreadyExistsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified log group already exists");
                });
    }

    @Test
    void logGroupNamesFollowAwsRules() {
        assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("bad:name")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("1 validation error detected: Value 'bad:name' at 'logGroupName' failed to satisfy "
                                + "constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+"));
        assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("x".repeat(513))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Member must have length less than or equal to 512");
        assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("2 validation errors detected");
        assertThatThrownBy(() -> logs.createLogGroup(r -> { }))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Value null at 'logGroupName' failed to satisfy constraint: Member must not be null");
        assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("aws/mine")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Log groups starting with AWS/ are reserved for AWS.");
        String allowed = LogsFixture.uniqueGroup("ok_chars.#-");
        logs.createLogGroup(r -> r.logGroupName(allowed));
        assertThat(describeOne(allowed).logGroupName()).isEqualTo(allowed);
    }

    @Test
    void deletingALogGroupRemovesItAndItsStreams() {
        String name = fixture.groupWithStream("deleted", "s1");
        fixture.put(name, "s1", LogsFixture.event(fixture.now(), "hello"));
        logs.deleteLogGroup(r -> r.logGroupName(name));

        assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix(name)).logGroups()).isEmpty();
        assertThatThrownBy(() -> logs.describeLogStreams(r -> r.logGroupName(name)))
                .isInstanceOf(ResourceNotFoundException.class);
        logs.createLogGroup(r -> r.logGroupName(name));
        assertThat(logs.describeLogStreams(r -> r.logGroupName(name)).logStreams()).isEmpty();
    }

    @Test
    void deletingAMissingLogGroupFailsWithResourceNotFound() {
        assertThatThrownBy(() -> logs.deleteLogGroup(r -> r.logGroupName("/lab/test/never-created")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified log group does not exist.");
                });
    }

    @Test
    void describeLogGroupsFiltersByPrefixOrByCaseInsensitivePattern() {
        String base = LogsFixture.uniqueGroup("filter");
        for (String suffix : List.of("/Alpha", "/beta", "/alphabet")) {
            logs.createLogGroup(r -> r.logGroupName(base + suffix));
        }
        assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix(base + "/al")).logGroups())
                .extracting(LogGroup::logGroupName).containsExactly(base + "/alphabet");
        String pattern = base.substring(base.lastIndexOf('/') + 1) + "/ALPHA";
        assertThat(logs.describeLogGroups(r -> r.logGroupNamePattern(pattern)).logGroups())
                .extracting(LogGroup::logGroupName).containsExactly(base + "/Alpha", base + "/alphabet");
        assertThatThrownBy(() -> logs.describeLogGroups(r -> r.logGroupNamePrefix(base).logGroupNamePattern("x")))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(logs.describeLogGroups(r -> r.logGroupIdentifiers(
                        "arn:aws:logs:us-east-1:000000000000:log-group:" + base + "/beta")).logGroups())
                .extracting(LogGroup::logGroupName).containsExactly(base + "/beta");
    }

    @Test
    void describeLogGroupsPagesInNameOrderWithNextToken() {
        String base = LogsFixture.uniqueGroup("paged");
        for (int i = 0; i < 7; i++) {
            String name = base + "/g" + i;
            logs.createLogGroup(r -> r.logGroupName(name));
        }
        DescribeLogGroupsResponse first = logs.describeLogGroups(r -> r.logGroupNamePrefix(base).limit(3));
        assertThat(first.logGroups()).extracting(LogGroup::logGroupName).containsExactly(base + "/g0", base + "/g1", base + "/g2");
        assertThat(first.nextToken()).isNotNull();
        DescribeLogGroupsResponse second = logs.describeLogGroups(r -> r.logGroupNamePrefix(base).limit(3).nextToken(first.nextToken()));
        assertThat(second.logGroups()).extracting(LogGroup::logGroupName).containsExactly(base + "/g3", base + "/g4", base + "/g5");

        List<String> all = logs.describeLogGroupsPaginator(r -> r.logGroupNamePrefix(base).limit(2)).logGroups().stream()
                .map(LogGroup::logGroupName).toList();
        assertThat(all).hasSize(7).isSorted();
        assertThatThrownBy(() -> logs.describeLogGroups(r -> r.limit(51)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Member must have value less than or equal to 50");
        assertThatThrownBy(() -> logs.describeLogGroups(r -> r.nextToken("!!not-a-token!!")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void retentionIsSetToAValidValueShownAndRemoved() {
        String name = LogsFixture.uniqueGroup("retention");
        logs.createLogGroup(r -> r.logGroupName(name));
        logs.putRetentionPolicy(r -> r.logGroupName(name).retentionInDays(14));
        assertThat(describeOne(name).retentionInDays()).isEqualTo(14);

        assertThatThrownBy(() -> logs.putRetentionPolicy(r -> r.logGroupName(name).retentionInDays(2)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Value '2' at 'retentionInDays' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [1, 3, 5, 7, 14, 30");
        assertThatThrownBy(() -> logs.putRetentionPolicy(r -> r.logGroupName("/lab/test/none").retentionInDays(1)))
                .isInstanceOf(ResourceNotFoundException.class);

        logs.deleteRetentionPolicy(r -> r.logGroupName(name));
        assertThat(describeOne(name).retentionInDays()).isNull();
    }

    @Test
    void tagsAreAddedListedAndRemovedByArnAndByTheOlderLogGroupOperations() {
        String name = LogsFixture.uniqueGroup("tags");
        logs.createLogGroup(r -> r.logGroupName(name).tags(Map.of("team", "data")));
        String arn = describeOne(name).logGroupArn();

        logs.tagResource(r -> r.resourceArn(arn).tags(Map.of("env", "lab")));
        assertThat(logs.listTagsForResource(r -> r.resourceArn(arn)).tags())
                .isEqualTo(Map.of("team", "data", "env", "lab"));
        logs.untagResource(r -> r.resourceArn(arn).tagKeys("team"));
        assertThat(logs.listTagsLogGroup(r -> r.logGroupName(name)).tags()).isEqualTo(Map.of("env", "lab"));
        logs.tagLogGroup(r -> r.logGroupName(name).tags(Map.of("owner", "me")));
        logs.untagLogGroup(r -> r.logGroupName(name).tags("env"));
        assertThat(logs.listTagsForResource(r -> r.resourceArn(arn)).tags()).isEqualTo(Map.of("owner", "me"));

        assertThatThrownBy(() -> logs.listTagsForResource(r -> r.resourceArn("not-an-arn")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.listTagsForResource(r -> r.resourceArn(arn + "-missing")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aLogGroupArnMayEndInTheOlderWildcardAndNamesNothingInAnotherRegionOrAccount() {
        String name = LogsFixture.uniqueGroup("arns");
        logs.createLogGroup(r -> r.logGroupName(name).tags(Map.of("team", "data")));
        LogGroup group = describeOne(name);
        assertThat(logs.listTagsForResource(r -> r.resourceArn(group.arn())).tags()).isEqualTo(Map.of("team", "data"));

        String elsewhere = group.logGroupArn().replace(":us-east-1:", ":eu-west-1:");
        assertThatThrownBy(() -> logs.listTagsForResource(r -> r.resourceArn(elsewhere)))
                .isInstanceOf(ResourceNotFoundException.class);
        String otherAccount = group.logGroupArn().replace(":000000000000:", ":111111111111:");
        assertThatThrownBy(() -> logs.listTagsForResource(r -> r.resourceArn(otherAccount)))
                .isInstanceOf(ResourceNotFoundException.class);
        String stream = group.logGroupArn() + ":log-stream:s";
        assertThatThrownBy(() -> logs.listTagsForResource(r -> r.resourceArn(stream)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Invalid resource arn");
    }

    @Test
    void aLabResetWithAPrefixRemovesOnlyTheLogGroupsWhoseNamesStartWithIt() {
        String base = LogsFixture.uniqueGroup("reset");
        fixture.groupWithStream("reset-keep", "s");
        logs.createLogGroup(r -> r.logGroupName(base + "/a"));
        logs.createLogGroup(r -> r.logGroupName(base + "/b"));
        int groupsBefore = logs.describeLogGroupsPaginator(r -> { }).logGroups().stream().toList().size();

        var response = cloud.http(cloud.request("/_lab/reset?prefix=" + base)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"logs\":2");
        assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix(base)).logGroups()).isEmpty();
        assertThat(logs.describeLogGroupsPaginator(r -> { }).logGroups().stream().toList()).hasSize(groupsBefore - 2);
    }

    @Test
    void aLabResetWithAPrefixAlsoRemovesTheLambdaLogGroupsOfFunctionsNamedWithIt() {
        String base = "fn-reset-";
        logs.createLogGroup(r -> r.logGroupName("/aws/lambda/" + base + "start-job"));
        logs.createLogGroup(r -> r.logGroupName("/aws/lambda/other-" + base));

        var response = cloud.http(cloud.request("/_lab/reset?prefix=" + base)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("/aws/lambda/" + base)).logGroups()).isEmpty();
        assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("/aws/lambda/other-" + base)).logGroups())
                .as("a function whose name does not start with the prefix keeps its logs").hasSize(1);
    }

    @Test
    void aLogGroupIsOnlyVisibleInItsOwnRegion() {
        String name = LogsFixture.uniqueGroup("regional");
        logs.createLogGroup(r -> r.logGroupName(name));
        // cloud.client() signs for us-east-1; this client signs the same key for us-west-2.
        try (CloudWatchLogsClient west = CloudWatchLogsClient.builder()
                .endpointOverride(cloud.endpoint()).region(Region.US_WEST_2)
                .credentialsProvider(RunningLabCloud.TEST_CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            assertThat(west.describeLogGroups(r -> r.logGroupNamePrefix(name)).logGroups()).isEmpty();
            assertThatThrownBy(() -> west.deleteLogGroup(r -> r.logGroupName(name)))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void aSignatureVersion2RequestIsRefusedBecauseOnlyS3AcceptsIt() {
        var refused = cloud.http(cloud.request("/")
                .header("X-Amz-Target", "Logs_20140328.DescribeLogGroups")
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("Date", "Tue, 27 Mar 2007 19:36:42 +0000")
                .header("Authorization", "AWS test:bWq2s1WEIj+Ydj0vQ697zp+IXMU=")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("IncompleteSignature")
                .contains("Unsupported authorization type AWS: logs accepts only AWS4-HMAC-SHA256");
    }
}
