package gluelab.e2e.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.kernel.eval.CellError;
import gluelab.kernel.notebook.CheckSpec;
import gluelab.kernel.notebook.Notebook;
import gluelab.kernel.run.CheckResult;
import gluelab.kernel.run.FailedCell;
import gluelab.kernel.run.NotebookRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the AWS-mode suite accepts as proof, and what it fails a notebook for. */
class AwsModeVerdictTest {

    private static final String TITLE = "# 14 · Glue native schedule\n\nA story.";
    private static final String STATEMENT = "\n\n> **Needs the lab clock:** the trigger fires on the lab clock, which Step 3"
            + "\n> moves an hour. On AWS, wait. A check among `nb14-trigger-name`, `nb14-stopped` that fails says so.";
    private static final String CLOCK_REASON = "✘ no run (this check needs the lab clock: AWS runs on real time, so …)";

    @Test
    void aNotebookThatSaysNothingRunsInAwsModeWhenEveryCheckPasses() throws IOException {
        AwsModeVerdict verdict = verdict(TITLE, List.of(passed("nb14-trigger-name")), Optional.empty());

        assertThat(verdict.proven()).isTrue();
        assertThat(verdict.line()).isEqualTo("14.ipynb  runs in AWS mode");
    }

    @Test
    void aNotebookThatSaysNothingFailsTheSuiteWhenACheckFailsInAwsMode() throws IOException {
        AwsModeVerdict verdict = verdict(TITLE, List.of(failed("nb14-trigger-name", CLOCK_REASON)), Optional.empty());

        assertThat(verdict.problems()).singleElement().asString().startsWith("it does not say it needs the lab clock or mailbox");
    }

    @Test
    void aStatementIsBorneOutWhenTheChecksItNamesFailSayingTheyNeedTheLabClock() throws IOException {
        AwsModeVerdict verdict = verdict(TITLE + STATEMENT, List.of(passed("nb14-first"),
                failed("nb14-trigger-name", CLOCK_REASON), failed("nb14-stopped", CLOCK_REASON)), Optional.empty());

        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.line()).isEqualTo("14.ipynb  needs the lab clock: the trigger fires on the lab clock, which"
                + " Step 3 moves an hour");
    }

    @Test
    void aStatementDoesNotExcuseAFailureForAnotherReasonAnUnnamedCheckOrAFailedCell() throws IOException {
        AwsModeVerdict verdict = verdict(TITLE + STATEMENT, List.of(failed("nb14-trigger-name", "✘ the run FAILED"),
                failed("nb14-other", CLOCK_REASON)),
                Optional.of(new FailedCell(7, "lab.readTable(...)", new CellError("NoSuchKey", "no key", List.of()))));

        assertThat(verdict.problems()).hasSize(3)
                .anySatisfy(problem -> assertThat(problem).startsWith("a cell that is not a check failed"))
                .anySatisfy(problem -> assertThat(problem).startsWith("it failed for another reason than the lab clock"))
                .anySatisfy(problem -> assertThat(problem).startsWith("its top cell does not name this check"));
    }

    @Test
    void aFailedCellIsReportedOnceNotOnceMoreForEachCheckItKeptFromRunning() throws IOException {
        AwsModeVerdict verdict = verdict(TITLE, List.of(failed("nb14-trigger-name", "not run: cell 7 failed")),
                Optional.of(new FailedCell(7, "mailbox.table()", new CellError("LabSetupException", "no mailbox", List.of()))));

        assertThat(verdict.problems()).singleElement().asString().startsWith("a cell that is not a check failed");
        assertThat(verdict.proven()).isFalse();
    }

    @Test
    void aNotebookMayNeedTheLabMailboxInsteadAndThenItsChecksMustSaySo() throws IOException {
        String mailbox = "\n\n> **Needs the lab mailbox:** SES sends to real inboxes on AWS. The checks"
                + "\n> `nb54-summary-delivered` and `nb54-identities-verified` need it.";
        String mailboxReason = "✘ no message (this check needs the lab mailbox: AWS has no lab mailbox: …)";

        AwsModeVerdict verdict = verdict(TITLE + mailbox, List.of(failed("nb54-summary-delivered", mailboxReason),
                failed("nb54-identities-verified", CLOCK_REASON)), Optional.empty());

        assertThat(verdict.problems()).singleElement().asString()
                .startsWith("it failed for another reason than the lab mailbox");
        assertThat(verdict.line()).contains("needs the lab mailbox: SES sends to real inboxes on AWS");
    }

    @Test
    void aStatementIsUntrueWhenEveryCheckPassesInAwsMode() throws IOException {
        AwsModeVerdict verdict = verdict(TITLE + STATEMENT, List.of(passed("nb14-trigger-name")), Optional.empty());

        assertThat(verdict.problems()).singleElement().asString().contains("drop the statement");
    }

    @Test
    void onlyTheTopCellCanMakeTheStatement() throws IOException {
        Notebook notebook = notebook(TITLE, "## Setup" + STATEMENT);

        assertThat(AwsModeVerdict.statement(notebook)).isEmpty();
    }

    private static AwsModeVerdict verdict(String topCell, List<CheckResult> checks, Optional<FailedCell> failedCell)
            throws IOException {
        Notebook notebook = notebook(topCell, "## Setup");
        return AwsModeVerdict.of("14.ipynb", notebook, new NotebookRun(Path.of("14.ipynb"), notebook, checks, failedCell));
    }

    private static Notebook notebook(String... markdownCells) throws IOException {
        List<Map<String, Object>> cells = java.util.Arrays.stream(markdownCells)
                .map(source -> Map.<String, Object>of("cell_type", "markdown", "metadata", Map.of(), "source", source))
                .toList();
        String json = new ObjectMapper().writeValueAsString(Map.of("nbformat", 4, "nbformat_minor", 5,
                "metadata", Map.of(), "cells", cells));
        return Notebook.parse(json, "14.ipynb");
    }

    private static CheckResult passed(String gradeId) {
        return new CheckResult(3, new CheckSpec(gradeId, 1), true, "✔ fine");
    }

    private static CheckResult failed(String gradeId, String message) {
        return new CheckResult(5, new CheckSpec(gradeId, 1), false, message);
    }
}
