package gluelab.glue.worker;

import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Log4j 2 set-up of the worker (Spark's logging backend, which slf4j also binds to): one appender
 * that sends a log line to the {@code error} stream of the run whose thread logged it (the job's
 * own loggers, Spark's logs on the run's threads), and everything else to the worker's stderr.
 * Job loggers log at INFO; Spark, Hadoop, Parquet and the SDK only at WARN
 * ({@code -Dgluelab.worker.debugLoggers=org.apache.hadoop.fs.s3a,software.amazon} turns some up).
 */
final class RunLogging {

    private RunLogging() {
    }

    /** The level below which a logger's lines are dropped, by logger name; a name covers the loggers under it. */
    private static final Map<String, Level> THRESHOLDS = thresholds();
    static final String LINE_PATTERN = "%d{yy/MM/dd HH:mm:ss.SSS} %p %c{1}: %m%n";

    static void install(PrintStream workerStderr) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        RunAppender appender = new RunAppender(lineLayout(config), workerStderr);
        appender.start();
        config.addAppender(appender);
        LoggerConfig root = config.getRootLogger();
        for (String name : new ArrayList<>(root.getAppenders().keySet())) {
            root.removeAppender(name);
        }
        root.addAppender(appender, null, null);
        root.setLevel(Level.INFO);
        THRESHOLDS.forEach((name, level) -> config.addLogger(name, new LoggerConfig(name, level, true)));
        context.updateLoggers();
    }

    /** How a run's log line looks in its error stream. */
    static Layout<String> lineLayout(Configuration config) {
        return PatternLayout.newBuilder().withConfiguration(config).withPattern(LINE_PATTERN).build();
    }

    /**
     * Whether a line at {@code level} from {@code logger} belongs in a run's error stream: what {@link #install}
     * configures in the worker, for the executors of a cluster, whose logging is the cluster's.
     */
    static boolean isLogged(String logger, Level level) {
        Level threshold = Level.INFO;
        int longest = -1;
        for (Map.Entry<String, Level> entry : THRESHOLDS.entrySet()) {
            String name = entry.getKey();
            boolean covers = logger.equals(name) || logger.startsWith(name + ".");
            if (covers && name.length() > longest) {
                threshold = entry.getValue();
                longest = name.length();
            }
        }
        return level.isMoreSpecificThan(threshold);
    }

    /**
     * Job loggers log at INFO; Spark, Hadoop, Parquet and the SDK only at WARN, a few chatty ones only at ERROR, and
     * the loggers named in {@code -Dgluelab.worker.debugLoggers} at DEBUG.
     */
    private static Map<String, Level> thresholds() {
        Map<String, Level> thresholds = new LinkedHashMap<>();
        for (String name : List.of("org.apache.spark", "org.sparkproject", "org.apache.hadoop", "org.apache.parquet",
                "org.apache.orc", "software.amazon", "io.netty", "org.eclipse.jetty", "org.apache.http",
                "org.apache.hc", "org.apache.commons", "org.apache.zookeeper", "org.apache.curator")) {
            thresholds.put(name, Level.WARN);
        }
        for (String name : List.of("org.apache.hadoop.metrics2", "org.apache.hadoop.util.NativeCodeLoader",
                "org.apache.spark.util.Utils", "org.apache.hadoop.fs.s3a.impl.ConfigurationHelper",
                "org.apache.spark.scheduler.FairSchedulableBuilder")) {
            thresholds.put(name, Level.ERROR);
        }
        for (String name : System.getProperty("gluelab.worker.debugLoggers", "").split(",")) {
            if (!name.isBlank()) {
                thresholds.put(name.trim(), Level.DEBUG);
            }
        }
        return Collections.unmodifiableMap(thresholds);
    }

    private static final class RunAppender extends AbstractAppender {
        private final PrintStream workerStderr;

        RunAppender(Layout<? extends Serializable> layout, PrintStream workerStderr) {
            super("gluelab-run", null, layout, true, Property.EMPTY_ARRAY);
            this.workerStderr = workerStderr;
        }

        @Override
        public void append(LogEvent event) {
            String text = (String) getLayout().toSerializable(event);
            JobRun run = RunRegistry.current();
            if (run != null) {
                run.output().writeError(text);
            } else {
                workerStderr.print(text);
                workerStderr.flush();
            }
        }
    }
}
