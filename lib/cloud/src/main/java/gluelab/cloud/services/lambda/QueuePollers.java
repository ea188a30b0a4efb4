package gluelab.cloud.services.lambda;

import gluelab.cloud.clock.ActivityTracker;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.provider.ServiceRoleSessions;
import gluelab.cloud.services.lambda.execution.InvocationMode;
import gluelab.cloud.services.lambda.execution.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The pollers of Lambda's SQS event-source mappings: for each Enabled mapping, threads that long-poll the queue on the
 * wall clock (as Lambda's pollers do), gather up to BatchSize messages within MaximumBatchingWindowInSeconds, invoke
 * the function synchronously with the batch ({@link SqsEvents}) and delete what it processed. A function error leaves
 * the whole batch to come back after the queue's visibility timeout; with ReportBatchItemFailures only the messages
 * it names come back. What keeps failing reaches the dead-letter queue through the queue's own RedrivePolicy.
 *
 * <p>A mapping has as many pollers as its ScalingConfig.MaximumConcurrency allows, at most {@link #MAX_POLLERS} (Lambda
 * starts with five and scales on; Lab Cloud stays at five), so no more batches than that run at once. A FIFO queue's
 * groups stay in order across pollers because SQS holds back a group while one of its messages is in flight.
 */
final class QueuePollers implements AutoCloseable {

    static final int MAX_POLLERS = 5;
    private static final String OK = "OK";
    private static final int LONG_POLL_SECONDS = 20;
    private static final long PROBLEM_BACKOFF_MILLIS = 1_000;
    private static final long STOP_WAIT_MILLIS = 5_000;
    private static final Logger LOG = Logger.getLogger(QueuePollers.class.getName());

    private final Platform platform;
    private final AccountRegionStore<LambdaState> states;
    private final Supplier<InvocationOperations> invocations;
    private final ServiceRoleSessions sessions;
    private final Map<String, MappingPollers> running = new ConcurrentHashMap<>();

    QueuePollers(Platform platform, AccountRegionStore<LambdaState> states, Supplier<InvocationOperations> invocations) {
        this.platform = platform;
        this.states = states;
        this.invocations = invocations;
        this.sessions = new ServiceRoleSessions(platform.roles(), platform.clock(), FunctionOperations.LAMBDA_PRINCIPAL,
                "awslambda_event_source_mapping");
    }

    /** The queue a mapping reads, as the function's role reads it. */
    MappedQueue queue(Arn queueArn, String roleArn) {
        return new MappedQueue(platform.internal(), sessions, queueArn, roleArn);
    }

    /** Starts the pollers of every Enabled mapping: after a restart, the mappings poll again. */
    void resume() {
        for (LambdaState state : states.all().values()) {
            for (EventSourceMappingConfiguration mapping : state.eventSourceMappings.values()) {
                changed(state.scope, mapping);
            }
        }
    }

    /** A mapping was created or changed: its pollers restart with its new settings, or stop when it is disabled. */
    synchronized void changed(Scope scope, EventSourceMappingConfiguration mapping) {
        stop(mapping.uuid());
        if (EventSourceMappingStateMachine.enabled(mapping.state())) {
            MappingPollers pollers = new MappingPollers(scope, mapping);
            running.put(mapping.uuid(), pollers);
            pollers.start();
        }
    }

    /** A mapping was deleted: its pollers stop for good. */
    synchronized void stop(String uuid) {
        MappingPollers pollers = running.remove(uuid);
        if (pollers != null) {
            pollers.stop(false);
        }
    }

    /** How many poller threads are alive: none once every mapping is stopped. */
    int threads() {
        return running.values().stream().mapToInt(MappingPollers::alive).sum();
    }

    @Override
    public synchronized void close() {
        for (String uuid : List.copyOf(running.keySet())) {
            running.remove(uuid).stop(true);
        }
    }

    /** The poller threads of one mapping, with the settings it had when they started. */
    private final class MappingPollers {

        private final Scope scope;
        private final EventSourceMappingConfiguration mapping;
        private final Arn queueArn;
        private final List<Thread> threads = new ArrayList<>();
        /** The pollers waiting on the queue, which a stop wakes; one running a batch finishes it first. */
        private final Set<Thread> receiving = ConcurrentHashMap.newKeySet();
        private volatile boolean stopped;
        private volatile String lastResult;

        MappingPollers(Scope scope, EventSourceMappingConfiguration mapping) {
            this.scope = scope;
            this.mapping = mapping;
            this.queueArn = Arn.parse(mapping.eventSourceArn()).orElseThrow();
            this.lastResult = mapping.lastProcessingResult();
        }

        void start() {
            Integer maximum = mapping.scalingConfig() == null ? null : mapping.scalingConfig().maximumConcurrency();
            int count = Math.min(MAX_POLLERS, maximum == null ? MAX_POLLERS : maximum);
            for (int i = 0; i < count; i++) {
                Thread thread = new Thread(this::poll, "lambda-sqs-poller-" + mapping.uuid() + "-" + i);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        /** Stops polling: a batch being processed finishes, unless Lab Cloud is closing. */
        void stop(boolean closing) {
            stopped = true;
            (closing ? threads : List.copyOf(receiving)).forEach(Thread::interrupt);
            for (Thread thread : threads) {
                try {
                    thread.join(STOP_WAIT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        int alive() {
            return (int) threads.stream().filter(Thread::isAlive).count();
        }

        private void poll() {
            while (!stopped) {
                try {
                    pollOnce();
                } catch (AwsServiceException problem) {
                    lastResult("PROBLEM: " + problem.getMessage());
                    pause();
                } catch (RuntimeException e) {
                    if (!stopped) {
                        LOG.log(Level.WARNING, "The poller of event-source mapping " + mapping.uuid() + " failed", e);
                        pause();
                    }
                }
            }
        }

        private void pollOnce() {
            LambdaState state = states.get(scope);
            FunctionName target = FunctionName.parse("functionName", mapping.functionArn(), null, scope);
            FunctionConfiguration function = state.resolve(target);
            if (function.state() != State.ACTIVE) {
                lastResult("PROBLEM: Function is " + function.stateAsString());
                pause();
                return;
            }
            MappedQueue queue = queue(queueArn, function.role());
            List<Message> batch;
            receiving.add(Thread.currentThread());
            try {
                batch = stopped ? List.of() : gather(queue);
            } finally {
                receiving.remove(Thread.currentThread());
            }
            if (batch.isEmpty() || stopped) {
                return; // a batch received as the mapping stops comes back after the visibility timeout
            }
            byte[] event = SqsEvents.event(batch, queueArn).getBytes(StandardCharsets.UTF_8);
            InvocationResult result;
            try (ActivityTracker.Activity ignored = platform.activity().begin("SQS batch for "
                    + function.functionName())) {
                result = invocations.get().run(state, function, mapping.functionArn(), UUID.randomUUID().toString(),
                        event, InvocationMode.SYNCHRONOUS);
            } catch (AwsServiceException throttled) {
                lastResult("PROBLEM: " + throttled.getMessage());
                pause();
                return;
            } catch (Exception activityNotClosed) {
                throw new IllegalStateException(activityNotClosed);
            }
            if (result.failed()) {
                lastResult("PROBLEM: Function call failed");
                return;
            }
            lastResult(OK);
            boolean reportsItems = mapping.hasFunctionResponseTypes()
                    && mapping.functionResponseTypes().contains(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
            List<Message> processed = reportsItems ? SqsEvents.succeeded(batch, result.payload()) : batch;
            queue.delete(processed);
        }

        /**
         * Up to BatchSize messages: the first long poll waits for one; with a batching window, more are gathered
         * until the window, counted from the first, closes or the batch is full.
         */
        private List<Message> gather(MappedQueue queue) {
            int size = mapping.batchSize();
            List<Message> batch = new ArrayList<>(queue.receive(Math.min(10, size), LONG_POLL_SECONDS));
            int window = mapping.maximumBatchingWindowInSeconds() == null ? 0
                    : mapping.maximumBatchingWindowInSeconds();
            long deadline = System.nanoTime() + window * 1_000_000_000L;
            while (!batch.isEmpty() && batch.size() < size && !stopped) {
                long remaining = (deadline - System.nanoTime()) / 1_000_000;
                if (remaining <= 0) {
                    break;
                }
                int waitSeconds = (int) Math.min(LONG_POLL_SECONDS, remaining / 1000);
                List<Message> more = queue.receive(Math.min(10, size - batch.size()), waitSeconds);
                batch.addAll(more);
                if (more.isEmpty() && waitSeconds == 0 && !sleep(Math.min(remaining, 50))) {
                    break;
                }
            }
            return batch;
        }

        /** Records how the last attempt went ({@code OK}, or the problem) where GetEventSourceMapping shows it. */
        private void lastResult(String result) {
            if (Objects.equals(result, lastResult)) {
                return;
            }
            lastResult = result;
            LambdaState state = states.get(scope);
            synchronized (state) {
                state.eventSourceMappings.update(mapping.uuid(), current -> current == null ? null
                        : current.toBuilder().lastProcessingResult(result).build());
            }
        }

        private void pause() {
            sleep(PROBLEM_BACKOFF_MILLIS);
        }

        private boolean sleep(long millis) {
            try {
                Thread.sleep(millis);
                return true;
            } catch (InterruptedException e) {
                return false; // stopping: the loop sees it
            }
        }
    }
}
