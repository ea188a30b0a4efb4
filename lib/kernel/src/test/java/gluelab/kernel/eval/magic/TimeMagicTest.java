package gluelab.kernel.eval.magic;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code %time} writes durations as IPython's {@code _format_time} does. */
class TimeMagicTest {

    @Test
    void durationsHaveThreeSignificantDigitsInTheLargestUnitBelowThem() {
        assertEquals("0 ns", TimeMagic.format(0));
        assertEquals("999 ns", TimeMagic.format(999));
        assertEquals("1.23 µs", TimeMagic.format(1_234));
        assertEquals("20.3 ms", TimeMagic.format(20_300_000));
        assertEquals("500 ms", TimeMagic.format(500_000_000));
        assertEquals("2.5 s", TimeMagic.format(2_500_000_000L));
        assertEquals("59.9 s", TimeMagic.format(59_900_000_000L));
    }

    @Test
    void fromAMinuteDurationsAreWholeUnitsLargestFirst() {
        assertEquals("1min 5s", TimeMagic.format(65_000_000_000L));
        assertEquals("1h", TimeMagic.format(3_600_500_000_000L));
        assertEquals("1d 30s", TimeMagic.format(86_430_000_000_000L));
    }

    @Test
    void theReportSaysUserSystemAndTotalCpuTimeThenWallTime() {
        ProcessTimes used = new ProcessTimes(1_500_000_000L, 1_200_000_000L, 30_000_000L, 1_230_000_000L);
        assertEquals("CPU times: user 1.2 s, sys: 30 ms, total: 1.23 s\nWall time: 1.5 s", TimeMagic.report(used));
        ProcessTimes totalOnly = new ProcessTimes(2_000_000L, ProcessTimes.UNKNOWN, ProcessTimes.UNKNOWN, 1_000_000L);
        assertEquals("CPU times: total: 1 ms\nWall time: 2 ms", TimeMagic.report(totalOnly));
    }
}
