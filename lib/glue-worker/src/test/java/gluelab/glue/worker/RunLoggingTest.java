package gluelab.glue.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/** Which log lines belong in a run's error stream: the one rule for the worker and for a cluster's executors. */
class RunLoggingTest {

    @Test
    void aJobsOwnLoggerIsLoggedFromInfo() {
        assertThat(RunLogging.isLogged("labtest.TaskOutput", Level.INFO)).isTrue();
        assertThat(RunLogging.isLogged("labtest.TaskOutput", Level.DEBUG)).isFalse();
    }

    @Test
    void sparkHadoopAndTheSdkAreLoggedOnlyFromWarn() {
        assertThat(RunLogging.isLogged("org.apache.spark.executor.Executor", Level.INFO)).isFalse();
        assertThat(RunLogging.isLogged("org.apache.spark.executor.Executor", Level.WARN)).isTrue();
        assertThat(RunLogging.isLogged("software.amazon.awssdk.request", Level.INFO)).isFalse();
    }

    @Test
    void theLongestNameThatCoversALoggerDecides() {
        assertThat(RunLogging.isLogged("org.apache.spark.scheduler.FairSchedulableBuilder", Level.WARN)).isFalse();
        assertThat(RunLogging.isLogged("org.apache.spark.scheduler.FairSchedulableBuilder", Level.ERROR)).isTrue();
        assertThat(RunLogging.isLogged("org.apache.sparkling.Job", Level.INFO)).as("a name covers only the loggers under it")
                .isTrue();
    }
}
