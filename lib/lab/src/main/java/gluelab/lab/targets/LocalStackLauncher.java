package gluelab.lab.targets;

import gluelab.lab.Durations;
import gluelab.lab.LabSetupException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts LocalStack in Docker through Testcontainers, once per JVM: notebooks run in one kernel share it, and
 * Testcontainers removes it when the kernel stops.
 */
public final class LocalStackLauncher {

    private static LocalStackContainer container;

    private LocalStackLauncher() {
    }

    /** The endpoint of a running LocalStack, started now if none runs in this JVM yet. */
    public static synchronized URI ensureRunning(TargetConfig config, PrintStream out) {
        if (container != null && container.isRunning()) {
            return container.getEndpoint();
        }
        if (!dockerIsAvailable()) {
            throw new LabSetupException("LAB_TARGET=localstack starts LocalStack in Docker, but Docker is not reachable "
                    + "from here. Start Docker (or set DOCKER_HOST), or set " + TargetConfig.LOCALSTACK_ENDPOINT_VARIABLE
                    + " to a LocalStack you started yourself, or leave LAB_TARGET unset to use Lab Cloud.");
        }
        long started = System.nanoTime();
        out.println("Starting " + config.localStackImage() + " in Docker (the first pull takes a while) …");
        LocalStackContainer starting = new LocalStackContainer(DockerImageName.parse(config.localStackImage())
                .asCompatibleSubstituteFor("localstack/localstack"))
                .withEnv(TargetConfig.LOCALSTACK_TOKEN_VARIABLE, config.localStackAuthToken());
        try {
            starting.start();
        } catch (RuntimeException e) {
            starting.stop();
            throw new LabSetupException("LocalStack did not start: " + rootMessage(e) + ". If the log mentions the "
                    + "license or auth token, check " + TargetConfig.LOCALSTACK_TOKEN_VARIABLE + ".", e);
        }
        container = starting;
        out.println("LocalStack ready at " + container.getEndpoint() + " in "
                + Durations.describe(Duration.ofNanos(System.nanoTime() - started)));
        return container.getEndpoint();
    }

    private static boolean dockerIsAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
