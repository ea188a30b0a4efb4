package gluelab.cloud.services.lambda.execution;

import gluelab.process.DrainTrackingInputStream;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The telemetry log channel of one execution environment: where the Java runtime sends what a handler logs through
 * {@code context.getLogger()} and the report of an unhandled exception, each as one framed message that becomes one
 * log event, however many lines it has.
 *
 * <p>On AWS the runtime finds the channel as file descriptor {@code _LAMBDA_TELEMETRY_LOG_FD}. Without it, the
 * runtime writes those messages to stdout with no line end, so they ran into the next line or were never seen. Here
 * the channel is a named pipe that a shell opens as descriptor 3 before it becomes the runtime's JVM (same process),
 * and Lab Cloud reads its frames: a 4-byte type, a 4-byte length and an 8-byte timestamp (big-endian), then the
 * message. Where no named pipe can be made, the runtime falls back to stdout, as before.
 */
final class TelemetryLog implements AutoCloseable {

    static final String FD_VARIABLE = "_LAMBDA_TELEMETRY_LOG_FD";
    private static final int FD = 3;
    private static final int MAX_FRAME = 16 * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(TelemetryLog.class.getName());

    private final Path fifo;
    private volatile DrainTrackingInputStream reading;

    private TelemetryLog(Path fifo) {
        this.fifo = fifo;
    }

    /** A new channel at {@code fifo}, each message handed to {@code messages}; empty when no pipe can be made. */
    static Optional<TelemetryLog> open(Path fifo, String name, Consumer<String> messages) {
        try {
            Files.deleteIfExists(fifo);
            Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", fifo.toString()).redirectErrorStream(true).start();
            if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        TelemetryLog log = new TelemetryLog(fifo);
        Thread reader = new Thread(() -> log.read(messages), name + "-telemetry");
        reader.setDaemon(true);
        reader.start();
        return Optional.of(log);
    }

    /** The runtime's command, started by a shell that first opens the pipe as descriptor 3, then becomes it. */
    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", "exec " + FD + "<>\"$0\" && exec \"$@\"",
                fifo.toString()));
        wrapped.addAll(command);
        return wrapped;
    }

    String descriptor() {
        return Integer.toString(FD);
    }

    private void read(Consumer<String> messages) {
        // Blocks until the runtime's shell opens the pipe; ends when the runtime has ended (or close() unblocks it).
        try (FileInputStream channel = new FileInputStream(fifo.toFile());
             DataInputStream in = new DataInputStream(new BufferedInputStream(
                     reading = new DrainTrackingInputStream(channel, channel::available)))) {
            while (true) {
                in.readInt(); // the frame type: level and format, which a text log does not show
                int length = in.readInt();
                in.readLong(); // the runtime's timestamp, in microseconds
                if (length < 0 || length > MAX_FRAME) {
                    LOG.warning("A telemetry frame of " + length + " bytes from " + fifo + ": the channel is closed");
                    return;
                }
                byte[] message = in.readNBytes(length);
                String text = new String(message, StandardCharsets.UTF_8);
                messages.accept(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
            }
        } catch (EOFException ended) {
            // the runtime ended
        } catch (IOException e) {
            LOG.log(Level.FINE, "The telemetry channel " + fifo + " closed", e);
        }
    }

    /** Where reading the channel stands: see {@link DrainTrackingInputStream#drainedMark()}; -1 before it is open. */
    long drainedMark() {
        DrainTrackingInputStream channel = reading;
        return channel == null ? -1 : channel.drainedMark();
    }

    /** Releases a reader still waiting for a runtime that never opened the pipe, and removes the pipe. */
    @Override
    public void close() {
        try (RandomAccessFile unblock = new RandomAccessFile(fifo.toFile(), "rw")) {
            // Opening the pipe for writing lets a reader blocked in open() go on, and see the end at once.
        } catch (IOException e) {
            LOG.log(Level.FINE, "Cannot open " + fifo, e);
        }
        try {
            Files.deleteIfExists(fifo);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Cannot delete " + fifo, e);
        }
    }
}
