package gluelab.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.services.glue.worker.WorkerCommandLine;
import org.junit.jupiter.api.Test;

/** {@code ./lab cloud --spark-master} and {@code LAB_SPARK_MASTER}: which Spark the Glue worker's driver runs on. */
class LabCloudSparkMasterTest {

    @Test
    void withoutAMasterTheWorkerKeepsItsLocalSpark() {
        LabCloudConfig config = LabCloud.parseArguments(new String[0], null);

        assertThat(config.sparkMaster()).isNull();
        assertThat(WorkerCommandLine.command("cp", config.sparkMaster())).noneMatch(arg -> arg.contains("gluelab.worker.master"));
    }

    @Test
    void theFlagNamesTheStandaloneMasterTheWorkerIsStartedWith() {
        LabCloudConfig config = LabCloud.parseArguments(new String[] {"--spark-master", "spark://10.0.0.5:7077"}, null);

        assertThat(config.sparkMaster()).isEqualTo("spark://10.0.0.5:7077");
        assertThat(WorkerCommandLine.command("cp", config.sparkMaster())).contains("-Dgluelab.worker.master=spark://10.0.0.5:7077");
    }

    @Test
    void labSparkMasterIsTheDefaultAndTheFlagWins() {
        assertThat(LabCloud.parseArguments(new String[0], "spark://from-env:7077").sparkMaster())
                .isEqualTo("spark://from-env:7077");
        assertThat(LabCloud.parseArguments(new String[] {"--spark-master", "k8s://https://api:443"}, "spark://from-env:7077")
                .sparkMaster()).isEqualTo("k8s://https://api:443");
    }

    @Test
    void aMasterThatIsNotAClusterIsRefusedWithTheFormsThatWork() {
        assertThatThrownBy(() -> LabCloud.parseArguments(new String[] {"--spark-master", "local[4]"}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spark://HOST:PORT");
        assertThatThrownBy(() -> LabCloud.parseArguments(new String[] {"--spark-master"}, null))
                .hasMessage("--spark-master needs a value");
    }
}
