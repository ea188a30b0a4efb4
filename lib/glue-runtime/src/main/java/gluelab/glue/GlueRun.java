package gluelab.glue;

import java.io.PrintStream;
import java.util.Optional;

import org.apache.spark.sql.SparkSession;

import gluelab.glue.bookmark.BookmarkSession;
import gluelab.glue.bookmark.JobBookmark;
import gluelab.glue.metrics.RunMetrics;
import gluelab.glue.spi.BookmarkOption;
import gluelab.glue.spi.LocalRunEnvironment;
import gluelab.glue.spi.RunEnvironment;
import gluelab.glue.spi.RunEnvironments;

/**
 * The runtime's state for one job run, kept beside its {@link RunEnvironment}: the bookmark
 * session and the metrics. Jobs never see it; the worker calls {@link #finish} when a run ends.
 */
public final class GlueRun {

    private static final String KEY = GlueRun.class.getName();

    private final RunEnvironment environment;
    private final RunMetrics metrics = new RunMetrics();
    private BookmarkSession bookmarks;
    private volatile SparkSession session;

    private GlueRun(RunEnvironment environment) {
        this.environment = environment;
    }

    /** The run of the calling thread; in a plain local run, a local one bound to this thread. */
    public static GlueRun current() {
        RunEnvironment environment = RunEnvironments.current().orElseGet(() -> {
            RunEnvironment local = new LocalRunEnvironment("local", BookmarkOption.DISABLE);
            RunEnvironments.bind(local);
            return local;
        });
        return of(environment);
    }

    public static GlueRun of(RunEnvironment environment) {
        return (GlueRun) environment.attributes().computeIfAbsent(KEY, k -> new GlueRun(environment));
    }

    /** The run of {@code environment} if the runtime was used in it. */
    public static Optional<GlueRun> existing(RunEnvironment environment) {
        return Optional.ofNullable((GlueRun) environment.attributes().get(KEY));
    }

    public RunEnvironment environment() {
        return environment;
    }

    public RunMetrics metrics() {
        return metrics;
    }

    void attach(SparkSession sparkSession) {
        this.session = sparkSession;
        metrics.listenTo(sparkSession);
    }

    /**
     * The bookmark session. Its option is the run environment's, except in a local run, where
     * {@code Job.init} passes the job's own {@code --job-bookmark-option}.
     */
    public synchronized BookmarkSession bookmarks() {
        if (bookmarks == null) {
            bookmarks = newBookmarkSession(environment.bookmarkOption());
        }
        return bookmarks;
    }

    public synchronized void initBookmarks(BookmarkOption optionFromArgs) {
        if (bookmarks == null) {
            BookmarkOption option = environment.persistsBookmarks() ? environment.bookmarkOption() : optionFromArgs;
            bookmarks = newBookmarkSession(option);
        }
    }

    private BookmarkSession newBookmarkSession(BookmarkOption option) {
        return new BookmarkSession(option, environment.bookmarkState().map(JobBookmark::parse).orElse(JobBookmark.empty()));
    }

    /** Prints the run's remaining metric lines (sources and the run line) to {@code out}, once. */
    public void finish(PrintStream out) {
        metrics.finish(session, out);
    }
}
