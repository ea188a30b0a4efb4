package gluelab.glue.spi;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The defaults when no worker provides an environment: SDK default endpoint, region and
 * credentials, and bookmarks that are read from nowhere and persisted nowhere.
 */
public final class LocalRunEnvironment implements RunEnvironment {

    private final String runId = "local_" + UUID.randomUUID();
    private final String jobName;
    private final BookmarkOption bookmarkOption;
    private final ConcurrentMap<String, Object> attributes = new ConcurrentHashMap<>();

    public LocalRunEnvironment(String jobName, BookmarkOption bookmarkOption) {
        this.jobName = jobName;
        this.bookmarkOption = bookmarkOption;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String jobName() {
        return jobName;
    }

    @Override
    public BookmarkOption bookmarkOption() {
        return bookmarkOption;
    }

    @Override
    public Optional<String> bookmarkState() {
        return Optional.empty();
    }

    @Override
    public void commitBookmark(String jobBookmarkJson) {
        System.err.println("[glue-runtime] Job.commit(): no run environment, so the job bookmark is not persisted"
                + " (bookmarks persist only when the job runs in Lab Cloud or AWS Glue)");
    }

    @Override
    public boolean persistsBookmarks() {
        return false;
    }

    @Override
    public Optional<URI> endpoint() {
        return Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL")).filter(s -> !s.isBlank()).map(URI::create);
    }

    @Override
    public String region() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (RuntimeException noRegion) {
            return "us-east-1";
        }
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public ConcurrentMap<String, Object> attributes() {
        return attributes;
    }
}
