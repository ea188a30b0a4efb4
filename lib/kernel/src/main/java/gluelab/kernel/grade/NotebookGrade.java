package gluelab.kernel.grade;

import gluelab.kernel.run.CheckResult;
import gluelab.kernel.run.NotebookRun;

import java.util.List;
import java.util.Optional;

/**
 * One graded notebook: its name in reports, and either its run or why it could not run (an unreadable
 * notebook scores nothing).
 */
public record NotebookGrade(String name, Optional<NotebookRun> run, Optional<String> problem) {

    static NotebookGrade of(String name, NotebookRun run) {
        return new NotebookGrade(name, Optional.of(run), Optional.empty());
    }

    static NotebookGrade unrunnable(String name, String problem) {
        return new NotebookGrade(name, Optional.empty(), Optional.of(problem));
    }

    public List<CheckResult> checks() {
        return run.map(NotebookRun::checks).orElse(List.of());
    }

    public double score() {
        return checks().stream().mapToDouble(CheckResult::earnedPoints).sum();
    }

    public double maxScore() {
        return checks().stream().mapToDouble(check -> check.check().points()).sum();
    }

    public long passed() {
        return run.map(NotebookRun::passedCount).orElse(0L);
    }

    public long failed() {
        return run.map(NotebookRun::failedCount).orElse(0L);
    }

    public boolean succeeded() {
        return run.map(NotebookRun::succeeded).orElse(false);
    }
}
