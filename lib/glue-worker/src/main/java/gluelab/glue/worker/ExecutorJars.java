package gluelab.glue.worker;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * On a Spark cluster, the jars of the worker's class path that the executors need and a Spark 3.5 distribution does
 * not hold. They reach the executors in two ways.
 * <ul>
 * <li><b>With every run</b> ({@link #forRun}, see {@link JobRun}): the Lab's own code (the Glue runtime jobs call,
 * the worker's task plugin), Deequ and the DQDL parser, the PostgreSQL driver, and Iceberg for the runs that ask for
 * it. Spark gives each run's tasks a class loader of the run's artifacts only, over the executor's own class path.
 * <li><b>On the executors' own class path</b> ({@link #executorClasspath}, {@code spark.executor.extraClassPath}):
 * the S3A connector (hadoop-aws, the AWS SDK v2 it calls) and the Lab's S3A credentials provider, packed alone.
 * Hadoop caches one file system per bucket in the executor, in the class loader of the Hadoop client, for every
 * run to reuse: an S3A loaded by one run's class loader would reach the next run, whose own copy of the S3A
 * classes cannot use it ({@code ClassCastException: S3AStorageStatistics cannot be cast to
 * S3AStorageStatistics}). And S3A loads its credentials provider from its own class loader. So S3A is installed
 * once per executor, as on any Spark cluster that reads S3.
 * </ul>
 * Spark, Scala and the Hadoop client are the cluster's, and must be the versions the worker runs (Spark 3.5,
 * Scala 2.12, Hadoop client 3.4).
 * <p>
 * A jar qualifies by what it holds (packages below), not by its name, so that any layout of the class
 * path works; a class directory (a development build) is packed into a jar once, at start.
 */
final class ExecutorJars {

    private static final List<String> LAB_ADDITIONS = List.of("gluelab/", "com/amazon/deequ/", "software/amazon/glue/dqdl/",
            "org/postgresql/");
    private static final String ICEBERG = "org/apache/iceberg/";
    private static final List<String> S3A_CONNECTOR = List.of("org/apache/hadoop/fs/s3a/", "software/amazon/awssdk/",
            "software/amazon/eventstream/", "org/reactivestreams/");
    /** The Lab's S3A credentials provider, which S3A loads by name from its own class loader. */
    private static final String S3A_CREDENTIALS = "gluelab/glue/worker/s3a/";

    private final List<Path> always;
    private final List<Path> iceberg;
    private final List<Path> executorClasspath;
    /** Each shipped jar by the class path entry it comes from (a class directory's is its packed jar). */
    private final Map<Path, Path> shippedByEntry;

    private ExecutorJars(List<Path> always, List<Path> iceberg, List<Path> executorClasspath, Map<Path, Path> shippedByEntry) {
        this.always = List.copyOf(always);
        this.iceberg = List.copyOf(iceberg);
        this.executorClasspath = List.copyOf(executorClasspath);
        this.shippedByEntry = Map.copyOf(shippedByEntry);
    }

    /** Sorts the class path's entries; class directories are packed into jars under {@code packDirectory}. */
    static ExecutorJars fromClasspath(String classpath, Path packDirectory) {
        List<Path> always = new ArrayList<>();
        List<Path> iceberg = new ArrayList<>();
        List<Path> executorClasspath = new ArrayList<>();
        Map<Path, Path> shippedByEntry = new HashMap<>();
        int packed = 0;
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath();
            List<String> names = entryNames(path);
            if (holds(names, List.of(S3A_CREDENTIALS))) {
                executorClasspath.add(packEntries(path, names, S3A_CREDENTIALS, packDirectory.resolve("lab-s3a-credentials.jar")));
            }
            if (holds(names, List.of(ICEBERG))) {
                iceberg.add(path);
            } else if (holds(names, S3A_CONNECTOR)) {
                executorClasspath.add(path);
            } else if (holds(names, LAB_ADDITIONS)) {
                Path shipped = Files.isDirectory(path) ? packEntries(path, names, "",
                        packDirectory.resolve(String.format("classes-%02d-%s.jar", ++packed, moduleName(path)))) : path;
                always.add(shipped);
                shippedByEntry.put(path, shipped);
            }
        }
        return new ExecutorJars(always, iceberg, executorClasspath, shippedByEntry);
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

    /** What {@code spark.executor.extraClassPath} must hold, as paths on this machine. */
    List<Path> executorClasspath() {
        return executorClasspath;
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

    /**
     * The entries of class path entry {@code entry} (a jar or a class directory) under {@code prefix} (all of them for
     * {@code ""}), in a jar of their own.
     */
    private static Path packEntries(Path entry, List<String> names, String prefix, Path jar) {
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream packed = new JarOutputStream(out);
                    ZipFile source = Files.isDirectory(entry) ? null : new ZipFile(entry.toFile())) {
                for (String name : names.stream().filter(n -> n.startsWith(prefix) && !n.endsWith("/")).sorted().toList()) {
                    packed.putNextEntry(new JarEntry(name));
                    if (source == null) {
                        Files.copy(entry.resolve(name), packed);
                    } else {
                        try (var in = source.getInputStream(source.getEntry(name))) {
                            in.transferTo(packed);
                        }
                    }
                    packed.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot pack " + prefix + " of " + entry + " for the executors", e);
        }
    }
}
