package gluelab.glue.aws;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import gluelab.glue.spi.RunEnvironment;
import gluelab.glue.types.Choices;
import gluelab.glue.spi.RunEnvironments;
import gluelab.glue.util.JsonOptions;

/**
 * AWS Glue's own classes, when the job runs on AWS Glue: there the runtime hands the job's lifecycle and its S3
 * and catalog sources to Glue, so that job bookmarks are Glue's (kept by the service, between runs) and not the
 * lab's. Glue's Scala API is called by reflection, as AWS documents it:
 * <ul>
 * <li>{@code new com.amazonaws.services.glue.GlueContext(sc: SparkContext)};</li>
 * <li>{@code com.amazonaws.services.glue.util.Job.init(jobName: String, glueContext: GlueContext,
 * args: java.util.Map[String, String])} and {@code Job.commit()};</li>
 * <li>{@code glueContext.getSourceWithFormat(connectionType: String, options: JsonOptions,
 * transformationContext: String, format: String, formatOptions: JsonOptions): DataSource} and
 * {@code glueContext.getCatalogSource(database, tableName, redshiftTmpDir, transformationContext,
 * pushDownPredicate, additionalOptions: JsonOptions, catalogId): DataSource};</li>
 * <li>{@code dataSource.getDynamicFrame()}, then {@code dynamicFrame.toDF()} (its one parameter has a default);</li>
 * <li>{@code new com.amazonaws.services.glue.util.JsonOptions(json: String)}.</li>
 * </ul>
 * In Lab Cloud (a worker binds a run environment that keeps bookmarks) and in a plain local run (no Glue
 * classes) the lab's own implementation runs instead.
 */
public final class AwsGlue {

    static final String GLUE_CONTEXT = "com.amazonaws.services.glue.GlueContext";
    static final String DATA_SOURCE = "com.amazonaws.services.glue.DataSource";
    static final String DYNAMIC_FRAME = "com.amazonaws.services.glue.DynamicFrame";
    static final String JOB = "com.amazonaws.services.glue.util.Job";
    static final String JSON_OPTIONS = "com.amazonaws.services.glue.util.JsonOptions";

    private final ClassLoader loader;

    private AwsGlue(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * AWS Glue's classes, if this job runs on AWS Glue: they are on the class path, and no Lab Cloud worker runs it
     * (a worker's run environment is the one that keeps bookmarks).
     */
    public static Optional<AwsGlue> detect() {
        if (RunEnvironments.current().map(RunEnvironment::persistsBookmarks).orElse(false)) {
            return Optional.empty();
        }
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(), AwsGlue.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                Class.forName(JOB, false, loader);
                return Optional.of(new AwsGlue(loader));
            } catch (ClassNotFoundException notOnAwsGlue) {
                // try the next loader
            }
        }
        return Optional.empty();
    }

    /** {@code new GlueContext(sc)}. */
    public Object newGlueContext(SparkContext sparkContext) {
        try {
            return type(GLUE_CONTEXT).getConstructor(SparkContext.class).newInstance(sparkContext);
        } catch (ReflectiveOperationException e) {
            throw failure("new GlueContext(SparkContext)", e);
        }
    }

    /** {@code Job.init(jobName, glueContext, args)}: loads the job bookmark Glue keeps for this job. */
    public void initJob(String jobName, Object glueContext, Map<String, String> args) {
        callOnObject(JOB, "init", new Class<?>[] {String.class, type(GLUE_CONTEXT), Map.class}, jobName, glueContext, args);
    }

    /** {@code Job.commit()}: Glue advances the job bookmark past what this run's sources read. */
    public void commitJob() {
        callOnObject(JOB, "commit", new Class<?>[0]);
    }

