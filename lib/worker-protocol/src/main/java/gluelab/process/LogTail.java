package gluelab.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** The end of a process's log: its last words, e.g. the OutOfMemoryError that ended it. */
final class LogTail {

    private static final int TAIL_BYTES = 8192;
    private static final int MAX_LINE = 300;

    private LogTail() {
    }

    /** The last non-blank line, cut to 300 characters; empty when there is no log to quote. */
    static Optional<String> lastLine(Path file) {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long length = log.length();
            int size = (int) Math.min(length, TAIL_BYTES);
            byte[] tail = new byte[size];
            log.seek(length - size);
            log.readFully(tail);
            String[] lines = new String(tail, StandardCharsets.UTF_8).split("\\R");
            for (int i = lines.length - 1; i >= 0; i--) {
                if (!lines[i].isBlank()) {
                    String line = lines[i].strip();
                    return Optional.of(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line);
                }
            }
        } catch (IOException | RuntimeException noLog) {
            // Nothing to quote.
        }
        return Optional.empty();
    }
}
