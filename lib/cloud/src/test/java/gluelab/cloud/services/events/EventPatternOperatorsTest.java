package gluelab.cloud.services.events;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** Every pattern operator EventBridge has, through TestEventPattern, against one event: each pattern matches or not. */
class EventPatternOperatorsTest {

    static final String EVENT = """
            {"version":"0","id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","detail-type":"Object Created",
             "source":"aws.s3","account":"000000000000","time":"2026-01-01T12:00:00Z","region":"us-east-1",
             "resources":["arn:aws:s3:::raw"],
             "detail":{"bucket":{"name":"raw"},"object":{"key":"landing/orders-2026.CSV","size":2048},
                       "reason":"PutObject","source-ip-address":"10.0.0.9","tags":["pii","daily"]}}""";

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static EventBridgeClient events;

    @BeforeAll
    static void client() {
        events = cloud.client(EventBridgeClient.builder());
    }

    @AfterAll
    static void closeClient() {
        events.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"source":["aws.s3"]}                                                              | true
            {"source":["aws.glue"]}                                                            | false
            {"detail":{"bucket":{"name":["raw"]}}}                                             | true
            {"detail":{"tags":["daily"]}}                                                      | true
            {"detail":{"object":{"key":[{"prefix":"landing/"}]}}}                              | true
            {"detail":{"object":{"key":[{"prefix":"archive/"}]}}}                              | false
            {"detail":{"object":{"key":[{"suffix":".CSV"}]}}}                                  | true
            {"detail":{"object":{"key":[{"suffix":".csv"}]}}}                                  | false
            {"detail":{"object":{"key":[{"suffix":{"equals-ignore-case":".csv"}}]}}}           | true
            {"detail":{"object":{"key":[{"prefix":{"equals-ignore-case":"LANDING/"}}]}}}       | true
            {"detail":{"reason":[{"anything-but":"DeleteObject"}]}}                            | true
            {"detail":{"reason":[{"anything-but":["PutObject","CopyObject"]}]}}                | false
            {"detail":{"reason":[{"anything-but":{"prefix":"Put"}}]}}                          | false
            {"detail":{"reason":[{"anything-but":{"suffix":"Upload"}}]}}                       | true
            {"detail":{"reason":[{"anything-but":{"prefix":["Copy","Complete"]}}]}}            | true
            {"detail":{"reason":[{"anything-but":{"equals-ignore-case":["putobject"]}}]}}      | false
            {"detail":{"reason":[{"anything-but":{"wildcard":"*Object"}}]}}                    | false
            {"detail":{"object":{"size":[{"numeric":[">",1024,"<=",4096]}]}}}                  | true
            {"detail":{"object":{"size":[{"numeric":["<",1024]}]}}}                            | false
            {"detail":{"object":{"size":[{"numeric":["=",2048]}]}}}                            | true
            {"detail":{"source-ip-address":[{"cidr":"10.0.0.0/24"}]}}                          | true
            {"detail":{"version-id":[{"exists":false}]}}                                       | true
            {"detail":{"reason":[{"exists":true}]}}                                            | true
            {"detail":{"reason":[{"exists":false}]}}                                           | false
            {"detail":{"object":{"key":[{"wildcard":"landing/*.CSV"}]}}}                       | true
            {"detail":{"object":{"key":[{"wildcard":"landing/*/x"}]}}}                         | false
            {"detail-type":[{"equals-ignore-case":"object created"}]}                          | true
            {"detail":{"$or":[{"reason":["CopyObject"]},{"object":{"size":[{"numeric":[">",1000]}]}}]}} | true
            {"detail":{"$or":[{"reason":["CopyObject"]},{"object":{"size":[{"numeric":["<",10]}]}}]}}   | false
            {"source":["aws.s3"],"detail":{"bucket":{"name":["raw"]},"object":{"key":[{"prefix":"landing/"}]}}} | true
            """)
    void testEventPatternAnswersWhetherTheEventMatches(String pattern, boolean matches) {
        assertThat(events.testEventPattern(r -> r.eventPattern(pattern).event(EVENT)).result()).isEqualTo(matches);
    }
}
