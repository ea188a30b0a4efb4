package gluelab.cloud.events;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.clock.ActivityTracker;
import gluelab.cloud.clock.LabClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
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
    private final List<Consumer<ApiCall>> apiCallSubscribers = new CopyOnWriteArrayList<>();
    private volatile Thread deliveryThread;
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "lab-event-delivery");
        thread.setDaemon(true);
        deliveryThread = thread;
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

    /** Subscribes to every API call a service answered, in the order they were answered (CloudTrail). */
    public void subscribeToApiCalls(Consumer<ApiCall> subscriber) {
        apiCallSubscribers.add(subscriber);
    }

    /** Records a call that reached no service on the timeline; no subscriber hears of it. */
    public LabEvent recordApiCall(String account, String region, String service, String operation,
                                  String resource, int status) {
        LabEvent event = new LabEvent(sequence.incrementAndGet(), clock.instant(), account, region, service,
                LabEvent.API, operation, resource, status, null, null);
        timeline.record(event);
        return event;
    }

    /**
     * Records an API call a service answered on the timeline, and delivers it to the API-call subscribers in order,
     * on the thread that delivers events, after the caller has had its answer.
     */
    public LabEvent recordApiCall(ApiCall call) {
        LabEvent event = recordApiCall(call.account(), call.region(), call.service(), call.operation(), call.resource(),
                call.status());
        if (!apiCallSubscribers.isEmpty()) {
            ActivityTracker.Activity delivering = activity.begin("record " + call.operation());
            delivery.execute(() -> {
                try {
                    for (Consumer<ApiCall> subscriber : apiCallSubscribers) {
                        try {
                            subscriber.accept(call);
                        } catch (RuntimeException e) {
                            LOG.log(Level.WARNING, "A subscriber failed on the API call " + call.operation(), e);
                        }
                    }
                } finally {
                    delivering.close();
                }
            });
        }
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

    /**
     * Waits, at most {@code timeout}, until everything published or recorded before this call has reached the
     * subscribers: for work on the lab clock that must see what clients already did (a CloudTrail log file includes
     * the calls answered before it is written).
     *
     * @return whether everything was delivered in time
     */
    public boolean awaitDelivered(Duration timeout) {
        if (Thread.currentThread() == deliveryThread) {
            return true;
        }
        CountDownLatch delivered = new CountDownLatch(1);
        try {
            delivery.execute(delivered::countDown);
            return delivered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        delivery.shutdownNow();
    }
}
