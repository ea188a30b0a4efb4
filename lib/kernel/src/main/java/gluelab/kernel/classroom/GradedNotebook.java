package gluelab.kernel.classroom;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One notebook of one learner: a score for every check of the instructor's notebook, the flags the gradebook shows
 * (tampered checks, a time limit reached, a submission that does not compile, a notebook not handed in), the cell
 * that stopped the run, and the executed copy the feedback shows.
 */
public record GradedNotebook(ClassNotebook notebook, List<GradedCheck> checks, List<String> flags,
                             Optional<StoppedCell> stoppedCell, Optional<String> problem, Optional<Path> executed) {

    public GradedNotebook {
        checks = List.copyOf(checks);
        flags = List.copyOf(flags);
    }

    public double points() {
        return checks.stream().mapToDouble(GradedCheck::points).sum();
    }

    public double maxPoints() {
        return notebook.maxPoints();
    }

    static GradedNotebook notSubmitted(ClassNotebook notebook) {
        return ungraded(notebook, "not submitted", "not submitted");
    }

    /** A notebook that could not be graded at all scores 0 in every check, saying why. */
    static GradedNotebook ungraded(ClassNotebook notebook, String why, String flag) {
        List<GradedCheck> checks = notebook.checks().stream().map(check -> GradedCheck.zero(check, why)).toList();
        return new GradedNotebook(notebook, checks, List.of(flag), Optional.empty(), Optional.of(why), Optional.empty());
    }

    /**
     * Scores the learner's run (one notebook of a {@code grades.json}) against the instructor's checks: a tampered
     * check scores 0 whatever its run said, a check missing from the run was not run.
     */
    static GradedNotebook of(ClassNotebook notebook, JsonNode graded, Map<String, Tampering> tampered, Optional<Path> executed) {
        if (graded.hasNonNull("problem")) {
            return ungraded(notebook, "not graded: " + graded.path("problem").asText(), "not graded");
        }
        Map<String, JsonNode> ran = new LinkedHashMap<>();
        graded.path("checks").forEach(check -> ran.putIfAbsent(check.path("grade_id").asText(), check));
        List<String> flags = new ArrayList<>();
        Optional<StoppedCell> stopped = Optional.ofNullable(graded.get("failed_cell")).filter(JsonNode::isObject)
                .map(cell -> new StoppedCell(cell.path("cell").asInt(), cell.path("source").asText(), cell.path("ename").asText(),
                        cell.path("evalue").asText(), cell.path("timed_out").asBoolean(false)));
        Optional.ofNullable(graded.get("timed_out")).filter(JsonNode::isTextual).map(JsonNode::asText).ifPresent(flags::add);
        stopped.filter(StoppedCell::doesNotCompile).ifPresent(cell -> flags.add("does not compile (cell " + cell.cellNumber() + ")"));
        List<GradedCheck> checks = new ArrayList<>();
        for (var check : notebook.checks()) {
            Tampering tampering = tampered.get(check.gradeId());
            JsonNode result = ran.get(check.gradeId());
            if (tampering != null) {
                checks.add(GradedCheck.tampered(check, tampering));
                flags.add(check.gradeId() + " " + tampering.word());
            } else if (result == null) {
                checks.add(GradedCheck.zero(check, "not run"));
            } else {
                boolean passed = result.path("passed").asBoolean();
                checks.add(new GradedCheck(check, passed ? check.points() : 0, passed, result.path("reason").asText(), Optional.empty()));
            }
        }
        return new GradedNotebook(notebook, checks, flags, stopped, Optional.empty(), executed);
    }
}
