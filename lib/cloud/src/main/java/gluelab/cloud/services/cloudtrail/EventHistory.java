package gluelab.cloud.services.cloudtrail;

import gluelab.cloud.provider.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CloudTrail's event history: the management events of each account and region, newest first, for LookupEvents.
 * AWS keeps 90 days of them; Lab Cloud keeps 90 days of the lab clock too, but at most the latest
 * {@value #CAPACITY} per account and region, and in memory only: a restart starts the history afresh (trails' log
 * files in S3 are what lasts, on Lab Cloud as on AWS).
 */
final class EventHistory {

    static final int CAPACITY = 10_000;
    private static final Duration KEPT = Duration.ofDays(90);

    private final Map<Scope, Deque<TrailEvent>> byScope = new ConcurrentHashMap<>();

    void add(TrailEvent event) {
        Deque<TrailEvent> events = byScope.computeIfAbsent(new Scope(event.account(), event.region()), s -> new ArrayDeque<>());
        synchronized (events) {
            events.addFirst(event);
            while (events.size() > CAPACITY) {
                events.removeLast();
            }
        }
    }

    /** The scope's events of the last 90 days (before {@code now}), newest first. */
    List<TrailEvent> newestFirst(Scope scope, Instant now) {
        Deque<TrailEvent> events = byScope.get(scope);
        if (events == null) {
            return List.of();
        }
        Instant oldest = now.minus(KEPT);
        List<TrailEvent> out = new ArrayList<>();
        synchronized (events) {
            for (Iterator<TrailEvent> it = events.iterator(); it.hasNext(); ) {
                TrailEvent event = it.next();
                if (event.time().isBefore(oldest)) {
                    break;
                }
                out.add(event);
            }
        }
        return out;
    }

    void clear() {
        byScope.clear();
    }
}
