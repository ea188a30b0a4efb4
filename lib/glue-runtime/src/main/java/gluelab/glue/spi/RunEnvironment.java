package gluelab.glue.spi;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * What the process running a Glue job tells the runtime about that run: who it is, where AWS is,
 * and how bookmarks are kept. The Glue worker of Lab Cloud implements it for every run; without one
 * (a plain local run, or real AWS) {@link RunEnvironments#current()} supplies local defaults.
 */
public interface RunEnvironment {

    /** The JobRunId, e.g. {@code jr_…}; a generated id for local runs. */
    String runId();

    String jobName();

    /** The run's {@code --job-bookmark-option}. */
    BookmarkOption bookmarkOption();

    /** The job's last committed bookmark (the JobBookmark JSON text), if any. */
    Optional<String> bookmarkState();

    /**
     * Hands the job's new bookmark to whoever keeps it. Lab Cloud keeps it pending and commits it
     * only if the run ends SUCCEEDED.
     */
    void commitBookmark(String jobBookmarkJson);

    /** Whether {@link #commitBookmark} persists anything (false for local runs). */
    default boolean persistsBookmarks() {
        return true;
    }

    /**
     * Hands a Data Quality result (the JSON text of Glue's {@code DataQualityResult} shape) to whoever keeps
     * them: Lab Cloud, which gives it a ResultId and the run's JobName and JobRunId. A local run keeps none.
     */
    default void publishDataQualityResult(String resultJson) {
    }

    /** An endpoint override for SDK clients (Lab Cloud); empty means the SDK default (real AWS). */
    Optional<URI> endpoint();

    String region();

    AwsCredentialsProvider credentials();

    /**
     * The names in the job's {@code Connections}: the Glue connections this run may use. Empty for a local run,
     * which {@link #limitsConnections()} does not limit.
     */
    default List<String> connectionNames() {
        return List.of();
    }

    /** Whether the run may use only {@link #connectionNames()} (a job run), or any connection (a local run). */
    default boolean limitsConnections() {
        return false;
    }

    /** Per-run state the runtime keeps beside the run (bookmark session, metrics). */
    ConcurrentMap<String, Object> attributes();
}
