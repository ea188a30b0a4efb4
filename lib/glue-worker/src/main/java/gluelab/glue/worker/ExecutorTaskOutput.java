package gluelab.glue.worker;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.spark.api.plugin.PluginContext;

import gluelab.glue.protocol.GlueEvent;

/**
 * On an executor of a Spark cluster: what a run's tasks print ({@code System.out}, {@code System.err}) and log goes
 * to the run's own streams, as in the worker's local Spark, where the tasks share the driver's JVM. Each task thread
 * collects its output; the collected bytes travel to the driver through Spark's plugin channel
 * ({@link PluginContext#ask}), in order, when a task has collected {@link #SEND_AT} bytes or a second's worth,
 * and at its end, before Spark reports the task finished, so that a run's output is complete when its action
 * returns. The driver's side is {@link RunTaskPlugin}'s. Lines of threads that work for no task (Spark's own,
 * S3A's pool) stay in the executor's log.
 */
final class ExecutorTaskOutput {

    /** A run's output, from one task, for one of its streams. */
    record Chunk(String runId, String stream, byte[] bytes) implements Serializable {
    }

    private static final int SEND_AT = 64 * 1024;
    private static final long SEND_AFTER_NANOS = 1_000_000_000L;

    private final PluginContext driver;
    private final PrintStream executorStderr;
    private final ThreadLocal<TaskBuffer> tasks = new ThreadLocal<>();

    private ExecutorTaskOutput(PluginContext driver, PrintStream executorStderr) {
        this.driver = driver;
        this.executorStderr = executorStderr;
    }

    /** Routes this executor's {@code System.out}, {@code System.err} and log lines of task threads to their runs. */
    static ExecutorTaskOutput install(PluginContext driver) {
        PrintStream executorStdout = System.out;
        PrintStream executorStderr = System.err;
        ExecutorTaskOutput output = new ExecutorTaskOutput(driver, executorStderr);
        System.setOut(output.printStream(GlueEvent.Log.OUTPUT, executorStdout));
        System.setErr(output.printStream(GlueEvent.Log.ERROR, executorStderr));
        output.appendLogLinesOfTasks();
        return output;
    }

    /** The calling thread now executes a task of {@code runId} (null: of no run). */
    void taskStarted(String runId) {
        tasks.set(runId == null ? null : new TaskBuffer(runId));
    }

    /** The calling thread's task ended: what it collected goes to the driver now. */
    void taskEnded() {
        TaskBuffer task = tasks.get();
        tasks.remove();
        if (task != null) {
            task.send();
        }
    }

    private PrintStream printStream(String stream, PrintStream executorStream) {
        OutputStream routing = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int off, int len) {
                TaskBuffer task = tasks.get();
                if (task == null || task.sending) {
                    executorStream.write(bytes, off, len);
                } else {
                    task.collect(stream, bytes, off, len);
                }
            }

            @Override
            public void flush() {
                executorStream.flush();
            }
        };
        return new PrintStream(routing, true, StandardCharsets.UTF_8);
    }

    /**
     * Adds an appender to the executor's root logger for the log lines of task threads that the worker's own
     * logging would put in the run's error stream ({@link RunLogging#isLogged}); the cluster's appenders still get
     * every line.
     */
    private void appendLogLinesOfTasks() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        AbstractAppender appender = new AbstractAppender("gluelab-task-lines", null, RunLogging.lineLayout(config), true,
                Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                TaskBuffer task = tasks.get();
                if (task != null && !task.sending && RunLogging.isLogged(event.getLoggerName(), event.getLevel())) {
                    byte[] line = ((Layout<?>) getLayout()).toByteArray(event);
                    task.collect(GlueEvent.Log.ERROR, line, 0, line.length);
                }
            }
        };
        appender.start();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
    }

    /** One task's output not yet sent, in the order written; a change of stream starts a new chunk. */
    private final class TaskBuffer {
        private final String runId;
        private final java.util.List<Chunk> ready = new java.util.ArrayList<>();
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private String pendingStream;
        private long collectingSince;
        private int size;
        /** Set while sending, so that what sending itself prints or logs stays in the executor's log. */
        private boolean sending;

        TaskBuffer(String runId) {
            this.runId = runId;
        }

        void collect(String stream, byte[] bytes, int off, int len) {
            if (!stream.equals(pendingStream)) {
                closePending();
                pendingStream = stream;
            }
            if (size == 0) {
                collectingSince = System.nanoTime();
            }
            pending.write(bytes, off, len);
            size += len;
            if (size >= SEND_AT || System.nanoTime() - collectingSince >= SEND_AFTER_NANOS) {
                send();
            }
        }

        void send() {
            closePending();
            if (ready.isEmpty()) {
                return;
            }
            sending = true;
            try {
                for (Chunk chunk : ready) {
                    driver.ask(chunk);
                }
            } catch (Exception e) {
                executorStderr.println("[glue-lab executor] could not send run " + runId + "'s task output to the driver: " + e);
                for (Chunk chunk : ready) {
                    executorStderr.write(chunk.bytes(), 0, chunk.bytes().length);
                }
            } finally {
                ready.clear();
                size = 0;
                sending = false;
            }
        }

        private void closePending() {
            if (pending.size() > 0) {
                ready.add(new Chunk(runId, pendingStream, pending.toByteArray()));
                pending.reset();
            }
        }
    }
}
