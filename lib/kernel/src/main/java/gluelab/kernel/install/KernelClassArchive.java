package gluelab.kernel.install;

import gluelab.kernel.KernelTraining;
import gluelab.process.ClassDataArchive;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The kernel JVM's class-data archive, in {@code build/cds} of the checkout. Jupyter starts the kernel with the
 * kernelspec's fixed command, which cannot both dump an archive and map it, so installing the kernelspec makes the
 * archive first: one {@link KernelTraining} run (a few seconds, once per build) with {@code -XX:ArchiveClassesAtExit}.
 * The kernelspec then maps it. A rebuild makes the archive stale; the JVM then ignores it and starts as before, until
 * the next {@code ./lab up} or {@code ./lab kernel install} makes a new one. {@value #SHARING_VARIABLE}{@code =off}
 * leaves it out.
 */
public final class KernelClassArchive {

    static final String NAME = "kernel";
    public static final String SHARING_VARIABLE = "GLUELAB_KERNEL_CLASS_DATA_SHARING";
    private static final long TRAINING_LIMIT_SECONDS = 180;

    private KernelClassArchive() {
    }

    static boolean enabled() {
        return !"off".equals(System.getenv(SHARING_VARIABLE));
    }

    /** The archive for a JVM with this class path, if it can have one. */
    static Optional<ClassDataArchive> forClasspath(Path labHome, List<String> classpath) {
        return ClassDataArchive.forClasspath(labHome.resolve("build").resolve("cds"), NAME,
                String.join(File.pathSeparator, classpath));
    }

    /** The options that map the archive, when it exists; none otherwise (the JVM then starts without). */
    static List<String> mappingOptions(Path labHome, List<String> classpath) {
        if (!enabled()) {
            return List.of();
        }
        return forClasspath(labHome, classpath).filter(ClassDataArchive::exists).map(ClassDataArchive::jvmOptions)
                .orElse(List.of());
    }

    /**
     * Makes the archive if this class path has none yet, by running {@link KernelTraining} in a JVM that dumps it.
     * Returns whether an archive exists now. A training that fails leaves none, and says why in
     * {@code build/cds/kernel-training.log}; the kernel still starts, without sharing.
     */
    static boolean make(Path labHome, List<String> trainingCommand, List<String> classpath) throws IOException {
        if (!enabled()) {
            return false;
        }
        Optional<ClassDataArchive> found = forClasspath(labHome, classpath);
        if (found.isEmpty()) {
            return false;
        }
        ClassDataArchive archive = found.get();
        if (archive.exists()) {
            return true;
        }
        List<String> command = new ArrayList<>(trainingCommand);
        command.addAll(1, archive.jvmOptions());
        Path log = labHome.resolve("build").resolve("cds").resolve("kernel-training.log");
        Files.createDirectories(log.getParent());
        Process training = new ProcessBuilder(command).directory(labHome.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!training.waitFor(TRAINING_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                training.destroyForcibly();
                archive.keepIfComplete(-1);
                return false;
            }
        } catch (InterruptedException e) {
            training.destroyForcibly();
            Thread.currentThread().interrupt();
            archive.keepIfComplete(-1);
            return false;
        }
        archive.keepIfComplete(training.exitValue());
        return archive.exists();
    }

    static String trainingClass() {
        return KernelTraining.class.getName();
    }
}
