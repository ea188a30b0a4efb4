package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.services.glue.worker.GlueWorkerClient;
import gluelab.cloud.services.glue.worker.WorkerCommandLine;
import gluelab.lab.JobJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The learner who runs {@code ./lab up} and presses Run All at once: Lab Cloud starts its Glue worker eagerly, and
 * the first StartJobRun comes straight away (as soon as the job is created), so it waits for whatever is left of the
 * worker's start. Measured before and after in one run: the worker started without its class-data archive, and
 * with it (the first worker of a build dumps it once warmed up; if there is none yet, one start is spent making it). Each
 * round starts a new Lab Cloud; rounds alternate the two, so the machine's load falls on both alike
 * ({@code GLUELAB_BENCH_FIRST_RUN_ROUNDS}, default 3).
 */
final class FirstJobRunBench implements Benchmark {

    private static final Pattern READY = Pattern.compile("started in (\\d+) ms");

    @Override
    public String name() {
        return "firstrun";
    }

    @Override
    public String description() {
        return "first Glue job run at once after Lab Cloud starts, and the worker's time to ready, without and with its"
                + " class-data archive (goal: first run <= 3x a warm run)";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        String configured = System.getenv("GLUELAB_BENCH_FIRST_RUN_ROUNDS");
        int rounds = configured == null || configured.isBlank() ? 3 : Integer.parseInt(configured.trim());
        Path work = Files.createTempDirectory("first-run-bench-");
        try {
            JobJar jar = BenchJobs.packageInto(work, home, System.out);
            Path tinyCsv = Files.writeString(work.resolve("customers.csv"), GlueJobBench.TINY_CSV);
            Variant without = new Variant("without class-data archive", false);
            Variant with = new Variant("with class-data archive", true);
            if (!archiveExists()) {
                System.out.println("  no class-data archive for this build yet: one Lab Cloud start to make it");
                try {
                    round(with, jar, tinyCsv, "archive making");
                } catch (IllegalStateException e) {
                    System.out.println("  the archive-making start failed (" + e.getMessage() + ")");
                }
                if (!archiveExists()) {
                    System.out.println("  still no class-data archive (see the worker's log): 'with' starts dump one again");
                }
            }
            for (int i = 1; i <= rounds; i++) {
                round(without, jar, tinyCsv, "round " + i);
                round(with, jar, tinyCsv, "round " + i);
            }
            for (Variant variant : List.of(without, with)) {
                report.add(Measurement.of("Glue worker start to ready, " + variant.label, "s", variant.readySeconds));
                report.add(Measurement.of("first Glue job run at once after Lab Cloud starts, " + variant.label, "s",
                        variant.firstSeconds));
                report.add(Measurement.of("warm Glue job run after it, " + variant.label, "s", variant.warmSeconds));
                Measurement first = Measurement.of("", "s", variant.firstSeconds);
                Measurement warm = Measurement.of("", "s", variant.warmSeconds);
                report.add(Measurement.of("first run / warm run, " + variant.label, "x",
                        List.of(first.median() / warm.median())));
            }
        } finally {
            System.clearProperty(WorkerCommandLine.SHARING_PROPERTY);
            BenchClouds.deleteTree(work);
        }
    }

    private static boolean archiveExists() throws Exception {
        Path directory = gluelab.cloud.services.glue.worker.WorkerClasspath.archiveDirectory().orElse(null);
        if (directory == null || !Files.isDirectory(directory)) {
            return false;
        }
        try (var files = Files.list(directory)) {
            return files.anyMatch(file -> file.getFileName().toString().matches("glue-worker-[0-9a-f]+\\.jsa"));
        }
    }

    private static void round(Variant variant, JobJar jar, Path tinyCsv, String label) throws Exception {
        System.setProperty(WorkerCommandLine.SHARING_PROPERTY, variant.sharing ? "on" : "off");
        ReadyListener ready = new ReadyListener();
        Logger logger = Logger.getLogger(GlueWorkerClient.class.getName());
        logger.addHandler(ready);
        try (LabCloud cloud = LabCloud.start(LabCloudConfig.defaults().withPort(0)
                .withGlueWorker(LabCloudConfig.GlueWorkerMode.EAGER))) {
            GlueJobBench bench = new GlueJobBench(cloud.endpoint(), System.out);
            bench.setUpTiny(jar, tinyCsv);
            double first = bench.run("tiny", label + ", " + variant.label + ": first run").observedMillis() / 1000.0;
            List<Long> warm = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                warm.add(bench.run("tiny", label + ", " + variant.label + ": warm run " + (i + 1)).observedMillis());
            }
            bench.close();
            if (label.equals("archive making")) {
                // The worker dumps its archive once warmed up, while it runs: give it the time before the stop.
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
                while (!archiveExists() && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
            } else {
                variant.firstSeconds.add(first);
                variant.warmSeconds.add(GlueJobBench.median(warm) / 1000.0);
                if (ready.millis >= 0) {
                    variant.readySeconds.add(ready.millis / 1000.0);
                }
            }
            System.out.printf(Locale.ROOT, "  %s, %s: the worker was ready %.2f s after its JVM started%n", label,
                    variant.label, ready.millis / 1000.0);
        } finally {
            logger.removeHandler(ready);
        }
    }

    private static final class Variant {
        final String label;
        final boolean sharing;
        final List<Double> readySeconds = new ArrayList<>();
        final List<Double> firstSeconds = new ArrayList<>();
        final List<Double> warmSeconds = new ArrayList<>();

        Variant(String label, boolean sharing) {
            this.label = label;
            this.sharing = sharing;
        }
    }

    /** Hears Lab Cloud say its worker is ready, and how long after its JVM started (the worker's own count). */
    private static final class ReadyListener extends Handler {
        volatile long millis = -1;

        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            if (message != null && message.startsWith("The Glue worker is ready")) {
                Matcher matcher = READY.matcher(message);
                if (matcher.find()) {
                    millis = Long.parseLong(matcher.group(1));
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
