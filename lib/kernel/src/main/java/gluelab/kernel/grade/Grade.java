package gluelab.kernel.grade;

import gluelab.kernel.Utf8Console;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code Grade <notebook | directory | learner edition> [grades.json]}: runs the notebooks, prints a table of
 * every check and {@code N passed, M failed}, and writes the grades as JSON (default
 * {@value #DEFAULT_REPORT} under the working directory). Exit status 0 only when every notebook passed all its checks.
 */
public final class Grade {

    public static final int ALL_PASSED = 0;
    public static final int SOME_FAILED = 1;
    public static final int CANNOT_GRADE = 2;
    /** Where the grades go unless told otherwise: a build output, never a file beside the sources. */
    public static final String DEFAULT_REPORT = "build/grades/grades.json";

    private Grade() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Grade <notebook | directory | learner edition> [grades.json]");
            System.exit(CANNOT_GRADE);
        }
        System.exit(run(Path.of(args[0]), Path.of(args.length == 2 ? args[1] : DEFAULT_REPORT), Utf8Console.stdout()));
    }

    public static int run(Path target, Path gradesJson) {
        return run(target, gradesJson, System.out);
    }

    public static int run(Path target, Path gradesJson, PrintStream out) {
        GradeReport report;
        try {
            report = new Grader().grade(target);
        } catch (IOException e) {
            out.println("✘ cannot grade " + target + ": " + e.getMessage());
            return CANNOT_GRADE;
        }
        if (report.notebooks().isEmpty()) {
            out.println("✘ no notebooks in " + target);
            return CANNOT_GRADE;
        }
        try {
            report.writeJson(gradesJson);
        } catch (IOException e) {
            out.println("✘ cannot write " + gradesJson + ": " + e.getMessage());
            return CANNOT_GRADE;
        }
        report.tableLines().forEach(out::println);
        return report.allPassed() ? ALL_PASSED : SOME_FAILED;
    }
}
