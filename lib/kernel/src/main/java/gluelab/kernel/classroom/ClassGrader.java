package gluelab.kernel.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.kernel.grade.NotebookFinder;
import gluelab.kernel.notebook.Notebook;
import gluelab.lab.LabHome;
import gluelab.lab.LabNames;
import gluelab.lab.LabSettings;
import gluelab.lab.packaging.JobPackager;
import gluelab.lab.targets.LabCloudAdmin;
import gluelab.lab.targets.LabCloudLauncher;
import gluelab.lab.targets.Target;
import gluelab.lab.targets.TargetConfig;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Grades every learner of a class against the instructor's edition, {@link GradingOptions#parallelism()} learners
 * at a time, all against one Lab Cloud (started if none runs). For each learner it:
 * <ol>
 * <li>copies their notebooks and {@code labs/} into a workspace of their own ({@code <out>/work/<prefix>/}), so
 * the submission itself is never written to, puts back any check cell they edited ({@link CheckCellIntegrity}),
 * and compiles their job jars into the workspace's jar cache;</li>
 * <li>runs the notebooks in a kernel JVM of their own ({@link LearnerProcess}) with {@code LAB_PREFIX} set to their
 * {@link LearnerPrefixes prefix} and the instructor's {@code data/} (the data is not the learner's work);</li>
 * <li>removes whatever their labs left on Lab Cloud, which also stops a Glue job that would never end;</li>
 * <li>scores each notebook against the instructor's checks and writes their {@link FeedbackPage}.</li>
 * </ol>
 * Then it writes the {@link Gradebook}.
 */
public final class ClassGrader {

    /** Starting the JVM, the evaluator and the lab around the notebooks' own time. */
    private static final Duration KERNEL_ALLOWANCE = Duration.ofMinutes(2);

    private final Path instructorHome;
    private final GradingOptions options;
    private final PrintStream out;

    public ClassGrader(Path instructorHome, GradingOptions options, PrintStream out) {
        this.instructorHome = instructorHome.toAbsolutePath().normalize();
        this.options = options;
        this.out = out;
    }

