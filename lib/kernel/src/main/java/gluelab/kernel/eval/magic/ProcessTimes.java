package gluelab.kernel.eval.magic;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time this process has used, split into user and system time where the system tells (Linux's
 * {@code /proc/self/stat}, in clock ticks of 10 ms), else only the total; and a wall clock reading. The kernel runs
 * cells in-process, so this is the cell's CPU time plus that of whatever else the process did meanwhile, as
 * IPython's {@code %time} measures its own process.
 */
record ProcessTimes(long wallNanos, long userNanos, long systemNanos, long totalNanos) {

    private static final Path PROC_STAT = Path.of("/proc/self/stat");
    /** {@code /proc} counts in USER_HZ, which Linux fixes at 100 per second on every architecture. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    static final long UNKNOWN = -1;

    static ProcessTimes now() {
        long wall = System.nanoTime();
        try {
            String stat = Files.readString(PROC_STAT);
            // The command name in parentheses may hold spaces; the fields after it are plain numbers.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long user = Long.parseLong(fields[11]) * NANOS_PER_TICK;
            long system = Long.parseLong(fields[12]) * NANOS_PER_TICK;
            return new ProcessTimes(wall, user, system, user + system);
        } catch (IOException | RuntimeException notLinux) {
            long total = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : UNKNOWN;
            return new ProcessTimes(wall, UNKNOWN, UNKNOWN, total);
        }
    }

    /** What was used from {@code start} to this reading. */
    ProcessTimes since(ProcessTimes start) {
        return new ProcessTimes(wallNanos - start.wallNanos, difference(userNanos, start.userNanos),
                difference(systemNanos, start.systemNanos), difference(totalNanos, start.totalNanos));
    }

    private static long difference(long end, long start) {
        return end == UNKNOWN || start == UNKNOWN ? UNKNOWN : end - start;
    }
}
