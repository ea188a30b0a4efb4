package gluelab.kernel.eval;

import gluelab.lab.display.Display;
import gluelab.lab.display.DisplaySink;
import gluelab.lab.display.MimeBundle;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Routes the process-wide {@code System.out}, {@code System.err} and {@link Display} sink to the cell that is
 * running. JShell runs in this process, so cell code writes to the very streams the kernel owns; while a cell
 * runs its writes become stream outputs of that cell, in the order they happen, and between cells they go to
 * the process's original streams (the Jupyter server's terminal, never a notebook).
 *
 * <p>Text is buffered per stream and handed to the listener when the stream is flushed ({@code println} does
 * that), when the other stream writes, when something is displayed and when the cell ends, so stdout, stderr
 * and displays keep their relative order.
 */
public final class OutputCapture {

    private static OutputCapture installed;

    private final PrintStream processOut;
    private final PrintStream processErr;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private StdStream bufferedStream;
    private CellListener listener;

    private OutputCapture(PrintStream processOut, PrintStream processErr) {
        this.processOut = processOut;
        this.processErr = processErr;
    }

    /** Installs the capture once per process and returns it. */
    public static synchronized OutputCapture install() {
        if (installed == null) {
            OutputCapture capture = new OutputCapture(System.out, System.err);
            System.setOut(capture.printStream(StdStream.STDOUT));
            System.setErr(capture.printStream(StdStream.STDERR));
            Display.setSink(capture.displaySink());
            installed = capture;
        }
        return installed;
    }

    /** The process's stdout as it was before the capture: for reports that must not land in a cell. */
    public PrintStream processOut() {
        return processOut;
    }

    public PrintStream processErr() {
        return processErr;
    }

    synchronized void begin(CellListener cellListener) {
        if (listener != null) {
            throw new IllegalStateException("a cell is already capturing output");
        }
        listener = Objects.requireNonNull(cellListener);
    }

    /** Hands over everything still buffered and detaches the cell. */
    synchronized void end() {
        emitBuffered(true);
        listener = null;
    }

    /** Hands over the text buffered so far; the kernel calls this periodically so progress shows while a cell runs. */
    public synchronized void flush() {
        emitBuffered(false);
    }

    private synchronized void write(StdStream stream, byte[] bytes, int offset, int length) {
        if (listener == null) {
            PrintStream target = stream == StdStream.STDOUT ? processOut : processErr;
            target.write(bytes, offset, length);
            return;
        }
        if (bufferedStream != null && bufferedStream != stream) {
            emitBuffered(true);
        }
        bufferedStream = stream;
        buffer.write(bytes, offset, length);
    }

    private DisplaySink displaySink() {
        return new DisplaySink() {
            @Override
            public void display(MimeBundle bundle, String displayId) {
                OutputCapture.this.display(bundle, displayId, false);
            }

            @Override
            public void update(String displayId, MimeBundle bundle) {
                OutputCapture.this.display(bundle, displayId, true);
            }
        };
    }

    private synchronized void display(MimeBundle bundle, String displayId, boolean update) {
        if (listener == null) {
            processOut.println(bundle.plainText());
            return;
        }
        emitBuffered(true);
        if (update) {
            listener.updateDisplay(displayId, bundle);
        } else {
            listener.display(bundle, displayId);
        }
    }

    private void emitBuffered(boolean everything) {
        if (bufferedStream == null || buffer.size() == 0) {
            return;
        }
        byte[] bytes = buffer.toByteArray();
        int length = everything ? bytes.length : Utf8.completePrefixLength(bytes);
        if (length == 0) {
            return;
        }
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        buffer.reset();
        buffer.write(bytes, length, bytes.length - length);
        StdStream stream = bufferedStream;
        if (buffer.size() == 0) {
            bufferedStream = null;
        }
        listener.stream(stream, text);
    }

    private PrintStream printStream(StdStream stream) {
        OutputStream routed = new OutputStream() {
            @Override
            public void write(int b) {
                OutputCapture.this.write(stream, new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                OutputCapture.this.write(stream, bytes, offset, length);
            }

            @Override
            public void flush() {
                OutputCapture.this.flush();
            }
        };
        return new PrintStream(routed, true, StandardCharsets.UTF_8);
    }

    /** Where a UTF-8 byte sequence can be cut without splitting a character. */
    static final class Utf8 {
        private Utf8() {
        }

        static int completePrefixLength(byte[] bytes) {
            int end = bytes.length;
            // Walk back over at most three continuation bytes to the lead byte of the last character.
            int lead = end - 1;
            while (lead >= 0 && lead >= end - 4 && (bytes[lead] & 0xC0) == 0x80) {
                lead--;
            }
            if (lead < 0) {
                return 0;
            }
            int needed = sequenceLength(bytes[lead]);
            return lead + needed <= end ? end : lead;
        }

        private static int sequenceLength(byte lead) {
            if ((lead & 0x80) == 0) {
                return 1;
            }
            if ((lead & 0xE0) == 0xC0) {
                return 2;
            }
            if ((lead & 0xF0) == 0xE0) {
                return 3;
            }
            if ((lead & 0xF8) == 0xF0) {
                return 4;
            }
            return 1;
        }
    }
}
