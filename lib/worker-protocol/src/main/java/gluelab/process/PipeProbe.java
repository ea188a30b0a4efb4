package gluelab.process;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks a child process's output pipe how many bytes wait in it, without reading them, while a reader thread may be
 * blocked reading it. The stream {@link Process#getInputStream()} gives cannot be asked then (its
 * {@code available()} waits for the blocked read), so the probe opens the same pipe again, as Linux allows through
 * {@code /proc/<pid>/fd/<n>}. It opens it for reading and writing, which never blocks; it never writes, and it must
 * be closed when the process has ended, or the reader would never see the pipe's end.
 */
final class PipeProbe implements AutoCloseable {

    private final RandomAccessFile pipe;
    private final FileInputStream asker;

    private PipeProbe(RandomAccessFile pipe) throws IOException {
        this.pipe = pipe;
        this.asker = new FileInputStream(pipe.getFD());
    }

    /** A probe on descriptor {@code fd} of process {@code pid}; empty where there is no /proc to open it through. */
    static Optional<PipeProbe> open(long pid, int fd) {
        Path path = Path.of("/proc", Long.toString(pid), "fd", Integer.toString(fd));
        try {
            if (!Files.readSymbolicLink(path).toString().startsWith("pipe:")) {
                return Optional.empty();
            }
            return Optional.of(new PipeProbe(new RandomAccessFile(path.toFile(), "rw")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** How many bytes wait in the pipe. */
    int waiting() throws IOException {
        return asker.available();
    }

    @Override
    public void close() {
        try {
            pipe.close();
        } catch (IOException alreadyClosed) {
            // nothing to release
        }
    }
}
