package gluelab.cloud.services.lambda.execution;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The Runtime Interface Client's JNI library, unpacked once for all of Lab Cloud's execution environments.
 *
 * <p>Left to itself, every runtime copies the library to the fixed path {@code /tmp/.libaws-lambda-jni.so} and loads
 * it from there. On AWS each environment has a {@code /tmp} of its own; here environments share the machine's, so one
 * starting runtime could rewrite the file while another was loading or running it, and that one died by a signal
 * ("signal: aborted") instead of its handler's own ending. The client loads the path named by its {@code JNI} system
 * property instead, so Lab Cloud unpacks the library to its own directory, completely before anyone reads it.
 */
final class RuntimeNativeLibrary {

    /** The system property the client loads its JNI library from, when set. */
    static final String PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private RuntimeNativeLibrary() {
    }

    /** The library for this machine, unpacked into {@code directory} if it is not there yet; its path. */
    static synchronized Path unpack(Path directory) {
        String name = "libaws-lambda-jni." + platform() + ".so";
        Path target = directory.resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        try (InputStream library = RuntimeNativeLibrary.class.getResourceAsStream("/jni/" + name)) {
            if (library == null) {
                throw new IllegalStateException("The Lambda runtime client has no JNI library for " + platform());
            }
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, name, ".partial");
            Files.copy(library, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot unpack the Lambda runtime client's JNI library into " + directory
                    + ": " + e.getMessage(), e);
        }
    }

    /** The client's own name for the platform: linux or linux_musl, then x86_64 or aarch_64. */
    private static String platform() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String cpu = arch.equals("aarch64") || arch.equals("arm64") ? "aarch_64" : "x86_64";
        boolean musl = Files.exists(Path.of("/lib/ld-musl-x86_64.so.1"))
                || Files.exists(Path.of("/lib/ld-musl-aarch64.so.1"));
        return (musl ? "linux_musl-" : "linux-") + cpu;
    }
}
