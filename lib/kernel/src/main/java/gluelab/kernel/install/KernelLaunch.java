package gluelab.kernel.install;

import gluelab.process.ClassDataArchive;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * The command line Jupyter runs to start the kernel: this JVM's {@code java}, the Spark flags from
 * {@code lib/pom.xml} (one list for tests, the worker and the kernel) plus {@code -ea}, the kernel module's
 * class path, the main class and Jupyter's {@code {connection_file}} placeholder. Other processes that run
 * notebooks as the kernel does (the class grader's one per learner) start the same way, with another main class.
 */
public final class KernelLaunch {

    static final String MAIN_CLASS = "gluelab.kernel.KernelMain";
    static final String SPARK_FLAGS_PROPERTY = "spark.jvm.flags";

    private KernelLaunch() {
    }

    /** Jupyter's command for the kernel; makes the kernel's class-data archive first if this build has none. */
    static List<String> argv(Path labHome, boolean classDataSharing) throws IOException {
        List<String> argv;
        if (classDataSharing) {
            KernelClassArchive.make(labHome, javaCommand(labHome, KernelClassArchive.trainingClass(), List.of()),
                    classpath(labHome));
            argv = new ArrayList<>(javaCommand(labHome, MAIN_CLASS));
        } else {
            argv = new ArrayList<>(javaCommand(labHome, MAIN_CLASS, List.of()));
        }
        argv.add("{connection_file}");
        return argv;
    }

    /**
     * {@code java <flags> -ea -cp <kernel class path> mainClass}: a JVM like the kernel's, running {@code mainClass};
     * it maps the kernel's class-data archive when this build has one.
     */
    public static List<String> javaCommand(Path labHome, String mainClass) throws IOException {
        List<String> classpath = classpath(labHome);
        return javaCommand(labHome, mainClass, KernelClassArchive.mappingOptions(labHome, classpath));
    }

    private static List<String> javaCommand(Path labHome, String mainClass, List<String> sharingOptions)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(sharingOptions);
        command.addAll(sparkJvmFlags(labHome.resolve("lib").resolve("pom.xml")));
        command.add("-ea");
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath(labHome)));
        command.add(mainClass);
        return command;
    }

    static Path javaExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    /**
     * The kernel module's jar (its compiled classes when the jar is missing or stale: class-data sharing archives
     * only classes from jars), then its runtime dependencies as Maven wrote them.
     */
    static List<String> classpath(Path labHome) throws IOException {
        Path target = labHome.resolve("lib").resolve("kernel").resolve("target");
        Path classes = target.resolve("classes");
        Path classpathFile = target.resolve("classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(classpathFile)) {
            throw new IOException("the kernel module is not built (no " + classes + " or " + classpathFile
                    + "); run: mvn -f " + labHome.resolve("lib").resolve("pom.xml") + " -pl kernel -am package -DskipTests");
        }
        List<String> entries = new ArrayList<>();
        entries.add(ClassDataArchive.packagedJar(target, "kernel").orElse(classes).toString());
        for (String entry : Files.readString(classpathFile).strip().split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    static List<String> sparkJvmFlags(Path parentPom) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document pom = factory.newDocumentBuilder().parse(parentPom.toFile());
            NodeList properties = pom.getDocumentElement().getElementsByTagName("properties");
            for (int i = 0; i < properties.getLength(); i++) {
                NodeList flags = ((Element) properties.item(i)).getElementsByTagName(SPARK_FLAGS_PROPERTY);
                if (flags.getLength() > 0) {
                    return Arrays.stream(flags.item(0).getTextContent().strip().split("\\s+"))
                            .filter(flag -> !flag.isEmpty())
                            .toList();
                }
            }
            throw new IOException(parentPom + " has no <" + SPARK_FLAGS_PROPERTY + "> property");
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot read " + parentPom + ": " + e.getMessage(), e);
        }
    }
}
