package gluelab.kernel.classroom;

/** How a learner changed a locked check cell; such a check scores 0 and is flagged in the gradebook. */
public enum Tampering {

    /** The cell is there, but its nbgrader checksum differs from the instructor's (source, points, flags or type). */
    EDITED("edited"),
    /** No cell of the learner's notebook has the check's {@code grade_id}. */
    DELETED("deleted"),
    /** Several cells have the check's {@code grade_id}, so which one is the check cannot be told. */
    DUPLICATED("duplicated");

    private final String word;

    Tampering(String word) {
        this.word = word;
    }

    /** {@code edited}, {@code deleted} or {@code duplicated}: how the gradebook flags it. */
    public String word() {
        return word;
    }
}
