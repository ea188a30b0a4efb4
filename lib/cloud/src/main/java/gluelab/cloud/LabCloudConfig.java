package gluelab.cloud;

import gluelab.cloud.auth.Credential;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a Lab Cloud is started. The defaults are the secure ones: loopback only, signatures required,
 * the LocalStack-compatible key pair {@code test/test} in account {@code 000000000000}.
 *
 * @param bindAddress   the address to listen on; loopback unless deliberately changed
 * @param port          the edge port; 0 picks a free one (tests)
 * @param stateDir      where state persists; null keeps it in memory
 * @param credentials   the long-term key pairs and their accounts
 * @param defaultRegion the region of requests that carry none (unsigned admin calls)
 * @param glueWorker    when to start the warm Spark worker that runs Glue jobs
 * @param maxBufferedBodyBytes the largest JSON/Query body accepted
 * @param iamEnforced   whether calls made with a role's session are judged by the role's policies, as on AWS
 * @param sparkMaster   the Spark master the Glue worker's driver runs job runs on ({@code spark://host:7077},
 *                      {@code k8s://…}); null for the worker's own local Spark ({@code local[*]})
 * @param awsMode       whether Lab Cloud answers only what AWS answers: no {@code /_lab/} route but health, the
 *                      clock on wall time, IAM enforced; a suite runs notebooks against it to prove they need
 *                      nothing AWS lacks
 */
public record LabCloudConfig(
        String bindAddress,
        int port,
        Path stateDir,
        List<Credential> credentials,
        String defaultRegion,
        GlueWorkerMode glueWorker,
        long maxBufferedBodyBytes,
        boolean iamEnforced,
        String sparkMaster,
        boolean awsMode) {

    public static final String DEFAULT_ACCOUNT = "000000000000";
    public static final String SECOND_ACCOUNT = "111111111111";

    /** When the Glue worker (a JVM with a warm Spark) is started. */
    public enum GlueWorkerMode {
        /** At start-up, in the background, so the first run is fast. */
        EAGER,
        /** On the first job run. */
        LAZY,
        /** Never: job runs fail with a clear message. */
        OFF
    }

    public LabCloudConfig {
        credentials = List.copyOf(credentials);
        if (sparkMaster != null && sparkMaster.isBlank()) {
            sparkMaster = null;
        }
        if (awsMode && !iamEnforced) {
            throw new IllegalArgumentException("AWS mode enforces IAM, as AWS does: --aws-mode and --iam off do not go together");
        }
    }

    public static LabCloudConfig defaults() {
        return new LabCloudConfig("127.0.0.1", 4566, null, defaultCredentials(), "us-east-1",
                GlueWorkerMode.EAGER, 32L * 1024 * 1024, true, null, false);
    }

    /** {@code test/test} in account 000000000000, and a second account for cross-account labs. */
    public static List<Credential> defaultCredentials() {
        List<Credential> list = new ArrayList<>();
        list.add(Credential.longTerm("test", "test", DEFAULT_ACCOUNT));
        list.add(Credential.longTerm("test-b", "test-b", SECOND_ACCOUNT));
        return list;
    }

    public LabCloudConfig withPort(int newPort) {
        return new LabCloudConfig(bindAddress, newPort, stateDir, credentials, defaultRegion, glueWorker, maxBufferedBodyBytes, iamEnforced, sparkMaster, awsMode);
    }

    public LabCloudConfig withStateDir(Path dir) {
        return new LabCloudConfig(bindAddress, port, dir, credentials, defaultRegion, glueWorker, maxBufferedBodyBytes, iamEnforced, sparkMaster, awsMode);
    }

    public LabCloudConfig withBindAddress(String address) {
        return new LabCloudConfig(address, port, stateDir, credentials, defaultRegion, glueWorker, maxBufferedBodyBytes, iamEnforced, sparkMaster, awsMode);
    }

    public LabCloudConfig withCredentials(List<Credential> list) {
        return new LabCloudConfig(bindAddress, port, stateDir, list, defaultRegion, glueWorker, maxBufferedBodyBytes, iamEnforced, sparkMaster, awsMode);
    }

    public LabCloudConfig withGlueWorker(GlueWorkerMode mode) {
        return new LabCloudConfig(bindAddress, port, stateDir, credentials, defaultRegion, mode, maxBufferedBodyBytes, iamEnforced, sparkMaster, awsMode);
    }

    public LabCloudConfig withIam(boolean enforced) {
        return new LabCloudConfig(bindAddress, port, stateDir, credentials, defaultRegion, glueWorker, maxBufferedBodyBytes,
                enforced, sparkMaster, awsMode);
    }

    /** AWS mode on or off; on, it also enforces IAM (see {@link #awsMode()}). */
    public LabCloudConfig withAwsMode(boolean on) {
        return new LabCloudConfig(bindAddress, port, stateDir, credentials, defaultRegion, glueWorker, maxBufferedBodyBytes,
                iamEnforced || on, sparkMaster, on);
    }

    /** Job runs on a Spark cluster's executors instead of the worker's local Spark (null: local). */
    public LabCloudConfig withSparkMaster(String master) {
        return new LabCloudConfig(bindAddress, port, stateDir, credentials, defaultRegion, glueWorker, maxBufferedBodyBytes,
                iamEnforced, master, awsMode);
    }
}
