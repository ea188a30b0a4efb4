package gluelab.kernel.eval.magic;

import gluelab.kernel.eval.CellFailure;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * IPython's {@code %time <statement>} and {@code %%time}: runs the code, then prints
 * <pre>
 * CPU times: user 1.2 s, sys: 30 ms, total: 1.23 s
 * Wall time: 1.5 s
 * </pre>
 * and gives the code's value, so {@code %time count()} still shows the count. Code that fails prints no times.
 */
final class TimeMagic implements LineMagic, CellMagic {

    @Override
    public Object run(String arguments, MagicContext context) throws MagicException, CellFailure {
        if (arguments.isBlank()) {
            throw new MagicArguments.MissingArguments();
        }
        return timed(arguments, context);
    }

    @Override
    public Object run(String arguments, String body, MagicContext context) throws MagicException, CellFailure {
        if (!arguments.isBlank()) {
            throw new MagicException("%%time takes no arguments: it times the rest of the cell; for one statement, write %time "
                    + arguments);
        }
        return timed(body, context);
    }

    private static Object timed(String code, MagicContext context) throws CellFailure {
        ProcessTimes start = ProcessTimes.now();
        Object value = context.evaluate(code);
        ProcessTimes used = ProcessTimes.now().since(start);
        System.out.println(report(used));
        return value;
    }

    static String report(ProcessTimes used) {
        String cpu = used.userNanos() == ProcessTimes.UNKNOWN
                ? (used.totalNanos() == ProcessTimes.UNKNOWN ? "" : "CPU times: total: " + format(used.totalNanos()) + "\n")
                : "CPU times: user " + format(used.userNanos()) + ", sys: " + format(used.systemNanos())
                        + ", total: " + format(used.totalNanos()) + "\n";
        return cpu + "Wall time: " + format(used.wallNanos());
    }

    /** A duration as IPython writes it: three significant digits in s, ms, µs or ns; {@code 1min 5s} from a minute. */
    static String format(long nanos) {
        double seconds = nanos / 1e9;
        if (seconds >= 60) {
            StringBuilder text = new StringBuilder();
            long left = (long) seconds;
            for (Object[] unit : new Object[][] {{"d", 86_400L}, {"h", 3_600L}, {"min", 60L}, {"s", 1L}}) {
                long length = (Long) unit[1];
                if (left >= length) {
                    text.append(text.isEmpty() ? "" : " ").append(left / length).append(unit[0]);
                    left %= length;
                }
            }
            return text.toString();
        }
        String[] units = {"s", "ms", "µs", "ns"};
        int order = seconds > 0 ? Math.min((int) -Math.floorDiv((long) Math.floor(Math.log10(seconds)), 3), 3) : 3;
        BigDecimal scaled = new BigDecimal(seconds * Math.pow(1000, order)).round(new MathContext(3)).stripTrailingZeros();
        return scaled.toPlainString() + " " + units[order];
    }
}
