package gluelab.cli;

import gluelab.cloud.LabCloud;
import gluelab.kernel.classroom.ClassGrade;
import gluelab.kernel.classroom.GradingOptions;
import gluelab.kernel.classroom.Submissions;
import gluelab.kernel.grade.Grade;
import gluelab.kernel.install.KernelspecInstaller;
import gluelab.kernel.run.RunNotebook;
import gluelab.kernel.student.StudentEditionWriter;
import gluelab.lab.LabHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The Java side of {@code ./lab}: one method per command. The shell script has already checked for Java,
 * built the code and set {@code gluelab.home}.
 */
public final class LabCli {

    private LabCli() {
    }

    public static void main(String[] args) throws Exception {
        int status;
        try {
            status = run(args);
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException
                 | gluelab.lab.LabSetupException e) {
            // A wrong argument or a missing piece is the user's to fix: say what, not where in our code.
            System.err.println("lab: " + e.getMessage());
            status = 2;
        }
        if (!args[0].equals("cloud") || status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args) throws Exception {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "run" -> runNotebook(rest);
            case "grade" -> grade(rest);
            case "student" -> student(rest);
            case "kernel" -> kernel(rest);
            case "cloud" -> cloud(rest);
            case "up" -> new UpCommand(LabHome.locate()).run(rest);
            case "bench" -> gluelab.cli.bench.Bench.run(LabHome.locate(), rest);
            default -> usage("unknown command " + args[0]);
        };
    }

    private static int runNotebook(String[] args) {
        if (args.length != 1) {
            return usage("run wants one notebook: a number such as 01, or a path");
        }
        Path notebook = NotebookPaths.resolve(LabHome.locate(), args[0]);
        return RunNotebook.run(notebook);
    }

    private static int grade(String[] args) throws java.io.IOException {
        if (args.length >= 1 && (args.length > 2 || Arrays.stream(args).anyMatch(arg -> arg.startsWith("--"))
                || Submissions.isClass(Path.of(args[0])))) {
            return gradeClass(args);
        }
        if (args.length < 1 || args.length > 2) {
            return usage("grade wants a notebook, a directory or a learner edition, and optionally where to write grades.json;"
                    + " or a folder of submissions");
        }
        Path target = Path.of(args[0]).toAbsolutePath();
        // A generated report never lands in the checkout's root, where it would look like a source file.
        Path gradesJson = (args.length == 2 ? Path.of(args[1]) : LabHome.installation().resolve(Grade.DEFAULT_REPORT))
                .toAbsolutePath();
        int status = Grade.run(target, gradesJson);
        if (status != Grade.CANNOT_GRADE) {
            System.out.println("grades: " + gradesJson);
        }
        return status;
    }

    /** {@code ./lab grade submissions/ [--notebooks 01,05] [--out DIR] [--parallel N] [--cell-timeout S] [--notebook-timeout S]}. */
    private static int gradeClass(String[] args) throws java.io.IOException {
        Path submissions = Path.of(args[0]).toAbsolutePath().normalize();
        if (!Submissions.isClass(submissions)) {
            return usage(args[0] + " is not a folder of submissions (<learner>/notebooks/ with <learner>/labs/, or nbgrader's"
                    + " submitted/<student>/<assignment>/)");
        }
        Path out = LabHome.installation().resolve("build/grades").resolve(submissions.getFileName().toString());
        GradingOptions options = GradingOptions.defaults(out);
        Duration cellTimeout = options.cellTimeout();
        Duration notebookTimeout = options.notebookTimeout();
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                return usage(option + " wants a value");
            }
            String value = args[++i];
            switch (option) {
                case "--notebooks" -> options = options.withNotebooks(Arrays.stream(value.split(",")).filter(n -> !n.isBlank()).toList());
                case "--out" -> options = new GradingOptions(options.notebooks(), Path.of(value).toAbsolutePath(),
                        options.parallelism(), cellTimeout, notebookTimeout);
                case "--parallel" -> options = options.withParallelism(Integer.parseInt(value));
                case "--cell-timeout" -> cellTimeout = Duration.ofSeconds(Long.parseLong(value));
                case "--notebook-timeout" -> notebookTimeout = Duration.ofSeconds(Long.parseLong(value));
                default -> {
                    return usage("grade does not know " + option + " (it knows --notebooks, --out, --parallel, --cell-timeout,"
                            + " --notebook-timeout)");
                }
            }
        }
        return ClassGrade.run(submissions, LabHome.locate(), options.withTimeouts(cellTimeout, notebookTimeout), System.out);
    }

    private static int student(String[] args) throws Exception {
        if (args.length != 1) {
            return usage("student wants the directory to write the learner edition to");
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        StudentEditionWriter.Summary summary = StudentEditionWriter.write(LabHome.locate(), out);
        System.out.println(summary.describe(out));
        return 0;
    }

    private static int kernel(String[] args) throws Exception {
        if (args.length != 1 || !args[0].equals("install")) {
            return usage("the kernel command is: ./lab kernel install");
        }
        Path installed = KernelspecInstaller.install(LabHome.locate());
        System.out.println("Installed the \"" + KernelspecInstaller.DISPLAY_NAME + "\" kernel in " + installed);
        return 0;
    }

    private static int cloud(String[] args) throws Exception {
        LabCloud.main(args);
        return 0;
    }

    private static int usage(String problem) {
        System.err.println("lab: " + problem + " (./lab --help lists the commands)");
        return 2;
    }
}
