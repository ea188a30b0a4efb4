package gluelab.cloud.events;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.clock.ActivityTracker;
import gluelab.cloud.clock.LabClock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The internal bus between services. Publishing stamps an event with the lab clock and a sequence
 * number, records it on the timeline at once, and delivers it to subscribers in order on one thread,
 * so a subscriber (EventBridge, SQS notifications) never sees events out of order.
 */
public final class EventBus implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventBus.class.getName());

    private final LabClock clock;
    private final ActivityTracker activity;
    private final Timeline timeline;
    private final AtomicLong sequence = new AtomicLong();
    private final List<Consumer<LabEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "lab-event-delivery");
        thread.setDaemon(true);
        return thread;
    });

    public EventBus(LabClock clock, ActivityTracker activity, Timeline timeline) {
        this.clock = clock;
        this.activity = activity;
        this.timeline = timeline;
    }

    public void subscribe(Consumer<LabEvent> subscriber) {
        subscribers.add(subscriber);
    }

    /** Records an API call on the timeline; API calls are not delivered to subscribers. */
    public LabEvent recordApiCall(String account, String region, String service, String operation,
                                  String resource, int status) {
        LabEvent event = new LabEvent(sequence.incrementAndGet(), clock.instant(), account, region, service,
                LabEvent.API, operation, resource, status, null, null);
        timeline.record(event);
        return event;
    }

    /** Publishes an internal event from a service: on the timeline only, as AWS would send it nowhere. */
    public LabEvent publish(String account, String region, String service, String name,
                            String resource, JsonNode detail) {
        return publish(account, region, service, name, resource, detail, null);
    }

    /**
     * Publishes an internal event from a service that AWS would also put on the account's default EventBridge bus
     * ({@code defaultBus} says with which source and resources; null when AWS would not).
     */
    public synchronized LabEvent publish(String account, String region, String service, String name,
                                         String resource, JsonNode detail, DefaultBusEntry defaultBus) {
        LabEvent event = new LabEvent(sequence.incrementAndGet(), clock.instant(), account, region, service,
                LabEvent.EVENT, name, resource, null, detail, defaultBus);
        timeline.record(event);
        if (!subscribers.isEmpty()) {
            ActivityTracker.Activity delivering = activity.begin("deliver " + name);
            delivery.execute(() -> {
                try {
                    for (Consumer<LabEvent> subscriber : subscribers) {
                        try {
                            subscriber.accept(event);
                        } catch (RuntimeException e) {
                            LOG.log(Level.WARNING, "A subscriber failed on " + name, e);
                        }
                    }
                } finally {
                    delivering.close();
                }
            });
        }
        return event;
    }

    @Override
    public void close() {
        delivery.shutdownNow();
    }
}
