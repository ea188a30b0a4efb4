package gluelab.cloud.services.states.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.glue.model.JobRunState;

/**
 * What each of Glue's job run states means for a {@code glue:startJobRun.sync} task (Step Functions developer guide,
 * "Run a Job (.sync)"): SUCCEEDED ends it with the JobRun, the states a run passes through keep it waiting, and every
 * other state, ERROR included, ends it as failed. End-to-end cases for FAILED, TIMEOUT and STOPPED are in
 * GlueAndNestedTasksTest; Lab Cloud's Glue never ends a run in ERROR, so this table is where ERROR is proven.
 */
class GlueJobRunSyncOutcomeTest {

    private static final EnumSet<JobRunState> PASSING_THROUGH = EnumSet.of(JobRunState.STARTING, JobRunState.RUNNING,
            JobRunState.STOPPING, JobRunState.WAITING);

    @ParameterizedTest
    @EnumSource(value = JobRunState.class, names = "UNKNOWN_TO_SDK_VERSION", mode = EnumSource.Mode.EXCLUDE)
    void everyStateButSucceededAndThoseARunPassesThroughFailsTheTask(JobRunState state) {
        GlueJobRunSync.Outcome expected = state == JobRunState.SUCCEEDED ? GlueJobRunSync.Outcome.SUCCEED
                : PASSING_THROUGH.contains(state) ? GlueJobRunSync.Outcome.WAIT : GlueJobRunSync.Outcome.FAIL;
        assertThat(GlueJobRunSync.outcome(state.toString())).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(value = JobRunState.class, names = {"FAILED", "TIMEOUT", "ERROR", "STOPPED"})
    void eachAbnormalEndFailsTheTask(JobRunState state) {
        assertThat(GlueJobRunSync.outcome(state.toString())).isEqualTo(GlueJobRunSync.Outcome.FAIL);
    }

    @org.junit.jupiter.api.Test
    void aStateThisSdkDoesNotKnowEndsTheWaitRatherThanHangingIt() {
        assertThat(GlueJobRunSync.outcome("EXPIRED")).isEqualTo(GlueJobRunSync.Outcome.FAIL);
    }
}
