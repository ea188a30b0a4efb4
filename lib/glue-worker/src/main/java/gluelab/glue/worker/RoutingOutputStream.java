package gluelab.glue.worker;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * What {@code System.out} and {@code System.err} write to in the worker: the stream of the run
 * the writing thread works for, or the worker's own stderr for everything else.
 */
final class RoutingOutputStream extends OutputStream {

    private final String stream;
    private final PrintStream workerStderr;

    RoutingOutputStream(String stream, PrintStream workerStderr) {
        this.stream = stream;
        this.workerStderr = workerStderr;
    }

    static PrintStream printStream(String stream, PrintStream workerStderr) {
        return new PrintStream(new RoutingOutputStream(stream, workerStderr), true, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int off, int len) {
        JobRun run = RunRegistry.current();
        if (run != null) {
            run.output().write(stream, bytes, off, len);
        } else {
            workerStderr.write(bytes, off, len);
        }
    }

    @Override
    public void flush() {
        workerStderr.flush();
    }
}
