package gluelab.cli.bench;

import java.nio.file.Path;

/** One family of measurements in {@code ./lab bench}. */
interface Benchmark {

    /** The name used on the command line: {@code ./lab bench s3}. */
    String name();

    String description();

    void run(Path home, BenchReport report) throws Exception;
}
