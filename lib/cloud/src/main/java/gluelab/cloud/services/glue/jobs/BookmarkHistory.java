package gluelab.cloud.services.glue.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every bookmark a job's runs committed, oldest first, so a reset can rewind to a given run's state. */
record BookmarkHistory(List<BookmarkRecord> committed) {

    BookmarkHistory {
        committed = List.copyOf(committed);
    }

    static BookmarkHistory empty() {
        return new BookmarkHistory(List.of());
    }

    BookmarkHistory plus(BookmarkRecord record) {
        List<BookmarkRecord> more = new ArrayList<>(committed);
        more.add(record);
        return new BookmarkHistory(more);
    }

    Optional<BookmarkRecord> committedBy(String runId) {
        return committed.stream().filter(r -> runId.equals(r.runId())).reduce((first, second) -> second);
    }
}
