package gluelab.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    @TempDir
    Path temp;

    @Test
    void aFirstStartDumpsAndTheArchiveIsKeptOnlyAfterACleanExit() throws Exception {
        String classpath = jar("app.jar").toString();
        ClassDataArchive first = ClassDataArchive.forClasspath(temp.resolve("cds"), "app", classpath).orElseThrow();

        assertThat(first.exists()).isFalse();
        assertThat(first.jvmOptions()).anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));
        Path partial = Path.of(dumpTarget(first.jvmOptions()));
        Files.writeString(partial, "classes");
        first.keepIfComplete(1);
        assertThat(first.exists()).isFalse();
        assertThat(partial).doesNotExist();

        ClassDataArchive second = ClassDataArchive.forClasspath(temp.resolve("cds"), "app", classpath).orElseThrow();
        Files.writeString(Path.of(dumpTarget(second.jvmOptions())), "classes");
        second.keepIfComplete(0);

        ClassDataArchive third = ClassDataArchive.forClasspath(temp.resolve("cds"), "app", classpath).orElseThrow();
        assertThat(third.exists()).isTrue();
        assertThat(third.jvmOptions()).contains("-XX:SharedArchiveFile=" + third.archive());
    }

    @Test
    void aRebuiltJarGetsANewArchiveAndTheOldOneIsDeletedOnceTheNewOneIsKept() throws Exception {
        Path jar = jar("app.jar");
        ClassDataArchive before = keptArchive(jar.toString());
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));

        ClassDataArchive after = ClassDataArchive.forClasspath(temp.resolve("cds"), "app", jar.toString()).orElseThrow();
        assertThat(after.archive()).isNotEqualTo(before.archive());
        assertThat(after.exists()).isFalse();
        Files.writeString(Path.of(dumpTarget(after.jvmOptions())), "classes");
        after.keepIfComplete(0);

        assertThat(after.exists()).isTrue();
        assertThat(before.archive()).doesNotExist();
    }

    @Test
    void aClassPathWithClassesInADirectoryHasNoArchiveBecauseTheJvmCannotDumpIt() throws Exception {
        Path classes = Files.createDirectories(temp.resolve("classes"));
        Files.writeString(classes.resolve("A.class"), "");

        assertThat(ClassDataArchive.forClasspath(temp.resolve("cds"), "app",
                jar("app.jar") + File.pathSeparator + classes)).isEmpty();
    }

    @Test
    void aCorruptArchiveNeverStopsAStart() throws Exception {
        String classpath = jar("app.jar").toString();
        ClassDataArchive archive = keptArchive(classpath);
        Files.writeString(archive.archive(), "not an archive at all");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(archive.jvmOptions());
        command.addAll(List.of("-cp", classpath, "-version"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());

        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
    }

    @Test
    void aLongLivedJvmDumpsItsArchiveWhileRunningWhenItAsksAndTheNextStartMapsIt() throws Exception {
        Path jar = temp.resolve("dumping.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> type : List.of(ClassDataArchive.class, DumpsOnceWarm.class)) {
                Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
                String binaryName = type.getName().substring(type.getPackageName().length() + 1);
                try (var files = Files.list(root.resolve(type.getPackageName().replace('.', '/')))) {
                    for (Path file : files.filter(f -> f.getFileName().toString().startsWith(binaryName)).toList()) {
                        out.putNextEntry(new java.util.jar.JarEntry(root.relativize(file).toString()));
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                }
            }
        }
        ClassDataArchive first = ClassDataArchive.forClasspath(temp.resolve("cds"), "worker", jar.toString()).orElseThrow();
        assertThat(first.jvmOptionsDumpingOnRequest()).contains("-XX:+RecordDynamicDumpInfo")
                .noneMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit"));

        String said = runJava(first.jvmOptionsDumpingOnRequest(), jar, DumpsOnceWarm.class.getName());

        assertThat(said).contains("class-data archive written in");
        assertThat(first.exists()).as("kept while the JVM still ran").isTrue();
        try (var files = Files.list(temp.resolve("cds"))) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no partial file left").noneMatch(n -> n.endsWith(".partial"));
        }
        ClassDataArchive second = ClassDataArchive.forClasspath(temp.resolve("cds"), "worker", jar.toString()).orElseThrow();
        List<String> mapping = new ArrayList<>(second.jvmOptionsDumpingOnRequest());
        mapping.add("-Xshare:on"); // fails the start if the archive cannot be mapped
        assertThat(runJava(mapping, jar, DumpsOnceWarm.class.getName())).contains("not asked to dump");
    }

    /** A JVM's main that warms up, then asks for its archive, as the Glue worker does. */
    public static final class DumpsOnceWarm {
        public static void main(String[] args) {
            System.out.println(ClassDataArchive.dumpIfAsked().orElse("not asked to dump"));
        }
    }

    private static String runJava(List<String> options, Path jar, String mainClass) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", jar.toString(), mainClass));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void aModulesJarStandsForItsClassesOnlyWhenPackagedAfterThem() throws Exception {
        Path target = Files.createDirectories(temp.resolve("target"));
        Path classes = Files.createDirectories(target.resolve("classes"));
        Path compiled = Files.writeString(classes.resolve("A.class"), "");
        Path jar = Files.writeString(target.resolve("module-1.0.jar"), "");
        Files.writeString(target.resolve("module-1.0-tests.jar"), "");
        Files.setLastModifiedTime(compiled, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(2_000_000));

        assertThat(ClassDataArchive.packagedJar(target, "module")).contains(jar);

        Files.setLastModifiedTime(compiled, FileTime.fromMillis(3_000_000));
        assertThat(ClassDataArchive.packagedJar(target, "module")).isEmpty();
    }

    private ClassDataArchive keptArchive(String classpath) throws Exception {
        ClassDataArchive archive = ClassDataArchive.forClasspath(temp.resolve("cds"), "app", classpath).orElseThrow();
        Files.writeString(Path.of(dumpTarget(archive.jvmOptions())), "classes");
        archive.keepIfComplete(0);
        return archive;
    }

    private Path jar(String name) throws Exception {
        return Files.write(temp.resolve(name), new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    }

    private static String dumpTarget(List<String> options) {
        return options.stream().filter(option -> option.startsWith("-XX:ArchiveClassesAtExit="))
                .map(option -> option.substring("-XX:ArchiveClassesAtExit=".length())).findFirst().orElseThrow();
    }
}
