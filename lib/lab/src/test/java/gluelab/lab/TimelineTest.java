package gluelab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.lab.svg.SvgDocuments;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;

class TimelineTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static TimelineEvent api(long seq, int seconds, String service, String name, String resource, int status) {
        return new TimelineEvent(seq, T0.plusSeconds(seconds), "000000000000", "us-east-1", service, "api", name,
                resource, status, null);
    }

    private static TimelineEvent event(long seq, int seconds, String service, String name, String resource) {
        return new TimelineEvent(seq, T0.plusSeconds(seconds), "000000000000", "us-east-1", service, "event", name,
                resource, null, new ObjectMapper().createObjectNode().put("bucket", "lab01-raw"));
    }

    private static final List<TimelineEvent> EVENTS = List.of(
            api(1, 0, "s3", "CreateBucket", "lab01-raw", 200),
            api(2, 1, "s3", "PutObject", "lab01-raw/customers.csv", 200),
            event(3, 1, "s3", "Object Created", "lab01-raw/customers.csv"),
            api(4, 2, "glue", "StartJobRun", "lab01-convert", 200),
            api(5, 3, "glue", "StartJobRun", "lab01-convert", 400),
            api(6, 9, "logs", "GetLogEvents", "/aws-glue/jobs/output/jr_abc", 200));

    private static final List<JobRun> RUNS = List.of(
            JobRun.builder().id("jr_0123456789abcdef").jobName("lab01-convert").jobRunState(JobRunState.SUCCEEDED)
                    .startedOn(T0.plusSeconds(2)).completedOn(T0.plusSeconds(7)).build(),
            JobRun.builder().id("jr_fedcba9876543210").jobName("lab01-convert").jobRunState(JobRunState.FAILED)
                    .startedOn(T0.plusSeconds(4)).completedOn(T0.plusSeconds(6)).errorMessage("boom").build());

    @Test
    void lanesPerResourceMarksPerCallAndBarsPerRun() throws Exception {
        Document svg = SvgDocuments.parse(Timeline.of(EVENTS, RUNS).svg());
        String texts = SvgDocuments.texts(svg);

        assertThat(texts).contains("lab01-raw", "lab01-convert", "/aws-glue/jobs/output");
        assertThat(texts).contains("10:00:01.000 s3 PutObject lab01-raw/customers.csv → 200");
        assertThat(texts).contains("10:00:01.000 s3 Object Created lab01-raw/customers.csv");
        assertThat(texts).contains("jr_012345678… SUCCEEDED 10:00:02.000 → 10:00:07.000 (5.0 s)");
        assertThat(texts).contains("jr_fedcba987… FAILED 10:00:04.000 → 10:00:06.000 (2.0 s): boom");
        assertThat(texts).contains("10:00:04", "lab clock (UTC) 2026-03-01");
        assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void itsTextFormListsTheLanes() {
        String text = Timeline.of(EVENTS, RUNS).toString();

        assertThat(text).startsWith("Timeline: 6 events, 2 job runs")
                .contains("S3 lab01-raw: 3 marks")
                .contains("GLUE lab01-convert: 2 marks, runs jr_012345678… SUCCEEDED, jr_fedcba987… FAILED")
                .contains("LOGS /aws-glue/jobs/output: 1 mark");
    }

    @Test
    void anEmptyTimelineIsStillAPicture() throws Exception {
        assertThat(SvgDocuments.texts(SvgDocuments.parse(Timeline.of(List.of()).svg()))).contains("Nothing happened yet.");
    }
}
