package gluelab.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.kernel.channels.ResponsiveJupyterConnection;
import gluelab.kernel.eval.JavaSession;
import gluelab.kernel.install.KernelspecInstaller;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The notebook kernel: start to first result and per-cell overhead through the real Jupyter protocol
 * (Debian's jupyter_client drives it), and the per-cell cost inside the headless runner.
 */
final class KernelBench implements Benchmark {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Override
    public String name() {
        return "kernel";
    }

    @Override
    public String description() {
        return "kernel start to first result (goal: 1 s), with and without its class-data archive, and per-cell overhead (goal: 30 ms) through Jupyter, the library's polling shell channel beside ours, and in the runner";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        throughJupyter(home, report);
        inTheRunner(home, report);
    }

    private void throughJupyter(Path home, BenchReport report) throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            report.add(Measurement.of("kernel start to first result (Jupyter)", "s", List.of())
                    .withNote("skipped: no /usr/bin/python3 with jupyter_client"));
            return;
        }
        Path jupyterPath = Files.createTempDirectory("bench-jupyter-");
        Path unshared = Files.createTempDirectory("bench-jupyter-unshared-");
        try {
            KernelspecInstaller.install(home, jupyterPath.resolve("kernels").resolve(KernelspecInstaller.KERNEL_NAME));
            // Before and after in one run: the base library's shell channel polls every 50 ms, ours blocks in poll;
            // a kernel without its class-data archive, and with it.
            KernelspecInstaller.install(home, unshared.resolve("kernels").resolve(KernelspecInstaller.KERNEL_NAME), false);
            JsonNode polling = measure(home, jupyterPath, "polling", 3, 60);
            JsonNode withoutArchive = measure(home, unshared, "blocking", 5, 0);
            JsonNode blocking = measure(home, jupyterPath, "blocking", 7, 100);
            report.add(Measurement.of("kernel start to first result (Jupyter)", "s",
                    numbers(blocking.get("start_seconds"), 1)));
            report.add(Measurement.of("kernel start to first result (Jupyter), without class-data archive", "s",
                    numbers(withoutArchive.get("start_seconds"), 1)));
            report.add(Measurement.of("trivial cell round trip (Jupyter), blocking shell channel", "ms",
                    numbers(blocking.get("cell_seconds"), 1000)));
            report.add(Measurement.of("trivial cell round trip (Jupyter), the library's 50 ms polling", "ms",
                    numbers(polling.get("cell_seconds"), 1000)));
        } finally {
            BenchClouds.deleteTree(jupyterPath);
            BenchClouds.deleteTree(unshared);
        }
    }

    private static JsonNode measure(Path home, Path jupyterPath, String shell, int starts, int cells)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(),
                home.resolve("lib/kernel/src/test/python/measure_kernel.py").toString(), Integer.toString(starts),
                Integer.toString(cells), "--json");
        builder.environment().put("JUPYTER_PATH", jupyterPath.toString());
        builder.environment().put(ResponsiveJupyterConnection.SHELL_VARIABLE, shell);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor(10, TimeUnit.MINUTES);
        return new ObjectMapper().readTree(output.substring(output.lastIndexOf('\n') + 1));
    }

    private void inTheRunner(Path home, BenchReport report) {
        try (JavaSession session = JavaSession.start(home).warmUp()) {
            for (int i = 0; i < 20; i++) {
                session.execute(i, "int x" + i + " = " + i + ";", gluelab.kernel.eval.CellListener.IGNORE);
            }
            List<Double> statements = new ArrayList<>();
            List<Double> expressions = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                long started = System.nanoTime();
                Optional<?> error = session.execute(100 + i, "int y" + i + " = " + i + ";", gluelab.kernel.eval.CellListener.IGNORE);
                statements.add((System.nanoTime() - started) / 1e6);
                started = System.nanoTime();
                session.execute(300 + i, "y" + i + " + 1", gluelab.kernel.eval.CellListener.IGNORE);
                expressions.add((System.nanoTime() - started) / 1e6);
                if (error.isPresent()) {
                    throw new IllegalStateException("a trivial cell failed: " + error.get());
                }
            }
            report.add(Measurement.of("trivial statement cell, headless runner", "ms", statements));
            report.add(Measurement.of("trivial expression cell, headless runner", "ms", expressions));
        }
    }

    private static List<Double> numbers(JsonNode array, double scale) {
        List<Double> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asDouble() * scale));
        return values;
    }
}
