package gluelab.cloud.services.logs.insights;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The aggregation functions of {@code stats}: {@code count}, {@code count_distinct}, {@code sum}, {@code avg},
 * {@code min}, {@code max}, {@code earliest} and {@code latest} (the value of the event with the lowest or highest
 * {@code @timestamp}). Each makes a fresh {@link Accumulator} per group.
 */
enum Aggregate {
    COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX, EARLIEST, LATEST;

    static Aggregate find(String name) {
        for (Aggregate aggregate : values()) {
            if (aggregate.name().equalsIgnoreCase(name)) {
                return aggregate;
            }
        }
        return null;
    }

    /** Whether {@code f(*)} or {@code f()} is allowed: only {@code count}. */
    boolean takesStar() {
        return this == COUNT;
    }

    Accumulator start(Expression argument) {
        return new Accumulator(this, argument);
    }

    /** One group's running value of one aggregation. */
    static final class Accumulator {
        private final Aggregate kind;
        private final Expression argument;
        private long count;
        private double sum;
        private boolean allWhole = true;
        private Object best;
        private long bestTime;
        private final Set<String> distinct = new HashSet<>();

        private Accumulator(Aggregate kind, Expression argument) {
            this.kind = kind;
            this.argument = argument;
        }

        void add(Map<String, Object> row) {
            Object value = argument == null ? Boolean.TRUE : argument.eval(row);
            if (value == null) {
                return;
            }
            switch (kind) {
                case COUNT -> count++;
                case COUNT_DISTINCT -> distinct.add(Values.string(value));
                case SUM, AVG -> {
                    Number n = Values.number(value);
                    if (n != null) {
                        count++;
                        sum += n.doubleValue();
                        allWhole &= n instanceof Long;
                    }
                }
                case MIN, MAX -> {
                    int order = best == null ? 0 : Values.SORT_ORDER.compare(value, best);
                    if (best == null || (kind == MIN ? order < 0 : order > 0)) {
                        best = value;
                    }
                }
                case EARLIEST, LATEST -> {
                    Number at = Values.number(row.get(Fields.TIMESTAMP));
                    long time = at == null ? 0 : at.longValue();
                    if (best == null || (kind == EARLIEST ? time < bestTime : time >= bestTime)) {
                        best = value;
                        bestTime = time;
                    }
                }
            }
        }

        Object result() {
            return switch (kind) {
                case COUNT -> count;
                case COUNT_DISTINCT -> (long) distinct.size();
                case SUM -> count == 0 ? null : allWhole && sum == Math.rint(sum) ? (Object) (long) sum : (Object) sum;
                case AVG -> count == 0 ? null : sum / count;
                case MIN, MAX, EARLIEST, LATEST -> best;
            };
        }
    }
}
