package gluelab.cloud.services.logs.insights;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The functions Logs Insights offers in {@code fields}, {@code filter}, {@code stats … by} and {@code sort}: the
 * string functions ({@code strlen}, {@code concat}, {@code tolower}, {@code toupper}, {@code trim}, {@code ltrim},
 * {@code rtrim}), the general ones ({@code ispresent}, {@code isempty}, {@code isblank}, {@code coalesce}), the
 * datetime ones ({@code bin}, {@code datefloor}, {@code dateceil}) and the numeric ones ({@code abs}, {@code ceil},
 * {@code floor}, {@code greatest}, {@code least}).
 */
final class Functions {

    /** A function of evaluated arguments; the arity range is checked when the query compiles. */
    record Definition(int minArgs, int maxArgs, Function<List<Object>, Object> body) {
    }

    private static final Map<String, Definition> FUNCTIONS = Map.ofEntries(
            Map.entry("strlen", one(v -> v == null ? null : (long) Values.string(v).length())),
            Map.entry("tolower", one(v -> v == null ? null : Values.string(v).toLowerCase())),
            Map.entry("toupper", one(v -> v == null ? null : Values.string(v).toUpperCase())),
            Map.entry("trim", one(v -> v == null ? null : Values.string(v).strip())),
            Map.entry("ltrim", one(v -> v == null ? null : Values.string(v).stripLeading())),
            Map.entry("rtrim", one(v -> v == null ? null : Values.string(v).stripTrailing())),
            Map.entry("concat", new Definition(1, 100, args -> {
                StringBuilder out = new StringBuilder();
                args.stream().filter(Objects::nonNull).forEach(a -> out.append(Values.string(a)));
                return out.toString();
            })),
            Map.entry("ispresent", one(v -> v != null)),
            Map.entry("isempty", one(v -> v == null || Values.string(v).isEmpty())),
            Map.entry("isblank", one(v -> v == null || Values.string(v).isBlank())),
            Map.entry("coalesce", new Definition(1, 100,
                    args -> args.stream().filter(Objects::nonNull).findFirst().orElse(null))),
            Map.entry("abs", numeric(Math::abs)),
            Map.entry("ceil", numeric(Math::ceil)),
            Map.entry("floor", numeric(Math::floor)),
            Map.entry("greatest", new Definition(1, 100, args -> args.stream().filter(Objects::nonNull)
                    .max(Values.SORT_ORDER).orElse(null))),
            Map.entry("least", new Definition(1, 100, args -> args.stream().filter(Objects::nonNull)
                    .min(Values.SORT_ORDER).orElse(null))),
            Map.entry("datefloor", new Definition(2, 2, args -> floorTo(args.get(0), args.get(1), false))),
            Map.entry("dateceil", new Definition(2, 2, args -> floorTo(args.get(0), args.get(1), true))));

    private Functions() {
    }

    static Definition find(String name) {
        return FUNCTIONS.get(name.toLowerCase());
    }

    private static Definition one(java.util.function.Function<Object, Object> body) {
        return new Definition(1, 1, args -> body.apply(args.get(0)));
    }

    private static Definition numeric(java.util.function.DoubleUnaryOperator body) {
        return one(v -> {
            Number n = Values.number(v);
            if (n == null) {
                return null;
            }
            double result = body.applyAsDouble(n.doubleValue());
            return n instanceof Long && result == Math.rint(result) ? (Object) (long) result : (Object) result;
        });
    }

    /** A timestamp rounded down (or up) to a multiple of a period: {@code bin(5m)} is datefloor(@timestamp, 5m). */
    static Object floorTo(Object time, Object period, boolean up) {
        Number millis = Values.number(time);
        if (millis == null || !(period instanceof Long size) || size <= 0) {
            return null;
        }
        long t = millis.longValue();
        long floor = Math.floorDiv(t, size) * size;
        return Instant.ofEpochMilli(up && floor != t ? floor + size : floor);
    }

    /** Milliseconds of a duration literal: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}, {@code 1w}. */
    static long durationMillis(String literal) {
        int unitStart = 0;
        while (unitStart < literal.length() && (Character.isDigit(literal.charAt(unitStart)) || literal.charAt(unitStart) == '.')) {
            unitStart++;
        }
        double amount = Double.parseDouble(literal.substring(0, unitStart));
        long unit = switch (literal.substring(unitStart)) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            case "d" -> 86_400_000L;
            case "w" -> 604_800_000L;
            default -> throw new IllegalArgumentException(literal);
        };
        return Math.round(amount * unit);
    }
}
