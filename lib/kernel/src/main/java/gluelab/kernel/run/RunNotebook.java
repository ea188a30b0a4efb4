package gluelab.kernel.run;

import gluelab.kernel.edition.LabEdition;
import gluelab.lab.LabHome;
import gluelab.kernel.Utf8Console;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code RunNotebook <notebook.ipynb>}: runs one notebook headless against the {@link LabEdition} it sits in
 * (its own {@code labs/} and {@code data/}), writes the executed copy to
 * {@code build/executed/<name>.ipynb} under the lab checkout, prints one line per check and
 * {@code N passed, M failed}. Exit status 0 only when every check passed and no other cell failed.
 */
public final class RunNotebook {

    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int CANNOT_RUN = 2;

    private RunNotebook() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: RunNotebook <notebook.ipynb>");
            System.exit(CANNOT_RUN);
        }
        System.exit(run(Path.of(args[0]), Utf8Console.stdout()));
    }

    /** Runs {@code notebook}, writing the executed copy under the lab checkout's {@code build/executed/}. */
    public static int run(Path notebook) {
        return run(notebook, System.out);
    }

    public static int run(Path notebook, PrintStream out) {
        Path executedDirectory;
        try {
            executedDirectory = LabHome.locate().resolve("build").resolve("executed");
        } catch (gluelab.lab.LabSetupException e) {
            out.println("✘ " + e.getMessage());
            return CANNOT_RUN;
        }
        return run(notebook, executedDirectory, out);
    }

    public static int run(Path notebook, Path executedDirectory, PrintStream out) {
        if (!Files.isRegularFile(notebook)) {
            out.println("✘ no notebook at " + notebook);
            return CANNOT_RUN;
        }
        Optional<LabEdition> edition = LabEdition.of(notebook);
        if (edition.isEmpty()) {
            out.println("✘ " + LabEdition.notInAnEdition(notebook));
            return CANNOT_RUN;
        }
        NotebookRun run;
        try {
            run = edition.get().asLabHome(() -> new NotebookRunner().run(notebook));
            run.executed().write(executedDirectory.resolve(notebook.getFileName().toString()));
        } catch (IOException e) {
            out.println("✘ cannot run " + notebook + ": " + e.getMessage());
            return CANNOT_RUN;
        }
        run.reportLines().forEach(out::println);
        return run.succeeded() ? PASSED : FAILED;
    }
}