    /** {@code glueContext.getSourceWithFormat(…).getDynamicFrame().toDF()}. */
    public Dataset<Row> readWithFormat(Object glueContext, String connectionType, JsonOptions options,
                                       String transformationContext, String format, JsonOptions formatOptions) {
        Object source = call(glueContext, GLUE_CONTEXT, "getSourceWithFormat",
                new Class<?>[] {String.class, type(JSON_OPTIONS), String.class, String.class, type(JSON_OPTIONS)},
                connectionType, jsonOptions(options), orEmpty(transformationContext), format, jsonOptions(formatOptions));
        return toDF(source);
    }

    /** {@code glueContext.getCatalogSource(…).getDynamicFrame().toDF()}. */
    public Dataset<Row> readCatalogTable(Object glueContext, String database, String tableName, String redshiftTmpDir,
                                         String transformationContext, String pushDownPredicate, JsonOptions additionalOptions,
                                         String catalogId) {
        Object source = call(glueContext, GLUE_CONTEXT, "getCatalogSource",
                new Class<?>[] {String.class, String.class, String.class, String.class, String.class, type(JSON_OPTIONS), String.class},
                database, tableName, orEmpty(redshiftTmpDir), orEmpty(transformationContext),
                pushDownPredicate == null || pushDownPredicate.isBlank() ? " " : pushDownPredicate,
                jsonOptions(additionalOptions), catalogId);
        return toDF(source);
    }

    @SuppressWarnings("unchecked")
    private Dataset<Row> toDF(Object dataSource) {
        Object frame = call(dataSource, DATA_SOURCE, "getDynamicFrame", new Class<?>[0]);
        Class<?> frameType = type(DYNAMIC_FRAME);
        for (Method method : frameType.getMethods()) {
            if (method.getName().equals("toDF") && method.getParameterCount() == 1) {
                Object noSpecs = call(frame, DYNAMIC_FRAME, "toDF$default$1", new Class<?>[0]);
                return Choices.markedFromAwsGlue((Dataset<Row>) invoke(method, frame, noSpecs));
            }
        }
        throw new IllegalStateException("AWS Glue's DynamicFrame has no toDF(specs): this Glue version is not one the lab knows");
    }

    private Object jsonOptions(JsonOptions options) {
        try {
            return type(JSON_OPTIONS).getConstructor(String.class).newInstance((options == null ? JsonOptions.empty() : options).toJson());
        } catch (ReflectiveOperationException e) {
            throw failure("new JsonOptions(String)", e);
        }
    }

    private Class<?> type(String name) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("AWS Glue's " + name + " is not on the class path, though " + JOB + " is", e);
        }
    }

    /** A method of a Scala {@code object}: its static forwarder, or the method of the object's single instance. */
    private void callOnObject(String objectName, String method, Class<?>[] parameters, Object... args) {
        try {
            Method forwarder = type(objectName).getMethod(method, parameters);
            if (Modifier.isStatic(forwarder.getModifiers())) {
                invoke(forwarder, null, args);
                return;
            }
        } catch (NoSuchMethodException noForwarder) {
            // fall through to the module instance
        }
        Class<?> module = type(objectName + "$");
        try {
            Object instance = module.getField("MODULE$").get(null);
            invoke(module.getMethod(method, parameters), instance, args);
        } catch (ReflectiveOperationException e) {
            throw failure(objectName + "." + method, e);
        }
    }

    /** Calls {@code method} as declared by the public type {@code declaringType} (the object's own class may be hidden). */
    private Object call(Object target, String declaringType, String method, Class<?>[] parameters, Object... args) {
        try {
            return invoke(type(declaringType).getMethod(method, parameters), target, args);
        } catch (NoSuchMethodException e) {
            throw failure(declaringType + "." + method, e);
        }
    }

    private static Object invoke(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(method.getName() + " of AWS Glue failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw failure(method.toString(), e);
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static IllegalStateException failure(String what, Exception e) {
        return new IllegalStateException("Cannot call AWS Glue's " + what + " (" + e + "): the Glue version on the class path"
                + " differs from the documented API the lab's runtime calls", e);
    }
}
