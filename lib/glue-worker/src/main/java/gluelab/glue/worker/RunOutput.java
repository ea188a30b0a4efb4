package gluelab.glue.worker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import gluelab.glue.protocol.GlueEvent;

/**
 * A run's two captured streams, cut into lines; each complete line becomes a {@code log} event
 * ({@code output}: the job's System.out; {@code error}: its System.err and its log lines).
 */
final class RunOutput {

    private static final int MAX_LINE = 256 * 1024;

    private final String runId;
    private final Protocol protocol;
    private final LineBuffer output = new LineBuffer(GlueEvent.Log.OUTPUT);
    private final LineBuffer error = new LineBuffer(GlueEvent.Log.ERROR);

    RunOutput(String runId, Protocol protocol) {
        this.runId = runId;
        this.protocol = protocol;
    }

    void write(String stream, byte[] bytes, int off, int len) {
        (GlueEvent.Log.OUTPUT.equals(stream) ? output : error).write(bytes, off, len);
    }

    void writeError(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        error.write(bytes, 0, bytes.length);
    }

    /** Sends any unterminated last line. */
    void flush() {
        output.flushPartial();
        error.flushPartial();
    }

    private final class LineBuffer {
        private final String stream;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineBuffer(String stream) {
            this.stream = stream;
        }

        synchronized void write(byte[] bytes, int off, int len) {
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (bytes[i] == '\n') {
                    pending.write(bytes, start, i - start);
                    emit();
                    start = i + 1;
                }
            }
            pending.write(bytes, start, off + len - start);
            if (pending.size() > MAX_LINE) {
                emit();
            }
        }

        synchronized void flushPartial() {
            if (pending.size() > 0) {
                emit();
            }
        }

        private void emit() {
            String line = pending.toString(StandardCharsets.UTF_8);
            pending.reset();
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            protocol.send(new GlueEvent.Log(runId, stream, line));
        }
    }
}
