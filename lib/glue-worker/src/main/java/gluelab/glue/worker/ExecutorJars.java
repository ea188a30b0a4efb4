package gluelab.glue.worker;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * On a Spark cluster, the jars of the worker's class path that the executors need and a Spark 3.5
 * distribution does not hold: the Lab's own code (the Glue runtime jobs call, the worker's task plugin
 * and S3A credentials), hadoop-aws with the AWS SDK v2 and its HTTP clients, Deequ and the DQDL parser,
 * the PostgreSQL driver, and Iceberg (for runs that ask for it). They go with every run's own jars
 * (see {@link JobRun}): Spark gives each run's tasks a class loader of the run's artifacts only, over the
 * executor's own class path. Spark, Scala and the Hadoop client are the cluster's, and must be the
 * versions the worker runs (Spark 3.5, Scala 2.12, Hadoop client 3.4).
 * <p>
 * A jar qualifies by what it holds (packages below), not by its name, so that any layout of the class
 * path works; a class directory (a development build) is packed into a jar once, at start.
 */
final class ExecutorJars {

    private static final List<String> LAB_ADDITIONS = List.of("gluelab/", "org/apache/hadoop/fs/s3a/", "software/amazon/",
            "com/amazon/deequ/", "org/postgresql/", "org/reactivestreams/", "org/apache/http/", "org/apache/hc/");
    private static final String ICEBERG = "org/apache/iceberg/";

    private final List<Path> always;
    private final List<Path> iceberg;
    /** Each shipped jar by the class path entry it comes from (a class directory's is its packed jar). */
    private final Map<Path, Path> shippedByEntry;

    private ExecutorJars(List<Path> always, List<Path> iceberg, Map<Path, Path> shippedByEntry) {
        this.always = List.copyOf(always);
        this.iceberg = List.copyOf(iceberg);
        this.shippedByEntry = Map.copyOf(shippedByEntry);
    }

    /** Sorts the class path's entries; class directories are packed into jars under {@code packDirectory}. */
    static ExecutorJars fromClasspath(String classpath, Path packDirectory) {
        List<Path> always = new ArrayList<>();
        List<Path> iceberg = new ArrayList<>();
        Map<Path, Path> shippedByEntry = new HashMap<>();
        int packed = 0;
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath();
            List<String> names = entryNames(path);
            if (holds(names, List.of(ICEBERG))) {
                iceberg.add(path);
            } else if (holds(names, LAB_ADDITIONS)) {
                Path shipped = Files.isDirectory(path) ? pack(path, packDirectory.resolve(String.format("classes-%02d-%s.jar",
                        ++packed, moduleName(path)))) : path;
                always.add(shipped);
                shippedByEntry.put(path, shipped);
            }
        }
        return new ExecutorJars(always, iceberg, shippedByEntry);
    }

    /** The shipped jar that holds {@code type}: what an executor's own class loader needs for a Spark plugin. */
    Path jarHolding(Class<?> type) {
        try {
            Path entry = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            Path shipped = shippedByEntry.get(entry);
            if (shipped == null) {
                throw new IllegalStateException(type.getName() + " is in " + entry + ", which is not shipped to executors");
            }
            return shipped;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jars a run's executors need besides the run's own. */
    List<Path> forRun(boolean withIceberg) {
        if (!withIceberg) {
            return always;
        }
        List<Path> all = new ArrayList<>(always);
        all.addAll(iceberg);
        return all;
    }

    private static boolean holds(List<String> names, List<String> packages) {
        for (String name : names) {
            for (String prefix : packages) {
                if (name.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> entryNames(Path entry) {
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    return files.filter(Files::isRegularFile)
                            .map(file -> entry.relativize(file).toString().replace(File.separatorChar, '/')).toList();
                }
            }
            if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
                try (ZipFile jar = new ZipFile(entry.toFile())) {
                    return jar.stream().map(java.util.zip.ZipEntry::getName).toList();
                }
            }
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read class path entry " + entry, e);
        }
    }

    /** {@code lib/glue-runtime/target/classes} is glue-runtime's. */
    private static String moduleName(Path classes) {
        Path target = classes.getParent();
        Path module = target == null ? null : target.getParent();
        return module == null || module.getFileName() == null ? "root" : module.getFileName().toString();
    }

    private static Path pack(Path classes, Path jar) {
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream packed = new JarOutputStream(out);
                    Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                    packed.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                    Files.copy(file, packed);
                    packed.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot pack " + classes + " for the executors", e);
        }
    }
}
