package gluelab.glue.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.process.ProtocolException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Glue worker protocol's lines, exactly as lib/README.md ("Glue worker protocol") shows them. */
class GlueProtocolTest {

    private static final RunCommand RUN = new RunCommand("jr_1", "orders", 0, "com.example.Job",
            List.of("s3://jobs/job.jar", "s3://libs/poi.jar"), false,
            List.of("--JOB_NAME", "orders", "--job-bookmark-option", "job-bookmark-enable"),
            new RunCommand.AwsSettings("http://127.0.0.1:4566", "us-east-1", "ASIAX", "secret", null),
            new RunCommand.Bookmark("job-bookmark-enable", null), List.of("pg-sales"));

    @Test
    void aRunCommandIsOneLineWithItsOpFirstAndItsEmptyFieldsAsNull() {
        assertThat(GlueCommand.LINES.write(RUN)).isEqualTo("{\"op\":\"run\",\"runId\":\"jr_1\",\"jobName\":\"orders\","
                + "\"attempt\":0,\"className\":\"com.example.Job\",\"jars\":[\"s3://jobs/job.jar\",\"s3://libs/poi.jar\"],"
                + "\"userJarsFirst\":false,\"args\":[\"--JOB_NAME\",\"orders\",\"--job-bookmark-option\","
                + "\"job-bookmark-enable\"],\"aws\":{\"endpoint\":\"http://127.0.0.1:4566\",\"region\":\"us-east-1\","
                + "\"accessKeyId\":\"ASIAX\",\"secretAccessKey\":\"secret\",\"sessionToken\":null},"
                + "\"bookmark\":{\"option\":\"job-bookmark-enable\",\"state\":null},\"connections\":[\"pg-sales\"]}");
    }

    @Test
    void aRunCommandWithoutConnectionsMayUseNone() {
        RunCommand read = (RunCommand) GlueCommand.LINES.read("{\"op\":\"run\",\"runId\":\"jr_1\",\"className\":\"J\","
                + "\"jars\":[\"s3://jobs/job.jar\"]}");

        assertThat(read.connections()).isEmpty();
    }

    @Test
    void everyCommandReadsBackAsItWasWritten() {
        for (GlueCommand command : List.of(RUN, new GlueCommand.Stop("jr_1", 500L),
                GlueCommand.Stop.withDefaultGrace("jr_2"), new GlueCommand.Shutdown())) {
            assertThat(GlueCommand.LINES.read(GlueCommand.LINES.write(command))).isEqualTo(command);
        }
        assertThat(GlueCommand.LINES.write(GlueCommand.Stop.withDefaultGrace("jr_2"))).isEqualTo("{\"op\":\"stop\",\"runId\":\"jr_2\"}");
        assertThat(GlueCommand.LINES.write(new GlueCommand.Shutdown())).isEqualTo("{\"op\":\"shutdown\"}");
    }

    @Test
    void eventsLeaveOutWhatTheyDoNotHave() {
        assertThat(GlueEvent.LINES.write(new GlueEvent.Finished("jr_1", GlueEvent.RunState.SUCCEEDED, null)))
                .isEqualTo("{\"ev\":\"finished\",\"runId\":\"jr_1\",\"state\":\"SUCCEEDED\"}");
        assertThat(GlueEvent.LINES.write(new GlueEvent.CommandError(null, "not a JSON command: x")))
                .isEqualTo("{\"ev\":\"error\",\"message\":\"not a JSON command: x\"}");
        assertThat(GlueEvent.LINES.write(new GlueEvent.Ready("3.5.4", 4200)))
                .isEqualTo("{\"ev\":\"ready\",\"sparkVersion\":\"3.5.4\",\"startupMillis\":4200}");
    }

    @Test
    void theReadmesEventLinesReadAsTheirRecords() {
        assertThat(GlueEvent.LINES.read("{\"ev\":\"log\",\"runId\":\"jr_1\",\"stream\":\"output\",\"message\":\"hi\"}"))
                .isEqualTo(new GlueEvent.Log("jr_1", GlueEvent.Log.OUTPUT, "hi"));
        assertThat(GlueEvent.LINES.read("{\"ev\":\"bookmark\",\"runId\":\"jr_1\",\"state\":\"{}\"}"))
                .isEqualTo(new GlueEvent.Bookmark("jr_1", "{}"));
        assertThat(GlueEvent.LINES.read("{\"ev\":\"finished\",\"runId\":\"jr_1\",\"state\":\"FAILED\","
                + "\"errorMessage\":\"OutOfMemoryError: Java heap space\"}"))
                .isEqualTo(new GlueEvent.Finished("jr_1", GlueEvent.RunState.FAILED, "OutOfMemoryError: Java heap space"));
        assertThat(GlueEvent.LINES.read("{\"ev\":\"running\",\"runId\":\"jr_1\",\"since\":\"a later version\"}"))
                .as("unknown fields are ignored").isEqualTo(new GlueEvent.Running("jr_1"));
    }

    @Test
    void aMinimalRunCommandGetsTheWorkersDefaults() {
        RunCommand run = (RunCommand) GlueCommand.LINES.read("{\"op\":\"run\",\"runId\":\"jr_9\",\"className\":\"J\","
                + "\"jars\":[\"/tmp/j.jar\"],\"args\":[\"--job-bookmark-option\",\"job-bookmark-pause\"]}");

        assertThat(run.jobName()).isEqualTo("jr_9");
        assertThat(run.attempt()).isZero();
        assertThat(run.userJarsFirst()).isFalse();
        assertThat(run.aws()).isEqualTo(new RunCommand.AwsSettings(null, "us-east-1", null, null, null));
        assertThat(run.bookmark().state()).isNull();
        assertThat(run.bookmarkOption()).as("from the arguments").isEqualTo("job-bookmark-pause");
        assertThat(new RunCommand("r", null, 0, "J", List.of("j.jar"), false, List.of(), null, null).bookmarkOption())
                .isEqualTo("job-bookmark-disable");
    }

    @Test
    void aRunCommandWithoutItsClassOrJarsIsNotRunnableAndSaysWhatIsMissing() {
        assertThatThrownBy(() -> new RunCommand("jr_1", null, 0, null, List.of("j.jar"), false, null, null, null)
                .requireRunnable()).hasMessage("run command without \"className\"");
        assertThatThrownBy(() -> new RunCommand("jr_1", null, 0, "J", List.of(), false, null, null, null)
                .requireRunnable()).hasMessage("run jr_1: \"jars\" is empty (the job jar comes first)");
    }

    @Test
    void aLineThatIsNoMessageIsAProtocolErrorSayingWhy() {
        assertThatThrownBy(() -> GlueCommand.LINES.read("{\"op\":\"explode\"}"))
                .isInstanceOf(ProtocolException.class).hasMessage("unknown op 'explode'");
        assertThatThrownBy(() -> GlueCommand.LINES.read("{\"runId\":\"jr_1\"}"))
                .isInstanceOf(ProtocolException.class).hasMessage("no \"op\" in {\"runId\":\"jr_1\"}");
        assertThatThrownBy(() -> GlueEvent.LINES.read("Spark is starting"))
                .isInstanceOf(ProtocolException.class).hasMessageStartingWith("not a GlueEvent: ");
    }
}
