package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.kernel.classroom.ClassGrader;
import gluelab.kernel.classroom.ClassReport;
import gluelab.kernel.classroom.FileTrees;
import gluelab.kernel.classroom.GradingOptions;
import gluelab.kernel.classroom.LearnerGrade;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A class graded as {@code ./lab grade submissions/} grades it: {@value #DEFAULT_LEARNERS} learners who each hand
 * in notebook 05 solved (the instructor's notebook and {@code labs/}), graded with two and then with one learner at
 * a time, each in a kernel JVM of their own, against one Lab Cloud with a warm Glue worker. It reports the class's
 * wall-clock time, notebooks graded per minute, and the median time of one learner's kernel JVM. Two learners are
 * graded first, unmeasured, so Lab Cloud's JIT is warm for both runs. {@code -Dgluelab.bench.grade.learners=N}
 * grades a smaller class.
 */
final class GradeBench implements Benchmark {

    private static final int DEFAULT_LEARNERS = 30;
    private static final String NOTEBOOK = "05-job-bookmarks";
    private static final List<Integer> PARALLELISM = List.of(2, 1);

    @Override
    public String name() {
        return "grade";
    }

    @Override
    public String description() {
        return "a class of " + learners() + " learners of notebook 05, solved, graded 1 and 2 at a time: notebooks per minute";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        Path bench = home.resolve("build/bench/grade");
        FileTrees.delete(bench);
        Path warmUpClass = writeClass(home, bench.resolve("warm-up"), 2);
        Path wholeClass = writeClass(home, bench.resolve("class"), learners());
        try (LabCloud cloud = BenchClouds.start(null, LabCloudConfig.GlueWorkerMode.EAGER)) {
            System.setProperty("LAB_ENDPOINT", cloud.endpoint().toString());
            grade(home, warmUpClass, bench.resolve("graded-warm-up"), 1);
            for (int parallelism : PARALLELISM) {
                ClassReport graded = grade(home, wholeClass, bench.resolve("graded-" + parallelism), parallelism);
                String label = "class of " + graded.learners().size() + " × notebook 05, " + parallelism + " at a time";
                report.add(Measurement.of(label + ": whole class", "s", List.of(graded.took().toMillis() / 1000.0)));
                report.add(Measurement.of(label + ": notebooks per minute", "nb/min", List.of(graded.notebooksPerMinute())));
                report.add(Measurement.of(label + ": one learner's kernel JVM", "s",
                        graded.learners().stream().map(learner -> learner.took().toMillis() / 1000.0).toList()));
            }
        } finally {
            System.clearProperty("LAB_ENDPOINT");
        }
    }

    private static ClassReport grade(Path home, Path submissions, Path out, int parallelism) throws Exception {
        GradingOptions options = GradingOptions.defaults(out).withNotebooks(List.of(NOTEBOOK)).withParallelism(parallelism);
        ClassReport graded = new ClassGrader(home, options, System.out).grade(submissions);
        for (LearnerGrade learner : graded.learners()) {
            if (learner.points() != learner.maxPoints()) {
                throw new IllegalStateException(learner.learnerId() + " handed in the solution but scored " + learner.points()
                        + "/" + learner.maxPoints() + ": " + learner.flags() + "; see " + out.resolve("feedback"));
            }
        }
        return graded;
    }

    /** {@code count} learners, each with the instructor's notebook 05 and its {@code labs/} folder. */
    private static Path writeClass(Path home, Path submissions, int count) throws IOException {
        for (int learner = 1; learner <= count; learner++) {
            Path folder = submissions.resolve(String.format("learner%02d", learner));
            Files.createDirectories(folder.resolve("notebooks"));
            Files.copy(home.resolve("notebooks").resolve(NOTEBOOK + ".ipynb"), folder.resolve("notebooks").resolve(NOTEBOOK + ".ipynb"));
            FileTrees.copy(home.resolve("labs").resolve(NOTEBOOK), folder.resolve("labs").resolve(NOTEBOOK));
        }
        return submissions;
    }

    private static int learners() {
        return Integer.getInteger("gluelab.bench.grade.learners", DEFAULT_LEARNERS);
    }
}
