package gluelab.cli.bench;

import gluelab.cloud.services.glue.worker.WorkerClasspath;
import gluelab.cloud.services.glue.worker.WorkerCommandLine;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's baseline: the same job class run by {@code bench.PlainSpark} in one plain JVM (the worker's
 * class path and Spark flags, the same heap), no worker protocol in between: on local files, or on Lab Cloud's S3
 * through S3A when given its settings.
 */
final class PlainSparkJvm {

    /**
     * @param processMillis the whole process: JVM start, Spark start, every run, Spark stop
     * @param sparkMillis   the Spark session's start
     * @param warmUpMillis  one run on the small input, before the timed ones (the worker warms up too)
     * @param runMillis     each run of the job, in order
     */
    record Result(long processMillis, long sparkMillis, long warmUpMillis, List<Long> runMillis) {
    }

    private PlainSparkJvm() {
    }

    /**
     * @param input, output, warmUpInput as the job takes them ({@code file:} or {@code s3a:} URIs)
     * @param systemProperties e.g. {@code spark.hadoop.fs.s3a.*} settings, which Spark reads from system properties
     */
    static Result run(Path jobJar, int repetitions, String input, String warmUpInput, String output,
                      Map<String, String> systemProperties, String heap) throws IOException, InterruptedException {
        return run(jobJar, BenchJobs.PLAIN_SPARK_CLASS, List.of(Integer.toString(repetitions), input, output, warmUpInput),
                repetitions, systemProperties, heap);
    }

    /**
     * Runs {@code mainClass} of {@code jobJar}, which prints {@code spark <ms>}, {@code warmup <ms>} and one
     * {@code run <ms>} per repetition.
     */
    static Result run(Path jobJar, String mainClass, List<String> args, int repetitions,
                      Map<String, String> systemProperties, String heap) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(WorkerCommandLine.sparkFlags());
        command.add("-Xmx" + heap);
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(WorkerClasspath.find() + File.pathSeparator + jobJar);
        command.add(mainClass);
        command.addAll(args);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        long processMillis = (System.nanoTime() - start) / 1_000_000;
        long spark = -1;
        long warmUp = -1;
        List<Long> runs = new ArrayList<>();
        for (String line : printed.split("\\R")) {
            if (line.startsWith("spark ")) {
                spark = Long.parseLong(line.substring(6).trim());
            } else if (line.startsWith("warmup ")) {
                warmUp = Long.parseLong(line.substring(7).trim());
            } else if (line.startsWith("run ")) {
                runs.add(Long.parseLong(line.substring(4).trim()));
            }
        }
        if (exit != 0 || runs.size() != repetitions) {
            throw new IllegalStateException("The plain Spark JVM exited " + exit + " after " + runs.size() + " of "
                    + repetitions + " runs; it printed:\n" + printed);
        }
        return new Result(processMillis, spark, warmUp, runs);
    }
}
