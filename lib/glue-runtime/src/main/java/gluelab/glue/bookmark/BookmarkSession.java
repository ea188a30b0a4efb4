package gluelab.glue.bookmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import gluelab.glue.source.SourceFile;
import gluelab.glue.spi.BookmarkOption;

/**
 * A run's view of its job bookmark: the state committed by earlier runs, and what each
 * transformation context has read in this run. {@link #stateToCommit()} is what {@code Job.commit()}
 * hands to the run environment.
 */
public final class BookmarkSession {

    private final BookmarkOption option;
    private final JobBookmark committed;
    private final Map<String, JobBookmark.ContextState> readThisRun = new LinkedHashMap<>();

    public BookmarkSession(BookmarkOption option, JobBookmark committed) {
        this.option = option;
        this.committed = option == BookmarkOption.DISABLE ? JobBookmark.empty() : committed;
    }

    public BookmarkOption option() {
        return option;
    }

    /**
     * The files of {@code listed} this context has to read: all of them when bookmarks are
     * disabled or the source has no transformation context, else those the bookmark has not seen.
     * Remembers them, so that a commit can advance the bookmark past them.
     */
    public synchronized List<SourceFile> select(String transformationContext, List<String> paths, List<SourceFile> listed) {
        if (!option.filtersInput() || transformationContext == null || transformationContext.isBlank()) {
            return listed;
        }
        JobBookmark.ContextState seen = committed.context(transformationContext);
        List<SourceFile> fresh = new ArrayList<>();
        for (SourceFile file : listed) {
            if (seen.isNew(file.path(), file.modifiedMillis())) {
                fresh.add(file);
            }
        }
        Map<String, Long> files = new TreeMap<>(readThisRun.getOrDefault(transformationContext, seen).files());
        fresh.forEach(f -> files.put(f.path(), f.modifiedMillis()));
        readThisRun.put(transformationContext, new JobBookmark.ContextState(List.copyOf(paths), files));
        return fresh;
    }

    /** The committed bookmark advanced past everything read in this run, or null when nothing may advance. */
    public synchronized String stateToCommit() {
        if (!option.advances()) {
            return null;
        }
        Map<String, JobBookmark.ContextState> next = new LinkedHashMap<>(committed.contexts());
        next.putAll(readThisRun);
        return new JobBookmark(next).toJson();
    }
}
