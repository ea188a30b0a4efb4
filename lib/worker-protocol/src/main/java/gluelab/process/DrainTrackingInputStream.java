package gluelab.process;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The stream under a thread that drains a child process's pipe, able to tell whether all that was written to the
 * pipe so far has been read and handed on. Whoever must know that the reader has seen what the process printed
 * before some other signal (a Lambda runtime posts its result over HTTP, while its last lines are still in the
 * pipe) asks for {@link #drainedMark()} twice, a moment apart: the same mark both times means the reader sat blocked
 * on an empty pipe all along.
 *
 * <p>Only a reader that reads from this stream when its own buffers are empty may rely on it, as
 * {@link java.io.BufferedReader} and {@link java.io.BufferedInputStream} do: so while it is blocked here, every
 * complete line or frame it had is already handed on. A reader blocked in {@code read} may still have bytes waiting
 * for it, when the machine is busy and its thread has not run yet; so the pipe is asked too, through a stream that
 * can answer while the read blocks.
 */
public final class DrainTrackingInputStream extends FilterInputStream {

    private final PipeAsker pipe;
    private volatile boolean waiting;
    private volatile boolean ended;
    private volatile long bytesRead;

    /**
     * @param in   what the reader reads
     * @param pipe how many bytes wait in the pipe under {@code in}, asked while the reader may be blocked on it
     */
    public DrainTrackingInputStream(InputStream in, PipeAsker pipe) {
        super(in);
        this.pipe = pipe;
    }

    /** How many bytes wait unread in a pipe. */
    @FunctionalInterface
    public interface PipeAsker {
        int waiting() throws IOException;
    }

    /**
     * How many bytes were read, while the reader waits for more on an empty pipe (or the stream has ended); -1 while
     * it is busy or bytes wait. A read that just took the pipe's last bytes can look waiting for an instant, which is
     * why a single mark is not enough.
     */
    public long drainedMark() {
        if (ended) {
            return bytesRead;
        }
        if (!waiting) {
            return -1;
        }
        try {
            return pipe.waiting() == 0 ? bytesRead : -1;
        } catch (IOException unknown) {
            return -1;
        }
    }

    @Override
    public int read() throws IOException {
        waiting = true;
        try {
            int b = in.read();
            counted(b < 0 ? -1 : 1);
            return b;
        } finally {
            waiting = false;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        waiting = true;
        try {
            int n = in.read(buffer, offset, length);
            counted(n);
            return n;
        } finally {
            waiting = false;
        }
    }

    private void counted(int n) {
        if (n < 0) {
            ended = true;
        } else {
            bytesRead += n; // only the one reading thread writes it
        }
    }
}
