package gluelab.e2e;

import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.testing.RunningLabCloud;

/**
 * The Lab Cloud the end-to-end suites run against: in memory, with the real Glue worker (a warm Spark in its
 * own JVM, started eagerly from the repository's built glue-worker module). One is shared by every suite of
 * the test run, since the worker takes seconds to warm up; each suite names its resources with its own prefix.
 */
public final class LabCloudWithWorker {

    private LabCloudWithWorker() {
    }

    public static RunningLabCloud shared() {
        return RunningLabCloud.shared(LabCloudConfig.defaults().withGlueWorker(LabCloudConfig.GlueWorkerMode.EAGER))
                .withGlueRoles();
    }
}
