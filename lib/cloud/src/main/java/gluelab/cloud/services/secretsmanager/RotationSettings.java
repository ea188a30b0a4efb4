package gluelab.cloud.services.secretsmanager;

/**
 * How a secret rotates: the function that rotates it, and when (every {@code automaticallyAfterDays} days, or by
 * {@code scheduleExpression}), within a window of {@code duration} ({@code 3h}); each null when not set.
 */
record RotationSettings(String lambdaArn, Long automaticallyAfterDays, String scheduleExpression, String duration) {

    static final RotationSettings NONE = new RotationSettings(null, null, null, null);

    boolean hasSchedule() {
        return automaticallyAfterDays != null || scheduleExpression != null;
    }
}
