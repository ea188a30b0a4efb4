package gluelab.lab.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.lab.RunMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlueJobCodeTest {

    @Test
    void aJavaJobRunsAsAScalaJobWhoseClassIsInTheExtraJar() {
        Map<String, String> arguments = GlueJobCode.arguments("s3://lab01-artifacts/jobs/convert.jar", "gluelab.labs.Convert");

        assertThat(arguments).containsExactly(Map.entry("--job-language", "scala"),
                Map.entry("--class", "gluelab.labs.Convert"),
                Map.entry("--extra-jars", "s3://lab01-artifacts/jobs/convert.jar"));
        arguments.put("--input_path", "s3://lab01-raw/customers.csv");
        assertThat(arguments).hasSize(4);
    }

    @Test
    void aLocalJarIsNotAJobArgument() {
        assertThatThrownBy(() -> GlueJobCode.arguments("/tmp/convert.jar", "Convert"))
                .hasMessageContaining("upload it first");
    }

    @Test
    void theLauncherScriptIsScalaThatDefinesNothingTheJobNeeds() {
        assertThat(GlueJobCode.LAUNCHER_SCRIPT).contains("object GlueLabLauncher").doesNotContain("def main");
        assertThat(GlueJobCode.LAUNCHER_KEY).endsWith(".scala");
    }

    @Test
    void runMetricsAreReadFromTheDriverLogLines() {
        RunMetrics metrics = GlueLogs.parseMetrics("jr_1", List.of(
                "INFO starting",
                "{\"glue_lab_metric\":\"source\",\"transformation_ctx\":\"raw\",\"files\":[\"s3://b/1.csv\",\"s3://b/2.csv\"],\"rows\":7}",
                "{\"glue_lab_metric\":\"sink\",\"transformation_ctx\":\"out\",\"path\":\"s3://r/x/\",\"rows\":7}",
                "{\"glue_lab_metric\":\"run\",\"filesRead\":2,\"rowsRead\":7,\"rowsWritten\":7}",
                "{\"not\":\"a metric\"}"));

        assertThat(metrics.found()).isTrue();
        assertThat(metrics.filesRead()).isEqualTo(2);
        assertThat(metrics.rowsRead()).isEqualTo(7);
        assertThat(metrics.rowsWritten()).isEqualTo(7);
        assertThat(metrics.filesReadList()).containsExactly("s3://b/1.csv", "s3://b/2.csv");
        assertThat(metrics.sinks()).containsExactly(new RunMetrics.Sink("out", "s3://r/x/", 7));
        assertThat(metrics.toString()).startsWith("Run jr_1: 2 files read, 7 rows in, 7 rows out");
    }

    @Test
    void aRunWithoutTotalsIsSaidToHaveNone() {
        RunMetrics metrics = GlueLogs.parseMetrics("jr_2", List.of("hello"));

        assertThat(metrics.found()).isFalse();
        assertThat(metrics.toString()).contains("no metrics in its driver log");
    }
}
