package gluelab.glue.worker;

import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;

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

    static void install(PrintStream workerStderr) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        Layout<String> layout = PatternLayout.newBuilder().withConfiguration(config)
                .withPattern("%d{yy/MM/dd HH:mm:ss.SSS} %p %c{1}: %m%n").build();
        RunAppender appender = new RunAppender(layout, workerStderr);
        appender.start();
        config.addAppender(appender);
        LoggerConfig root = config.getRootLogger();
        for (String name : new ArrayList<>(root.getAppenders().keySet())) {
            root.removeAppender(name);
        }
        root.addAppender(appender, null, null);
        root.setLevel(Level.INFO);
        quiet(config, Level.WARN, "org.apache.spark", "org.sparkproject", "org.apache.hadoop", "org.apache.parquet",
                "org.apache.orc", "software.amazon", "io.netty", "org.eclipse.jetty", "org.apache.http",
                "org.apache.hc", "org.apache.commons", "org.apache.zookeeper", "org.apache.curator");
        quiet(config, Level.ERROR, "org.apache.hadoop.metrics2", "org.apache.hadoop.util.NativeCodeLoader",
                "org.apache.spark.util.Utils", "org.apache.hadoop.fs.s3a.impl.ConfigurationHelper",
                "org.apache.spark.scheduler.FairSchedulableBuilder");
        String debug = System.getProperty("gluelab.worker.debugLoggers", "");
        for (String name : debug.split(",")) {
            if (!name.isBlank()) {
                config.addLogger(name.trim(), new LoggerConfig(name.trim(), Level.DEBUG, true));
            }
        }
        context.updateLoggers();
    }

    private static void quiet(Configuration config, Level level, String... loggers) {
        for (String name : loggers) {
            config.addLogger(name, new LoggerConfig(name, level, true));
        }
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
