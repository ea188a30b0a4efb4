package gluelab.cli.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./lab run 01} as a learner types it: the wrapper script, a JVM, the notebook, and the Lab Cloud on
 * port 4566 (started by the first run if none is there; that first run is reported on its own).
 */
final class LabRunBench implements Benchmark {

    @Override
    public String name() {
        return "run01";
    }

    @Override
    public String description() {
        return "./lab run 01 wall time, first and warm";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        List<Double> first = new ArrayList<>();
        first.add(runOnce(home));
        report.add(Measurement.of("./lab run 01, first run", "s", first)
                .withNote("includes starting Lab Cloud on 4566 if none was running"));
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            warm.add(runOnce(home));
        }
        report.add(Measurement.of("./lab run 01, Lab Cloud already running", "s", warm));
    }

    private static double runOnce(Path home) throws Exception {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(home.resolve("lab").toString(), "run", "01")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int status = process.waitFor();
        if (status != 0) {
            throw new IllegalStateException("./lab run 01 exited with " + status);
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
