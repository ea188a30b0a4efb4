package gluelab.glue.jdbc;

/**
 * A JDBC source, sink or connection that could not be used: which one, and why, in words a run's ErrorMessage can
 * show. It carries no cause, so that the ErrorMessage (the root cause's message) is this one, and never quotes a
 * password.
 */
public final class JdbcConnectionException extends RuntimeException {

    public JdbcConnectionException(String message) {
        super(message);
    }
}
