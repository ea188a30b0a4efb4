package gluelab.lab;

import gluelab.lab.data.RowComparison;
import gluelab.lab.wait.UnmovedClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The graded checks of a notebook. A check that holds prints {@code ✔ what} on stdout; one that does not
 * throws {@link CheckFailed} with the message {@code ✘ what — why}. Nothing is ever written to stderr
 * (nbgrader scores a cell with stderr output 0). Every outcome is recorded for {@link #results()}.
 * <pre>
 * Check.that("the run SUCCEEDED", run.jobRunState() == JobRunState.SUCCEEDED,
 *         "it ended " + run.jobRunState() + ": " + run.errorMessage());
 * Check.equal("row count", customers.rowCount(), refined.rowCount());
 * Check.sameRows("refined holds the CSV's rows", customers, refined);
 * Check.worth(2).that(...);   // the same checks, worth 2 points
 * </pre>
 */
public final class Check {

    private static final List<CheckResult> RESULTS = Collections.synchronizedList(new ArrayList<>());
    private static final int DIFF_ROWS_SHOWN = 5;
    private static final Scored UNSCORED = new Scored(null);
    /** The advances of the lab clock this notebook asked for and the target could not make, in order. */
    private static final List<String> UNMOVED_CLOCK = Collections.synchronizedList(new ArrayList<>());
    private static volatile String realTimeTarget;
    /** The latest time the refused advances would have reached: what a schedule due then needs on real time. */
    private static volatile Instant unmovedUntil;
    /** Where this notebook's email went instead of a lab mailbox, once it looked for one on a target without it. */
    private static volatile String mailElsewhere;

    private Check() {
    }

    /** The same checks, each worth {@code points} (shown, and recorded for the grader). */
    public static Scored worth(int points) {
        return new Scored(points);
    }

    /** Passes when {@code passed} holds; otherwise fails saying {@code whyNot}. */
    public static void that(String description, boolean passed, String whyNot) {
        UNSCORED.that(description, passed, whyNot);
    }

    /** As {@link #that(String, boolean, String)}, working out why only when it fails. */
    public static void that(String description, boolean passed, Supplier<String> whyNot) {
        UNSCORED.that(description, passed, whyNot);
    }

    /**
     * Passes when {@code actual} equals {@code expected}. Numbers are equal by value whatever their type
     * ({@code 3}, {@code 3L} and {@code 3.0} are equal).
     */
    public static void equal(String description, Object expected, Object actual) {
        UNSCORED.equal(description, expected, actual);
    }

    /**
     * Passes when {@code actual} has the same rows as {@code expected}, in any order, comparing the expected
     * table's columns (or only {@code columns}, if named) by meaning: {@code 12.50}, {@code 12.5} and
     * {@code "12.50"} are equal. Fails showing the first few missing and unexpected rows.
     */
    public static void sameRows(String description, DataTable expected, DataTable actual, String... columns) {
        UNSCORED.sameRows(description, expected, actual, columns);
    }

    /** The outcome of every check so far, in order. */
    public static List<CheckResult> results() {
        synchronized (RESULTS) {
            return List.copyOf(RESULTS);
        }
    }

    /** Forgets the recorded outcomes (a runner does this before each notebook). */
    public static void clearResults() {
        RESULTS.clear();
        forgetUnmovedClock();
    }

    /**
     * A new connection is a new notebook (notebooks share a JVM in the headless suite): its clock and its mailbox
     * are its own.
     */
    static void forgetUnmovedClock() {
        UNMOVED_CLOCK.clear();
        unmovedUntil = null;
        mailElsewhere = null;
    }

    /**
     * Says that this notebook looked for mail in the lab mailbox on a target that has none ({@code whereMailGoes}
     * says where the mail went instead). A check that fails afterwards says it {@value #NEEDS_LAB_MAILBOX}.
     * For the lab library's {@code Mailbox}; notebooks do not call it.
     */
    public static void mailboxAbsent(String whereMailGoes) {
        mailElsewhere = whereMailGoes;
    }

    /** The words a failed check's reason carries when it needed the lab mailbox (see {@link #mailboxAbsent}). */
    public static final String NEEDS_LAB_MAILBOX = "needs the lab mailbox";

    /**
     * Says that from now on this notebook's checks may count on time that did not pass: {@link Lab#advanceClock} could
     * not move the clock of {@code target}, which runs on real time, by {@code advance} (how much, and until when). A
     * check that fails afterwards says it {@value #NEEDS_LAB_CLOCK} instead of failing for no reason the learner sees.
     * {@code until} is the real time the advance would have reached.
     */
    static void clockNotMoved(String target, String advance, Instant until) {
        realTimeTarget = target;
        UNMOVED_CLOCK.add(advance);
        Instant latest = unmovedUntil;
        unmovedUntil = latest == null || until.isAfter(latest) ? until : latest;
    }

    /**
     * The real time this notebook's clock would show at {@code now} had {@link Lab#advanceClock} moved it: refused
     * advances add up, as they do on the lab clock, so "1 h" then "1 d" is reached 1 d 1 h after the first.
     */
    static Instant unmovedClockWouldShow(Instant now) {
        Instant until = unmovedUntil;
        return until != null && until.isAfter(now) ? until : now;
    }

    /**
     * What {@link Lab#advanceClock} could not do in this notebook, once it could not ({@code "AWS runs on real time, so
     * lab.advanceClock did not move it 1 d (until …)"}), else empty. Checks and waits that count on the lab clock say it.
     */
    static Optional<UnmovedClock> unmovedClock() {
        List<String> unmoved = List.copyOf(UNMOVED_CLOCK);
        Instant until = unmovedUntil;
        if (unmoved.isEmpty() || until == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(Instant.now(), until);
        return Optional.of(new UnmovedClock(realTimeTarget + " runs on real time, so lab.advanceClock did not move it "
                + String.join(", then ", unmoved), left.isNegative() ? Duration.ZERO : left));
    }

    /** The words a failed check's reason carries when it needed the lab clock (see {@link #clockNotMoved}). */
    public static final String NEEDS_LAB_CLOCK = "needs the lab clock";

    /** Checks that carry a number of points: {@code Check.worth(2).equal(...)}. */
    public static final class Scored {

        private final Integer points;

        private Scored(Integer points) {
            this.points = points;
        }

        public void that(String description, boolean passed, String whyNot) {
            record(description, "", passed, () -> whyNot);
        }

        public void that(String description, boolean passed, Supplier<String> whyNot) {
            record(description, "", passed, whyNot);
        }

        public void equal(String description, Object expected, Object actual) {
            record(description, ": " + show(actual), sameValue(expected, actual),
                    () -> "expected " + show(expected) + " but got " + show(actual));
        }

        public void sameRows(String description, DataTable expected, DataTable actual, String... columns) {
            RowComparison comparison;
            try {
                comparison = RowComparison.of(expected, actual, columns);
            } catch (IllegalArgumentException e) {
                record(description, "", false, e::getMessage);
                return;
            }
            record(description, " (" + actual.rowCount() + " rows)", comparison.same(),
                    () -> comparison.describe(DIFF_ROWS_SHOWN));
        }

        private void record(String description, String shownWhenPassed, boolean passed, Supplier<String> whyNot) {
            String reason = passed ? null : Objects.requireNonNullElse(safely(whyNot), "no reason given");
            Optional<UnmovedClock> unmoved = unmovedClock();
            if (!passed && unmoved.isPresent()) {
                reason += " (this check " + NEEDS_LAB_CLOCK + ": " + unmoved.get().said() + "; wait that long, then run the cells"
                        + " after it again)";
            }
            String elsewhere = mailElsewhere;
            if (!passed && elsewhere != null) {
                reason += " (this check " + NEEDS_LAB_MAILBOX + ": " + elsewhere + ")";
            }
            CheckResult result = new CheckResult(description, passed, reason, points);
            RESULTS.add(result);
            if (!passed) {
                throw new CheckFailed(result);
            }
            System.out.println(result.line() + shownWhenPassed
                    + (points == null ? "" : "  [" + points + " point" + (points == 1 ? "" : "s") + "]"));
            System.out.flush();
        }
    }

    /** The reason, even if working it out fails (a null run state, say): a check must fail for one reason only. */
    private static String safely(Supplier<String> whyNot) {
        try {
            return whyNot.get();
        } catch (RuntimeException e) {
            return "(the reason could not be worked out: " + e + ")";
        }
    }

    static boolean sameValue(Object expected, Object actual) {
        if (expected instanceof Number a && actual instanceof Number b) {
            try {
                return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
            } catch (NumberFormatException e) {
                return a.doubleValue() == b.doubleValue();
            }
        }
        return Objects.equals(expected, actual);
    }

    private static String show(Object value) {
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        return String.valueOf(value);
    }
}
