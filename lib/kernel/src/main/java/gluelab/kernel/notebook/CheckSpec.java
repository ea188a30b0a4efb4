package gluelab.kernel.notebook;

/**
 * A graded check cell, from nbgrader v3 metadata ({@code nbgrader.grade == true}): its {@code grade_id} and
 * {@code points}.
 */
public record CheckSpec(String gradeId, double points) {

    /** Points as people write them: {@code 2}, or {@code 0.5}. */
    public String pointsText() {
        return pointsText(points);
    }

    /** Any number of points as people write them: {@code 2}, or {@code 0.5}. */
    public static String pointsText(double points) {
        return points == Math.rint(points) ? String.valueOf((long) points) : String.valueOf(points);
    }
}
