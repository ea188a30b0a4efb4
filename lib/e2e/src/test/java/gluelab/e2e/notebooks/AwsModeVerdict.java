package gluelab.e2e.notebooks;

import gluelab.kernel.notebook.Cell;
import gluelab.kernel.notebook.Notebook;
import gluelab.kernel.run.CheckResult;
import gluelab.kernel.run.NotebookRun;
import gluelab.lab.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a notebook's run on {@code LAB_TARGET=aws}, against a Lab Cloud in AWS mode, proves. A notebook either runs in
 * AWS mode, and then every check passes there; or its top cell states that it needs a lab-only feature, the lab clock
 * or the lab mailbox ({@code > **Needs the lab clock:**} and why), and then every other cell still runs, at least one
 * check fails there (else the statement is not true), and each check that fails is one the statement names and says
 * it needs that feature.
 *
 * @param notebook  the notebook's file name
 * @param labOnly   what its top cell says it needs ("the lab clock: why"), if it states one
 * @param problems  why the run disproves what the notebook states; empty when it proves it
 */
record AwsModeVerdict(String notebook, Optional<String> labOnly, List<String> problems) {

    /** The lab-only features a notebook may say it needs, as its statement and a failed check's reason name them. */
    static final List<String> LAB_ONLY = List.of(Check.NEEDS_LAB_CLOCK.substring("needs ".length()),
            Check.NEEDS_LAB_MAILBOX.substring("needs ".length()));
    /** How the runner reports a check that a failed cell before it kept from running. */
    private static final String NOT_RUN = "not run: ";

    static AwsModeVerdict of(String notebook, Notebook source, NotebookRun run) {
        Optional<String> statement = statement(source);
        String feature = statement.map(AwsModeVerdict::feature).orElse(null);
        List<String> problems = new ArrayList<>();
        run.failedCell().ifPresent(failed -> problems.add("a cell that is not a check failed: " + failed.reportLine()));
        if (run.checks().isEmpty()) {
            problems.add("the notebook has no graded checks");
        }
        // A check the failed cell kept from running is that cell's problem, already said.
        List<CheckResult> failed = run.checks().stream()
                .filter(check -> !check.passed() && !check.message().startsWith(NOT_RUN)).toList();
        if (statement.isEmpty()) {
            failed.forEach(check -> problems.add("it does not say it needs the lab clock or mailbox, but " + check.reportLine()));
        } else if (run.failedCell().isEmpty() && failed.isEmpty()) {
            problems.add("its top cell says it needs " + feature + ", yet every check passed in AWS mode: drop the statement");
        } else {
            String fullStatement = statement.get();
            for (CheckResult check : failed) {
                if (!check.message().contains("needs " + feature)) {
                    problems.add("it failed for another reason than " + feature + ": " + check.reportLine());
                } else if (!fullStatement.contains("`" + check.check().gradeId() + "`")) {
                    problems.add("its top cell does not name this check among those that need " + feature + ": "
                            + check.reportLine());
                }
            }
        }
        return new AwsModeVerdict(notebook, statement.map(text -> feature + ": " + reason(text)), List.copyOf(problems));
    }

    /** The statement in the notebook's first cell, from its mark to the end of that quote. */
    static Optional<String> statement(Notebook notebook) {
        if (notebook.cells().isEmpty()) {
            return Optional.empty();
        }
        Cell top = notebook.cells().get(0);
        String source = top.source();
        int start = LAB_ONLY.stream().mapToInt(feature -> source.indexOf(mark(feature))).filter(i -> i >= 0).min().orElse(-1);
        if (top.isCode() || start < 0) {
            return Optional.empty();
        }
        StringBuilder quote = new StringBuilder();
        for (String line : source.substring(start).split("\n")) {
            if (!line.startsWith(">")) {
                break;
            }
            quote.append(line.replaceFirst("^> ?", "")).append(' ');
        }
        return Optional.of(quote.toString().trim());
    }

    /** How a statement starts (a Markdown quote): {@code > **Needs the lab clock:** why.} */
    static String mark(String feature) {
        return "> **Needs " + feature + ":**";
    }

    /** The feature a statement (without its quote marks) says the notebook needs. */
    private static String feature(String statement) {
        return LAB_ONLY.stream().filter(feature -> statement.startsWith(mark(feature).substring(2))).findFirst().orElseThrow();
    }

    /** The statement's first sentence without its mark: why the notebook needs the feature. */
    private static String reason(String statement) {
        String text = statement.substring(mark(feature(statement)).length() - 2).trim();
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end);
    }

    boolean proven() {
        return problems.isEmpty();
    }

    /** The report's line: {@code 14-glue-native-schedule.ipynb  needs the lab clock: …}. */
    String line() {
        String verdict = labOnly.map(what -> "needs " + what).orElse("runs in AWS mode");
        return proven() ? notebook + "  " + verdict : notebook + "  FAILED (" + verdict + "): " + String.join("; ", problems);
    }
}
