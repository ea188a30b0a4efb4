package gluelab.glue.worker;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one run: the job jar and its {@code --extra-jars}, over the worker's class
 * path (Spark, Hadoop, the SDK and the Glue runtime). Parent-first by default, as Glue; with
 * {@code --user-jars-first true}, the run's jars win, except for the platform and the classes
 * the job shares with the worker (Java, Scala, Spark, Hadoop, the Glue runtime and its SPI), which
 * must be one copy. The worker's own classes ({@code gluelab.glue.worker}) are not visible, and
 * neither is Iceberg unless the run asked for it ({@code --datalake-formats iceberg}).
 */
final class RunClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String HIDDEN = "gluelab.glue.worker.";
    /** Worker classes Hadoop and Iceberg load by name, possibly through this loader. */
    private static final List<String> LOADED_BY_NAME = List.of("gluelab.glue.worker.s3a.", "gluelab.glue.worker.iceberg.");
    private static final List<String> ALWAYS_SHARED = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "scala.",
            "org.apache.spark.", "org.apache.hadoop.", "gluelab.glue.", "org.slf4j.", "org.apache.logging.log4j.",
            "org.apache.log4j.", "org.w3c.", "org.xml.");

    private final boolean userJarsFirst;
    private final boolean icebergVisible;

    RunClassLoader(String runId, URL[] jars, ClassLoader parent, boolean userJarsFirst, boolean icebergVisible) {
        super(jars, parent);
        this.userJarsFirst = userJarsFirst;
        this.icebergVisible = icebergVisible;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(HIDDEN) && LOADED_BY_NAME.stream().noneMatch(name::startsWith)) {
            throw new ClassNotFoundException(name + " (the Glue worker's classes are not visible to jobs)");
        }
        if (!icebergVisible && IcebergAvailability.isIcebergClass(name)) {
            try {
                return findOwnClass(name, resolve); // a job may bring its own Iceberg jars, as on AWS
            } catch (ClassNotFoundException notInRunJars) {
                throw new ClassNotFoundException(name + " (Iceberg is available to runs with --datalake-formats iceberg)");
            }
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                if (userJarsFirst && !shared(name)) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException notInRunJars) {
                        loaded = getParent().loadClass(name);
                    }
                } else {
                    try {
                        loaded = getParent().loadClass(name);
                    } catch (ClassNotFoundException notInWorker) {
                        loaded = findClass(name);
                    }
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> findOwnClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        if (userJarsFirst) {
            URL own = findResource(name);
            if (own != null) {
                return own;
            }
        }
        URL resource = super.getResource(name);
        if (resource != null && !icebergVisible && IcebergAvailability.isIcebergResource(resource)) {
            return findResource(name);
        }
        return resource;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> urls = new ArrayList<>();
        if (userJarsFirst) {
            urls.addAll(Collections.list(findResources(name)));
            urls.addAll(Collections.list(getParent().getResources(name)));
        } else {
            urls.addAll(Collections.list(super.getResources(name)));
        }
        if (!icebergVisible) {
            urls.removeIf(IcebergAvailability::isIcebergResource);
        }
        return Collections.enumeration(urls);
    }

    private static boolean shared(String name) {
        for (String prefix : ALWAYS_SHARED) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
