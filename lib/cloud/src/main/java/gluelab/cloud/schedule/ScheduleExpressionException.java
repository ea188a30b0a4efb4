package gluelab.cloud.schedule;

/**
 * A schedule expression that cannot be parsed. The message says what is wrong and where, in words a
 * learner can act on; each service wraps it in its own error (Glue: {@code InvalidInputException}).
 */
public final class ScheduleExpressionException extends IllegalArgumentException {

    public ScheduleExpressionException(String message) {
        super(message);
    }
}
