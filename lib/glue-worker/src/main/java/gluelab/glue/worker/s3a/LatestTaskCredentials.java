package gluelab.glue.worker.s3a;

import org.apache.spark.TaskContext;

/**
 * On an executor of a Spark cluster: the credentials carried by the task that started last in this JVM, for
 * S3A's pool threads (which open and upload for tasks but belong to none). The executor's task plugin records
 * them at every task start; {@link RunCredentialsProvider} reads them. The two are loaded by different class
 * loaders (the executor's, and each run's), so the record is kept where both see the same one: the JVM's
 * system properties, as a non-string value that {@code System.getProperty} and Spark's configuration ignore.
 * No AWS SDK class here: the executor's own class loader does not have the SDK.
 */
public final class LatestTaskCredentials {

    private static final String KEY = "gluelab.run.aws.latestTaskCredentials";

    private LatestTaskCredentials() {
    }

    /** Records the credentials {@code task} carries, if any. */
    public static void taskStarted(TaskContext task) {
        String[] carried = carriedBy(task);
        if (carried != null) {
            System.getProperties().put(KEY, carried);
        }
    }

    /** {@code {accessKey, secretKey, sessionToken or null}} carried by {@code task}, or null. */
    static String[] carriedBy(TaskContext task) {
        if (task == null) {
            return null;
        }
        String accessKey = task.getLocalProperty(RunCredentialsProvider.ACCESS_KEY);
        String secretKey = task.getLocalProperty(RunCredentialsProvider.SECRET_KEY);
        if (accessKey == null || secretKey == null) {
            return null;
        }
        return new String[] {accessKey, secretKey, task.getLocalProperty(RunCredentialsProvider.SESSION_TOKEN)};
    }

    /** The last recorded, or null. */
    static String[] latest() {
        return System.getProperties().get(KEY) instanceof String[] keys ? keys : null;
    }
}
