package gluelab.lab.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.lab.LabSetupException;
import gluelab.lab.TimelineEvent;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sts.StsClient;

class LabCloudAdminTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void theEndOfTheTimelineIsItsLastSequenceNumber() {
        LabCloudAdmin admin = new LabCloudAdmin(cloud.endpoint());
        try (StsClient sts = cloud.client(StsClient.builder())) {
            for (int i = 0; i < 37; i++) {
                sts.getCallerIdentity();
            }
        }

        List<TimelineEvent> all = admin.allEvents(0);
        long end = admin.timelineEnd();

        assertThat(all).hasSizeGreaterThanOrEqualTo(37);
        assertThat(end).isEqualTo(all.get(all.size() - 1).seq());
        assertThat(admin.events(end, 10).events()).isEmpty();
    }

    @Test
    void aProbeTellsLabCloudFromOtherServersAndFromNothing() throws Exception {
        assertThat(new LabCloudAdmin(cloud.endpoint()).probe()).isEqualTo(LabCloudAdmin.Probe.LAB_CLOUD);

        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        other.start();
        try {
            URI otherEndpoint = URI.create("http://127.0.0.1:" + other.getAddress().getPort());
            assertThat(new LabCloudAdmin(otherEndpoint).probe()).isEqualTo(LabCloudAdmin.Probe.OTHER);
        } finally {
            other.stop(0);
        }

        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        assertThat(new LabCloudAdmin(URI.create("http://127.0.0.1:" + freePort)).probe())
                .isEqualTo(LabCloudAdmin.Probe.NOTHING);
    }

    @Test
    void anAnswerOtherThan200IsAnErrorSayingWhatLabCloudSaid() {
        LabCloudAdmin admin = new LabCloudAdmin(cloud.endpoint());

        assertThatThrownBy(() -> admin.reset(""))
                .isInstanceOf(LabSetupException.class)
                .hasMessageContaining("400").hasMessageContaining("empty prefix");
    }
}
