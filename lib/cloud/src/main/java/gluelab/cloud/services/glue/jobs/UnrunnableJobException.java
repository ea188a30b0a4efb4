package gluelab.cloud.services.glue.jobs;

/**
 * A run that cannot start, for a reason its job definition or Lab Cloud's set-up explains (no class, no
 * jar, the worker off). On AWS such runs fail rather than the StartJobRun call; the message becomes the
 * run's ErrorMessage.
 */
final class UnrunnableJobException extends Exception {

    UnrunnableJobException(String message) {
        super(message, null, false, false);
    }
}
