package gluelab.kernel.install;

import gluelab.lab.LabHome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class KernelspecInstallerTest {

    private static final Path HOME = Path.of("/home/learner");

    @TempDir
    Path temp;

    @Test
    void theKernelspecStartsThisJvmWithTheSparkFlagsAssertionsAndTheKernelClassPath() throws Exception {
        Path labHome = LabHome.locate();
        Path installed = KernelspecInstaller.install(labHome, temp.resolve("kernels/java"));
        JsonNode spec = new ObjectMapper().readTree(installed.resolve("kernel.json").toFile());

        assertEquals("Java (Glue Lab)", spec.path("display_name").asText());
        assertEquals("java", spec.path("language").asText());
        assertEquals("message", spec.path("interrupt_mode").asText());
        List<String> argv = new ArrayList<>();
        spec.path("argv").forEach(part -> argv.add(part.asText()));
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), argv.get(0));
        assertEquals(List.of("gluelab.kernel.KernelMain", "{connection_file}"), argv.subList(argv.size() - 2, argv.size()));
        assertTrue(argv.contains("-ea"));
        assertTrue(argv.containsAll(KernelLaunch.sparkJvmFlags(labHome.resolve("lib/pom.xml"))));
        assertTrue(argv.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), argv::toString);
        List<String> classpath = List.of(argv.get(argv.indexOf("-cp") + 1).split(File.pathSeparator));
        // The kernel's own classes first: its jar when Maven packaged it after compiling (class-data sharing
        // archives classes from jars only), else the classes directory.
        Path kernelTarget = labHome.resolve("lib/kernel/target");
        assertTrue(classpath.get(0).equals(kernelTarget.resolve("classes").toString())
                || (Path.of(classpath.get(0)).getParent().equals(kernelTarget) && classpath.get(0).endsWith(".jar")),
                classpath::toString);
        assertTrue(classpath.stream().anyMatch(entry -> entry.contains("jupyter-jvm-basekernel")), classpath::toString);
        assertTrue(classpath.stream().allMatch(entry -> Files.exists(Path.of(entry))), classpath::toString);
    }

    @Test
    void jupyterFindsTheInstalledKernelspecUnderJupyterPath() throws Exception {
        Path jupyterPath = temp.resolve("jupyter-path");
        Path installed = KernelspecInstaller.install(LabHome.locate(),
                KernelspecDirectory.forKernel("java", Map.of("JUPYTER_PATH", jupyterPath + File.pathSeparator + "/elsewhere"), "Linux", HOME));
        assertEquals(jupyterPath.resolve("kernels/java"), installed);

        Path jupyter = Path.of("/usr/bin/jupyter");
        assumeTrue(Files.isExecutable(jupyter), "needs the jupyter command (Debian: jupyter-client)");
        ProcessBuilder list = new ProcessBuilder(jupyter.toString(), "kernelspec", "list", "--json")
                .redirectError(temp.resolve("jupyter.err").toFile());
        list.environment().put("JUPYTER_PATH", jupyterPath.toString());
        Process process = list.start();
        JsonNode specs = new ObjectMapper().readTree(process.getInputStream());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        JsonNode java = specs.path("kernelspecs").path("java");
        assertEquals(installed.toRealPath().toString(), Path.of(java.path("resource_dir").asText()).toRealPath().toString());
        assertEquals("Java (Glue Lab)", java.path("spec").path("display_name").asText());
    }

    @Test
    void theTargetIsTheFirstJupyterPathEntryThenJupyterDataDirThenThePlatformDataDirectory() {
        assertEquals(Path.of("/a/kernels/java"),
                KernelspecDirectory.forKernel("java", Map.of("JUPYTER_PATH", "/a" + File.pathSeparator + "/b", "JUPYTER_DATA_DIR", "/d"), "Linux", HOME));
        assertEquals(Path.of("/d/kernels/java"), KernelspecDirectory.forKernel("java", Map.of("JUPYTER_DATA_DIR", "/d"), "Linux", HOME));
        assertEquals(HOME.resolve(".local/share/jupyter/kernels/java"), KernelspecDirectory.forKernel("java", Map.of(), "Linux", HOME));
        assertEquals(Path.of("/xdg/jupyter/kernels/java"), KernelspecDirectory.forKernel("java", Map.of("XDG_DATA_HOME", "/xdg"), "Linux", HOME));
        assertEquals(HOME.resolve("Library/Jupyter/kernels/java"), KernelspecDirectory.forKernel("java", Map.of(), "Mac OS X", HOME));
    }

    @Test
    void anUnbuiltKernelModuleIsExplainedNotInstalled() throws Exception {
        Path checkout = temp.resolve("checkout");
        Files.createDirectories(checkout.resolve("lib"));
        Files.copy(LabHome.locate().resolve("lib/pom.xml"), checkout.resolve("lib/pom.xml"));
        var error = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> KernelspecInstaller.install(checkout, temp.resolve("kernels/java")));
        assertTrue(error.getMessage().contains("the kernel module is not built"), error.getMessage());
    }
}
