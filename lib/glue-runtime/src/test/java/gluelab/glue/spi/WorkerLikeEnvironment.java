package gluelab.glue.spi;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * What a Lab Cloud worker binds to a run: an environment that keeps the run's bookmark, and calls AWS at an
 * endpoint, in a region, with credentials of its own (by default the SDK's, with no endpoint override).
 */
public final class WorkerLikeEnvironment implements RunEnvironment {

    private final LocalRunEnvironment defaults = new LocalRunEnvironment("worker-run", BookmarkOption.DISABLE);
    private final ConcurrentMap<String, Object> attributes = new ConcurrentHashMap<>();
    private final URI endpoint;
    private final String region;
    private final AwsCredentialsProvider credentials;

    public WorkerLikeEnvironment() {
        this(null, null, null);
    }

    public WorkerLikeEnvironment(URI endpoint, String region, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
    }

    @Override
    public String runId() {
        return "jr_worker";
    }

    @Override
    public String jobName() {
        return "worker-run";
    }

    @Override
    public BookmarkOption bookmarkOption() {
        return BookmarkOption.DISABLE;
    }

    @Override
    public Optional<String> bookmarkState() {
        return Optional.empty();
    }

    @Override
    public void commitBookmark(String jobBookmarkJson) {
    }

    @Override
    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    @Override
    public String region() {
        return region != null ? region : defaults.region();
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return credentials != null ? credentials : defaults.credentials();
    }

    @Override
    public ConcurrentMap<String, Object> attributes() {
        return attributes;
    }
}
