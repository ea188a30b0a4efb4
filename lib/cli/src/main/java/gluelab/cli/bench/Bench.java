package gluelab.cli.bench;

import java.nio.file.Path;

/** {@code ./lab bench}: the performance measurements, with medians; never part of the test suite. */
public final class Bench {

    private Bench() {
    }

    public static int run(Path home, String[] args) {
        System.err.println("lab bench: the benchmark suite is not assembled yet");
        return 2;
    }
}
