package gluelab.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DrainTrackingInputStreamTest {

    @Test
    void aReaderBlockedOnAnEmptyPipeHasHandedOnEveryLineWrittenBeforeAndItsMarkHoldsStill() throws Exception {
        // A real pipe from a real process, as a Lambda runtime's stdout is.
        Process cat = new ProcessBuilder("cat").start();
        PipeProbe probe = PipeProbe.open(cat.pid(), 1).orElseThrow();
        DrainTrackingInputStream stdout = new DrainTrackingInputStream(cat.getInputStream(), probe::waiting);
        List<String> handedOn = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Thread.sleep(20); // handing a line on takes a while: the mark must not count it as drained
                    handedOn.add(line);
                }
            } catch (Exception ended) {
                // the test is over
            }
        });
        reader.setDaemon(true);
        reader.start();
        try (OutputStream stdin = cat.getOutputStream()) {
            stdin.write("one\ntwo\nthree\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();

            long mark = awaitDrained(stdout, 14);

            assertThat(handedOn).containsExactly("one", "two", "three");
            assertThat(mark).isEqualTo(14);

            stdin.write("four\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();

            assertThat(awaitDrained(stdout, 19)).isEqualTo(19);
            assertThat(handedOn).containsExactly("one", "two", "three", "four");
        } finally {
            cat.destroy();
        }
        cat.waitFor(5, TimeUnit.SECONDS);
        probe.close();
        reader.join(5000);
        assertThat(stdout.drainedMark()).as("an ended stream is drained for good").isEqualTo(19);
    }

    /**
     * The mark, once it is the same twice a few milliseconds apart, as Lab Cloud asks it, and has reached
     * {@code written}: on a busy machine {@code cat} may not have copied the bytes into its stdout yet, and an empty
     * pipe with nothing on its way is rightly drained.
     */
    private static long awaitDrained(DrainTrackingInputStream stream, long written) throws InterruptedException {
        long last = -2;
        for (int i = 0; i < 2000; i++) {
            long mark = stream.drainedMark();
            if (mark >= written && mark == last) {
                return mark;
            }
            last = mark;
            Thread.sleep(2);
        }
        throw new AssertionError("never drained");
    }

    @Test
    void bytesWaitingInThePipeForAReaderThatHasNotRunYetAreNotDrained() throws Exception {
        Process cat = new ProcessBuilder("cat").start();
        CountDownLatch readerMayRun = new CountDownLatch(1);
        // The reader is in read() but its thread has not run yet, as on a busy machine.
        InputStream slowToRun = new FilterInputStream(cat.getInputStream()) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    readerMayRun.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                return super.read(buffer, offset, length);
            }
        };
        try (PipeProbe probe = PipeProbe.open(cat.pid(), 1).orElseThrow()) {
            DrainTrackingInputStream stdout = new DrainTrackingInputStream(slowToRun, probe::waiting);
            Thread reader = new Thread(() -> {
                try {
                    stdout.read(new byte[64], 0, 64);
                } catch (IOException ended) {
                    // the test is over
                }
            });
            reader.setDaemon(true);
            reader.start();
            cat.getOutputStream().write("late\n".getBytes(StandardCharsets.UTF_8));
            cat.getOutputStream().flush();
            for (int i = 0; i < 200 && probe.waiting() == 0; i++) {
                Thread.sleep(5); // until cat has copied the line into the pipe
            }

            assertThat(stdout.drainedMark()).as("a line waits in the pipe").isEqualTo(-1);

            readerMayRun.countDown();
            reader.join(5000);
            assertThat(probe.waiting()).isZero();
        } finally {
            cat.destroy();
        }
    }
}
