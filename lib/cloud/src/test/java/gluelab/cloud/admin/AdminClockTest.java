package gluelab.cloud.admin;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lab clock through Lab Cloud's admin API: how far it may be moved, and what a bad request gets. */
class AdminClockTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void advancingTheClockPastTheYear9999IsA400AndTheClockStaysWhereItWas() {
        Instant before = LabAdmin.now(cloud);
        for (String body : List.of("{\"seconds\": 1e300}", "{\"seconds\": 9.3e15}", "{\"duration\": \"PT9000000000H\"}",
                "{\"to\": \"+1000000-01-01T00:00:00Z\"}")) {
            HttpResponse<String> answer = cloud.http(cloud.request("/_lab/clock/advance")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));

            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).contains("9999-12-31T23:59:59Z");
        }
        Instant after = LabAdmin.now(cloud);
        assertThat(after).isAfterOrEqualTo(before).isBefore(before.plusSeconds(60));
        assertThat(cloud.http(cloud.request("/_lab/events?limit=1").GET()).statusCode()).isEqualTo(200);
    }
}
