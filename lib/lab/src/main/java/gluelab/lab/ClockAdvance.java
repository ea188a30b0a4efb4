package gluelab.lab;

import gluelab.lab.display.MimeBundle;
import gluelab.lab.display.Renderable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What moving the lab clock forward did: where it went, and the timers (schedules, triggers, retries) that
 * fired on the way, in time order. Empty on targets whose clock cannot be moved.
 *
 * @param from     the lab clock before
 * @param to       the lab clock after
 * @param fired    the timers that fired
 * @param advanced false where the clock is the real one and nothing was moved (AWS, LocalStack)
 */
public record ClockAdvance(Instant from, Instant to, List<Fired> fired, boolean advanced) implements Renderable {

    /**
     * One timer that fired.
     *
     * @param time     when it fired on the lab clock
     * @param service  the service that owns it, e.g. {@code glue}
     * @param name     what it is, e.g. a trigger or schedule name
     * @param resource what it acts on
     */
    public record Fired(Instant time, String service, String name, String resource) {
    }

    public ClockAdvance {
        fired = List.copyOf(fired);
    }

    static ClockAdvance notAdvanced(Instant now) {
        return new ClockAdvance(now, now, List.of(), false);
    }

    /** The timers that fired for {@code service}, e.g. {@code "glue"}. */
    public List<Fired> firedFor(String service) {
        return fired.stream().filter(f -> service.equals(f.service())).toList();
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.text(toString());
    }

    @Override
    public String toString() {
        if (!advanced) {
            return "The clock was not moved (this target runs on real time).";
        }
        StringBuilder text = new StringBuilder("Lab clock " + from + " → " + to + " (+" + Durations.describe(Duration.between(from, to))
                + "): " + (fired.isEmpty() ? "nothing fired" : fired.size() + " fired"));
        for (Fired f : fired) {
            text.append("\n  ").append(f.time()).append("  ").append(f.service()).append("  ").append(f.name());
            if (f.resource() != null && !f.resource().equals(f.name())) {
                text.append(" → ").append(f.resource());
            }
        }
        return text.toString();
    }
}