    public ClassReport grade(Path submissionsFolder) throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<Submission> submissions = Submissions.in(submissionsFolder.toAbsolutePath().normalize());
        if (submissions.isEmpty()) {
            throw new IllegalArgumentException("there are no learners in " + submissionsFolder
                    + ": expected <learner>/notebooks/ folders, or nbgrader's submitted/<student>/<assignment>/");
        }
        List<ClassNotebook> notebooks = classNotebooks(submissions);
        Map<String, String> prefixes = LearnerPrefixes.assign(submissions.stream().map(Submission::learnerId).toList());
        Map<String, String> settings = labSettings();
        Optional<LabCloudAdmin> labCloud = labCloud(settings);
        out.println("grading " + submissions.size() + " learner" + (submissions.size() == 1 ? "" : "s") + " in "
                + notebooks.stream().map(ClassNotebook::name).toList() + ", " + options.parallelism() + " at a time");

        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism());
        List<LearnerGrade> learners = new ArrayList<>();
        try {
            List<Future<LearnerGrade>> pending = new ArrayList<>();
            for (Submission submission : submissions) {
                pending.add(pool.submit(() -> gradeLearner(submission, prefixes.get(submission.learnerId()), notebooks,
                        settings, labCloud)));
            }
            for (Future<LearnerGrade> future : pending) {
                learners.add(future.get());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("grading a learner failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Path gradebook = options.out().resolve("gradebook.csv");
        Gradebook.write(gradebook, notebooks, learners);
        return new ClassReport(notebooks, learners, gradebook, options.out().resolve("feedback"), options.parallelism(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The chosen notebooks of the instructor's edition, or, with none chosen, those that some learner handed in. */
    private List<ClassNotebook> classNotebooks(List<Submission> submissions) throws IOException {
        Map<String, Path> instructor = new LinkedHashMap<>();
        Path folder = instructorHome.resolve("notebooks");
        NotebookFinder.below(folder).forEach(path -> instructor.putIfAbsent(path.getFileName().toString(), path));
        TreeSet<String> chosen = new TreeSet<>();
        if (!options.notebooks().isEmpty()) {
            instructor.keySet().stream().filter(options::chooses).forEach(chosen::add);
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("the instructor's notebooks/ has none of " + options.notebooks());
            }
        } else {
            submissions.forEach(submission -> submission.notebooks().keySet().stream().filter(instructor::containsKey)
                    .forEach(chosen::add));
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("no learner handed in a notebook of " + folder);
            }
        }
        List<ClassNotebook> notebooks = new ArrayList<>();
        for (String name : chosen) {
            notebooks.add(ClassNotebook.read(instructor.get(name)));
        }
        return notebooks;
    }

    /**
     * The settings every learner's JVM starts from: this JVM's ({@link LabSettings}, so a Lab Cloud a test or a
     * benchmark named by system property is the one the learners use), with the instructor's data.
     */
    private Map<String, String> labSettings() {
        Map<String, String> settings = new HashMap<>(LabSettings.current());
        settings.putIfAbsent(LabSettings.DATA_DIR_VARIABLE, instructorHome.resolve("data").toString());
        return settings;
    }

    /** On the embedded target, the one Lab Cloud every learner shares: started now if none runs, not by each learner. */
    private Optional<LabCloudAdmin> labCloud(Map<String, String> settings) {
        TargetConfig target = TargetConfig.fromEnvironment(settings);
        if (target.target() != Target.EMBEDDED) {
            return Optional.empty();
        }
        LabCloudAdmin admin = new LabCloudAdmin(target.endpoint());
        LabCloudAdmin.Probe probe = admin.probe();
        if (probe == LabCloudAdmin.Probe.NOTHING && target.startLabCloud()) {
            LabCloudLauncher.forHome(LabHome.installation()).ensureRunning(target.endpoint(), out);
            probe = LabCloudAdmin.Probe.LAB_CLOUD;
        }
        if (probe == LabCloudAdmin.Probe.LAB_CLOUD) {
            settings.put(TargetConfig.ENDPOINT_VARIABLE, target.endpoint().toString());
            return Optional.of(admin);
        }
        return Optional.empty();
    }

    private LearnerGrade gradeLearner(Submission submission, String prefix, List<ClassNotebook> notebooks,
                                      Map<String, String> settings, Optional<LabCloudAdmin> labCloud) throws Exception {
        long started = System.nanoTime();
        Path workspace = options.out().resolve("work").resolve(prefix);
        FileTrees.delete(workspace);
        Path results = Files.createDirectories(workspace.resolve("results"));
        Files.createDirectories(workspace.resolve("notebooks"));
        Path labs = Files.createDirectories(workspace.resolve("labs"));
        for (Path learnerLabs : submission.labsFolders()) {
            FileTrees.copy(learnerLabs, labs);
        }

        Map<String, GradedNotebook> settled = new HashMap<>();
        Map<String, Map<String, Tampering>> tampering = new HashMap<>();
        List<String> toRun = new ArrayList<>();
        for (ClassNotebook notebook : notebooks) {
            Path handedIn = submission.notebooks().get(notebook.fileName());
            if (handedIn == null) {
                settled.put(notebook.fileName(), GradedNotebook.notSubmitted(notebook));
                continue;
            }
            Notebook copy;
            try {
                copy = Notebook.read(handedIn);
            } catch (IOException e) {
                settled.put(notebook.fileName(), GradedNotebook.ungraded(notebook, "cannot read the notebook: " + e.getMessage(),
                        "cannot read the notebook"));
                continue;
            }
            Map<String, Tampering> tampered = CheckCellIntegrity.compare(notebook.instructor(), copy);
            CheckCellIntegrity.restoreEdited(notebook.instructor(), copy, tampered);
            Path run = workspace.resolve("notebooks").resolve(notebook.fileName());
            copy.write(run);
            tampering.put(notebook.fileName(), tampered);
            toRun.add(run.toString());
        }

        LearnerProcess.Exit exit = null;
        if (!toRun.isEmpty()) {
            compileJobJars(workspace, notebooks);
            List<String> arguments = new ArrayList<>(List.of(results.toString(),
                    String.valueOf(options.cellTimeout().toSeconds()), String.valueOf(options.notebookTimeout().toSeconds())));
            arguments.addAll(toRun);
            Map<String, String> environment = new HashMap<>(settings);
            environment.put(TargetConfig.PREFIX_VARIABLE, prefix);
            environment.put(LabHome.HOME_VARIABLE, workspace.toString());
            Duration hardLimit = options.notebookTimeout().multipliedBy(toRun.size()).plus(KERNEL_ALLOWANCE);
            exit = LearnerProcess.run(LabHome.installation(), arguments, environment, workspace, workspace.resolve("kernel.log"),
                    hardLimit);
        }
        labCloud.ifPresent(admin -> removeResources(admin, prefix, notebooks));

        List<GradedNotebook> graded = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (ClassNotebook notebook : notebooks) {
            GradedNotebook done = settled.get(notebook.fileName());
            if (done == null) {
                Path result = results.resolve(LearnerGrading.resultName(notebook.fileName()));
                Path executed = results.resolve(notebook.fileName());
                if (Files.isRegularFile(result)) {
                    JsonNode report = json.readTree(result.toFile()).path("notebooks").get(0);
                    done = GradedNotebook.of(notebook, report, tampering.get(notebook.fileName()),
                            Files.isRegularFile(executed) ? Optional.of(executed) : Optional.empty());
                } else {
                    done = GradedNotebook.ungraded(notebook, unfinished(exit, workspace), exit.stopped() ? "timed out" : "not graded");
                }
            }
            graded.add(done);
        }
        LearnerGrade learner = new LearnerGrade(submission.learnerId(), prefix, graded, Duration.ofNanos(System.nanoTime() - started));
        FeedbackPage.write(options.out().resolve("feedback").resolve(feedbackName(learner)), learner);
        report(learner);
        return learner;
    }

    /**
     * Compiles the job jars of the learner's {@code labs/} folders here, in this JVM, where {@code javac} is warm, into
     * the workspace's jar cache: their {@code lab.jobJar()} then finds the jar of exactly their sources already built,
     * instead of a cold {@code javac} in every learner's JVM. Sources that do not compile are left for the learner's
     * notebook to compile, so the compiler's message appears where the notebook asks for the jar.
     */
    private static void compileJobJars(Path workspace, List<ClassNotebook> notebooks) throws IOException {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        List<String> folders;
        try (Stream<Path> labs = Files.list(workspace.resolve("labs"))) {
            folders = labs.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).sorted().toList();
        }
        for (ClassNotebook notebook : notebooks) {
            for (String folder : folders) {
                if (notebook.labNumber().filter(number -> folder.startsWith(number + "-")).isPresent()) {
                    try {
                        JobPackager.forHome(workspace, quiet).build(folder);
                    } catch (RuntimeException notCompiled) {
                        // The learner's own run compiles it again and shows why it does not compile.
                    }
                }
            }
        }
    }

    private String unfinished(LearnerProcess.Exit exit, Path workspace) {
        return exit.stopped()
                ? "timed out: the learner's kernel was stopped after " + exit.took().toSeconds() + " s, before this notebook ended"
                : "not graded: the learner's kernel ended (status " + exit.status() + ") before this notebook did; see "
                        + options.out().relativize(workspace.resolve("kernel.log"));
    }

    /** Every resource of this learner's labs, by the names {@code LAB_PREFIX} gave them, and nothing of anyone else's. */
    private static void removeResources(LabCloudAdmin admin, String prefix, List<ClassNotebook> notebooks) {
        for (ClassNotebook notebook : notebooks) {
            notebook.labNumber().ifPresent(number -> LabNames.of(number, prefix + "-").resetPrefixes().forEach(admin::reset));
        }
    }

    private synchronized void report(LearnerGrade learner) {
        out.println("graded " + learner.learnerId() + " (" + learner.prefix() + "): "
                + gluelab.kernel.notebook.CheckSpec.pointsText(learner.points()) + "/"
                + gluelab.kernel.notebook.CheckSpec.pointsText(learner.maxPoints()) + " points in " + learner.took().toSeconds() + " s"
                + (learner.flags().isEmpty() ? "" : "; " + String.join("; ", learner.flags())));
    }

    static String feedbackName(LearnerGrade learner) {
        return (learner.learnerId().matches("[A-Za-z0-9._@-]+") && !learner.learnerId().startsWith(".")
                ? learner.learnerId() : learner.prefix()) + ".html";
    }
}
