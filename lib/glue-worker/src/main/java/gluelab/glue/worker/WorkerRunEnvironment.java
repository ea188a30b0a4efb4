package gluelab.glue.worker;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import gluelab.glue.protocol.GlueEvent;
import gluelab.glue.protocol.RunCommand;
import gluelab.glue.spi.BookmarkOption;
import gluelab.glue.spi.RunEnvironment;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** The run environment the worker gives each run: its command, and the protocol for bookmarks. */
final class WorkerRunEnvironment implements RunEnvironment {

    private final RunCommand command;
    private final BookmarkOption bookmarkOption;
    private final Protocol protocol;
    private final ConcurrentMap<String, Object> attributes = new ConcurrentHashMap<>();

    WorkerRunEnvironment(RunCommand command, Protocol protocol) {
        this.command = command;
        this.bookmarkOption = BookmarkOption.parse(command.bookmarkOption());
        this.protocol = protocol;
    }

    @Override
    public String runId() {
        return command.runId();
    }

    @Override
    public String jobName() {
        return command.jobName();
    }

    @Override
    public BookmarkOption bookmarkOption() {
        return bookmarkOption;
    }

    @Override
    public Optional<String> bookmarkState() {
        return Optional.ofNullable(command.bookmark().state());
    }

    /** Sends the bookmark event now; Lab Cloud commits it only if the run ends SUCCEEDED. */
    @Override
    public void commitBookmark(String jobBookmarkJson) {
        protocol.send(new GlueEvent.Bookmark(command.runId(), jobBookmarkJson));
    }

    @Override
    public void publishDataQualityResult(String resultJson) {
        protocol.send(new GlueEvent.DataQualityResult(command.runId(), resultJson));
    }

    @Override
    public Optional<URI> endpoint() {
        return Optional.ofNullable(command.aws().endpoint()).map(URI::create);
    }

    @Override
    public String region() {
        return command.aws().region();
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return JarFetcher.credentials(command.aws());
    }

    @Override
    public List<String> connectionNames() {
        return command.connections();
    }

    @Override
    public boolean limitsConnections() {
        return true;
    }

    @Override
    public ConcurrentMap<String, Object> attributes() {
        return attributes;
    }
}
