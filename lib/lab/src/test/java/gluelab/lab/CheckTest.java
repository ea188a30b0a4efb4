package gluelab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.lab.data.CsvFormat;
import gluelab.lab.wait.UnmovedClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureStreams() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Check.clearResults();
    }

    @AfterEach
    void restoreStreams() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        assertThat(err.toString(StandardCharsets.UTF_8)).as("checks never write to stderr").isEmpty();
    }

    @Test
    void aCheckThatHoldsPrintsATickOnStdout() {
        Check.that("the run SUCCEEDED", true, "it failed");

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("✔ the run SUCCEEDED" + System.lineSeparator());
        assertThat(Check.results()).containsExactly(new CheckResult("the run SUCCEEDED", true, null, null));
    }

    @Test
    void aCheckThatFailsThrowsItsReasonAndPrintsNothing() {
        assertThatThrownBy(() -> Check.that("the run SUCCEEDED", false, "it ended FAILED: boom"))
                .isInstanceOf(CheckFailed.class)
                .hasMessage("✘ the run SUCCEEDED — it ended FAILED: boom")
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(Check.results()).containsExactly(new CheckResult("the run SUCCEEDED", false, "it ended FAILED: boom", null));
    }

    @Test
    void aCheckThatFailsAfterTheLabClockCouldNotBeMovedSaysItNeedsTheLabClock() {
        assertThatThrownBy(() -> Check.that("before", false, "no run")).hasMessage("✘ before — no run");

        Check.clockNotMoved("AWS", "1 h (until 10:00Z)", Instant.parse("2026-12-08T10:00:00Z"));
        Check.clockNotMoved("AWS", "2 h (until 12:00Z)", Instant.parse("2026-12-08T12:00:00Z"));

        assertThatThrownBy(() -> Check.equal("runs in the hours", 3, 0))
                .hasMessage("✘ runs in the hours — expected 3 but got 0 (this check needs the lab clock: AWS runs on real"
                        + " time, so lab.advanceClock did not move it 1 h (until 10:00Z), then 2 h (until 12:00Z); wait that"
                        + " long, then run the cells after it again)");
        Check.that("a check that holds is not touched", true, "never");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("✔ a check that holds is not touched" + System.lineSeparator());
    }

    @Test
    void aWaitLearnsWhatTheRefusedAdvancesSaidAndHowMuchRealTimeIsLeftUntilTheLatestOfThem() {
        assertThat(Check.unmovedClock()).isEmpty();
        Instant now = Instant.now();

        Check.clockNotMoved("AWS", "2 h", now.plus(Duration.ofHours(2)));
        Check.clockNotMoved("AWS", "1 min", now.plus(Duration.ofMinutes(1)));

        UnmovedClock unmoved = Check.unmovedClock().orElseThrow();
        assertThat(unmoved.said()).isEqualTo("AWS runs on real time, so lab.advanceClock did not move it 2 h, then 1 min");
        assertThat(unmoved.realTimeLeft()).isBetween(Duration.ofMinutes(119), Duration.ofHours(2));
    }

    @Test
    void refusedAdvancesAddUpAsOnTheLabClock() {
        Instant now = Instant.parse("2026-12-08T09:00:00Z");
        assertThat(Check.unmovedClockWouldShow(now)).isEqualTo(now);

        Check.clockNotMoved("AWS", "1 h", now.plus(Duration.ofHours(1)));

        assertThat(Check.unmovedClockWouldShow(now.plusSeconds(5))).as("a second advance starts where the first ends")
                .isEqualTo(now.plus(Duration.ofHours(1)));
        assertThat(Check.unmovedClockWouldShow(now.plus(Duration.ofHours(2)))).as("once real time has caught up, it is now")
                .isEqualTo(now.plus(Duration.ofHours(2)));
    }

    @Test
    void theNextNotebookStartsWithItsOwnClock() {
        Check.clockNotMoved("AWS", "1 h (until 10:00Z)", Instant.now().plus(Duration.ofHours(1)));

        Check.forgetUnmovedClock();

        assertThat(Check.unmovedClock()).isEmpty();

        assertThatThrownBy(() -> Check.that("after a new Lab.connect", false, "no run"))
                .hasMessage("✘ after a new Lab.connect — no run");
    }

    @Test
    void theReasonIsWorkedOutOnlyOnFailureAndNeverFailsItself() {
        Check.that("nothing to explain", true, () -> {
            throw new IllegalStateException("not called");
        });
        assertThatThrownBy(() -> Check.that("state known", false, () -> {
            throw new NullPointerException("no run");
        })).hasMessageContaining("✘ state known — (the reason could not be worked out");
    }

    @Test
    void equalComparesNumbersByValueAndSaysWhatDiffered() {
        Check.equal("row count", 12, 12L);
        Check.equal("total", new BigDecimal("12.50"), 12.5);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("✔ row count: 12").contains("✔ total: 12.5");
        assertThatThrownBy(() -> Check.equal("row count", 12, 11))
                .hasMessage("✘ row count — expected 12 but got 11");
        assertThatThrownBy(() -> Check.equal("classification", "parquet", "csv"))
                .hasMessage("✘ classification — expected \"parquet\" but got \"csv\"");
    }

    @Test
    void checksCanCarryPoints() {
        Check.worth(2).that("partitions exist", true, "none");

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("✔ partitions exist  [2 points]");
        assertThat(Check.results().get(0).points()).isEqualTo(2);
        assertThatThrownBy(() -> Check.worth(1).equal("n", 1, 2)).isInstanceOf(CheckFailed.class);
        assertThat(Check.results().get(1)).isEqualTo(new CheckResult("n", false, "expected 1 but got 2", 1));
    }

    @Test
    void sameRowsIgnoresOrderAndTypeButNotDuplicates() {
        DataTable csv = Csv.parse("id,name,amount\n1,Ada,12.50\n2,Grace,7\n", CsvFormat.DEFAULT, "v2.csv");
        DataTable output = DataTable.of(List.of(new Column("amount", ColumnType.DOUBLE), new Column("id", ColumnType.INT),
                        new Column("name", ColumnType.STRING), new Column("extra", ColumnType.STRING)),
                List.of(List.of(7.0, 2, "Grace", "x"), List.of(12.5, 1, "Ada", "y")));

        Check.sameRows("refined equals v2", csv, output);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("✔ refined equals v2 (2 rows)");
    }

    @Test
    void sameRowsShowsMissingAndUnexpectedRowsAndWhichValueDiffered() {
        DataTable expected = Csv.parse("id,name,amount\n1,Ada,12.50\n2,Grace,7\n3,Linus,1\n", CsvFormat.DEFAULT, "e");
        DataTable actual = Csv.parse("id,name,amount\n1,Ada,12.5\n2,Grace,8\n4,Ken,2\n4,Ken,2\n", CsvFormat.DEFAULT, "a");

        assertThatThrownBy(() -> Check.sameRows("refined equals v2", expected, actual))
                .hasMessage("✘ refined equals v2 — 2 expected rows are missing: [2, Grace, 7] (found instead amount=8), "
                        + "[3, Linus, 1]; 3 rows were not expected: [2, Grace, 8] (expected amount=7), [4, Ken, 2], "
                        + "[4, Ken, 2] (columns [id, name, amount])");
    }

    @Test
    void sameRowsOnAMissingColumnFailsSayingSo() {
        DataTable expected = Csv.parse("id,name\n1,Ada\n", CsvFormat.DEFAULT, "e");
        DataTable actual = Csv.parse("id\n1\n", CsvFormat.DEFAULT, "a");

        assertThatThrownBy(() -> Check.sameRows("same", expected, actual))
                .hasMessage("✘ same — the actual table has no column [name]; it has [id]");
    }
}
