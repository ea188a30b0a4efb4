package gluelab.kernel.install;

import gluelab.lab.LabHome;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Installs the kernelspec {@value #KERNEL_NAME} ("{@value #DISPLAY_NAME}") for the current user, so Jupyter
 * starts this checkout's kernel with this JVM. Re-running replaces it, which is how a rebuilt class path is
 * picked up.
 */
public final class KernelspecInstaller {

    public static final String KERNEL_NAME = "java";
    public static final String DISPLAY_NAME = "Java (Glue Lab)";

    private KernelspecInstaller() {
    }

    /** {@code KernelspecInstaller}: installs for the checkout found by {@link LabHome} and prints where. */
    public static void main(String[] args) {
        try {
            Path installed = install(LabHome.locate());
            System.out.println("installed kernelspec \"" + KERNEL_NAME + "\" (" + DISPLAY_NAME + ") in " + installed);
        } catch (IOException | IllegalStateException e) {
            System.err.println("cannot install the kernelspec: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Installs into the user's Jupyter data directory as this process's environment selects it. */
    public static Path install(Path labHome) throws IOException {
        Path directory = KernelspecDirectory.forKernel(KERNEL_NAME, System.getenv(),
                System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
        return install(labHome, directory);
    }

    /**
     * Writes {@code kernel.json} into {@code kernelDirectory} and returns that directory. The kernel maps its
     * class-data archive, made now if this build has none ({@link KernelClassArchive}).
     */
    public static Path install(Path labHome, Path kernelDirectory) throws IOException {
        return install(labHome, kernelDirectory, true);
    }

    /** As {@link #install(Path, Path)}, or with a kernel that starts without class-data sharing (to compare). */
    public static Path install(Path labHome, Path kernelDirectory, boolean classDataSharing) throws IOException {
        Files.createDirectories(kernelDirectory);
        Files.writeString(kernelDirectory.resolve("kernel.json"), kernelJson(KernelLaunch.argv(labHome, classDataSharing)));
        return kernelDirectory;
    }

    static String kernelJson(List<String> argv) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode spec = json.createObjectNode();
        ArrayNode argvNode = spec.putArray("argv");
        argv.forEach(argvNode::add);
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        // Interrupts arrive as messages: a SIGINT is not how a JVM stops one thread.
        spec.put("interrupt_mode", "message");
        spec.set("metadata", json.valueToTree(Map.of("debugger", false)));
        return json.writeValueAsString(spec) + "\n";
    }
}
