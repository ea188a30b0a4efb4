package gluelab.glue.bookmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import gluelab.glue.source.SourceFile;
import gluelab.glue.spi.BookmarkOption;

class BookmarkSessionTest {

    private static final List<String> PATHS = List.of("s3://raw/orders/");
    private static final SourceFile A = new SourceFile("s3://raw/orders/a.csv", 1000, 10);
    private static final SourceFile B = new SourceFile("s3://raw/orders/b.csv", 2000, 10);

    @Test
    void anEnabledBookmarkReadsOnlyUnseenObjectsAndCommitsAllSeenOnes() {
        BookmarkSession first = new BookmarkSession(BookmarkOption.ENABLE, JobBookmark.empty());
        assertEquals(List.of(A), first.select("orders", PATHS, List.of(A)));
        String committed = first.stateToCommit();

        BookmarkSession second = new BookmarkSession(BookmarkOption.ENABLE, JobBookmark.parse(committed));
        assertEquals(List.of(B), second.select("orders", PATHS, List.of(A, B)));
        assertEquals("{\"orders\":{\"jsonClass\":\"HadoopDataSourceJobBookmarkState\",\"version\":1,"
                + "\"paths\":[\"s3://raw/orders/\"],\"latestModifiedMillis\":2000,"
                + "\"files\":{\"s3://raw/orders/a.csv\":1000,\"s3://raw/orders/b.csv\":2000}}}", second.stateToCommit());
    }

    @Test
    void aNewerModificationTimeMakesAnObjectNewAgain() {
        BookmarkSession session = new BookmarkSession(BookmarkOption.ENABLE,
                JobBookmark.parse("{\"orders\":{\"files\":{\"s3://raw/orders/a.csv\":1000}}}"));
        SourceFile rewritten = new SourceFile(A.path(), 5000, 12);

        assertEquals(List.of(rewritten), session.select("orders", PATHS, List.of(rewritten)));
    }

    @Test
    void pauseFiltersButNeverCommitsAndDisableIgnoresTheBookmark() {
        JobBookmark seenA = JobBookmark.parse("{\"orders\":{\"files\":{\"s3://raw/orders/a.csv\":1000}}}");

        BookmarkSession paused = new BookmarkSession(BookmarkOption.PAUSE, seenA);
        assertEquals(List.of(B), paused.select("orders", PATHS, List.of(A, B)));
        assertNull(paused.stateToCommit());

        BookmarkSession disabled = new BookmarkSession(BookmarkOption.DISABLE, seenA);
        assertEquals(List.of(A, B), disabled.select("orders", PATHS, List.of(A, B)));
        assertNull(disabled.stateToCommit());
    }

    @Test
    void aSourceWithoutTransformationContextIsNotBookmarked() {
        BookmarkSession session = new BookmarkSession(BookmarkOption.ENABLE,
                JobBookmark.parse("{\"orders\":{\"files\":{\"s3://raw/orders/a.csv\":1000}}}"));

        assertEquals(List.of(A, B), session.select(null, PATHS, List.of(A, B)));
        assertEquals("{\"orders\":{\"jsonClass\":\"HadoopDataSourceJobBookmarkState\",\"version\":1,\"paths\":[],"
                + "\"latestModifiedMillis\":1000,\"files\":{\"s3://raw/orders/a.csv\":1000}}}", session.stateToCommit(),
                "other contexts' state is carried over unchanged");
    }
}
