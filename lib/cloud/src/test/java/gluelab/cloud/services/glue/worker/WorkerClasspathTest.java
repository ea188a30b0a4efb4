package gluelab.cloud.services.glue.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerClasspathTest {

    @TempDir
    Path repo;

    @Test
    void theSystemPropertyWinsOverEverything() {
        assertThat(WorkerClasspath.find(Map.of(WorkerClasspath.PROPERTY, "/a.jar")::get,
                Map.of(WorkerClasspath.ENVIRONMENT, "/b.jar")::get, repo)).isEqualTo("/a.jar");
    }

    @Test
    void theEnvironmentVariableComesNext() {
        assertThat(WorkerClasspath.find(k -> null, Map.of(WorkerClasspath.ENVIRONMENT, "/b.jar")::get, repo))
                .isEqualTo("/b.jar");
    }

    @Test
    void otherwiseTheBuiltWorkerModuleIsFoundAboveTheWorkingDirectory() throws Exception {
        Path target = builtWorker();
        Path deep = Files.createDirectories(repo.resolve("notebooks").resolve("deeper"));

        String classpath = WorkerClasspath.find(k -> null, k -> null, deep);

        assertThat(classpath).isEqualTo(target.resolve("classes") + File.pathSeparator + "/m2/spark.jar:/m2/scala.jar");
    }

    @Test
    void gluelabHomeNamesTheRepository() throws Exception {
        Path target = builtWorker();

        String classpath = WorkerClasspath.find(k -> null, Map.of(WorkerClasspath.HOME_ENVIRONMENT, repo.toString())::get,
                Path.of("/"));

        assertThat(classpath).startsWith(target.resolve("classes").toString());
    }

    @Test
    void anUnbuiltWorkerIsExplainedWithTheCommandThatBuildsIt() throws Exception {
        Files.createDirectories(repo.resolve("lib"));
        Files.writeString(repo.resolve("lib").resolve("pom.xml"), "<project/>");

        assertThatThrownBy(() -> WorkerClasspath.find(k -> null, k -> null, repo))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The Glue worker is not built")
                .hasMessageContaining("-pl glue-worker -am package");
    }

    private Path builtWorker() throws Exception {
        Files.createDirectories(repo.resolve("lib"));
        Files.writeString(repo.resolve("lib").resolve("pom.xml"), "<project/>");
        Path target = Files.createDirectories(repo.resolve("lib/glue-worker/target/classes")).getParent();
        Files.writeString(target.resolve("classpath.txt"), "/m2/spark.jar:/m2/scala.jar\n");
        return target;
    }
}
