package gluelab.glue.worker;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * What changes when the worker's driver runs against a Spark cluster ({@code gluelab.worker.master} is a
 * {@code spark://} or {@code k8s://} URL) instead of its local Spark:
 * <ul>
 * <li>the task plugin ({@link RunTaskPlugin}) reaches the executors in {@code spark.jars}, and sends what their tasks
 * print and log to the run's streams ({@link ExecutorTaskOutput}); it cannot find a
 * run's task threads there for the worker, so a stopped run's tasks are interrupted by Spark, and Spark's task
 * reaper ends the executor of a task that ignores the interrupt;
 * <li>{@code LAB_SPARK_CONF}, whitespace-separated {@code key=value} Spark settings, applies last, for
 * what a cluster needs and Lab Cloud cannot know: {@code spark.driver.host} (loopback by default, which
 * only executors on this machine reach), executor memory and cores, {@code spark.kubernetes.*};
 * <li>the warm-up is a small job on the executors, after {@code ready}: local files of this machine are not
 * theirs, and how soon a cluster grants executors must not decide whether the worker is up (a run submitted
 * meanwhile waits for them, as any Spark job does).
 * </ul>
 * Jars reach the executors with each run ({@link ExecutorJars}, {@link JobRun}); S3 credentials with each task
 * ({@link gluelab.glue.worker.s3a.RunCredentialsProvider}).
 */
final class ClusterSettings {

    static final String SPARK_CONF_ENVIRONMENT = "LAB_SPARK_CONF";

    private ClusterSettings() {
    }

    static boolean isCluster(String master) {
        return !master.startsWith("local");
    }

    static void apply(SparkConf conf, String extraSettings) {
        conf.set("spark.task.reaper.enabled", "true");
        conf.set("spark.task.reaper.killTimeout", "60s");
        if (extraSettings == null) {
            return;
        }
        for (String setting : extraSettings.trim().split("\\s+")) {
            if (setting.isEmpty()) {
                continue;
            }
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(SPARK_CONF_ENVIRONMENT + " wants key=value settings, not: " + setting);
            }
            conf.set(setting.substring(0, equals), setting.substring(equals + 1));
        }
    }

    /** One small job across the executors, so that the first run does not wait for them to register and warm up. */
    static void warmUp(SparkSession spark, java.io.PrintStream stderr) {
        long start = System.nanoTime();
        try {
            spark.range(0, 100_000, 1, 4).selectExpr("id % 10 as k", "id").groupBy("k").count().collectAsList();
            stderr.printf("[glue-worker] executors of %s warmed up in %d ms%n", spark.sparkContext().master(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            stderr.println("[glue-worker] warming up the cluster's executors: " + e);
        }
    }
}
