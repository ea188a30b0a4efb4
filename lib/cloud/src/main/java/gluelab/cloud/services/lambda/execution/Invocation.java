package gluelab.cloud.services.lambda.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/** One invocation, from the moment it is handed to an environment to its result: the pool's unit of work. */
final class Invocation {

    final String requestId;
    final FunctionSetup setup;
    /** The ARN the caller named, as the handler's context sees it. */
    final String invokedArn;
    final byte[] payload;
    final boolean tail;
    final InvocationMode mode;
    final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
    /** The handler's output lines, as the environment printed them while this invocation ran. */
    final List<String> lines = new ArrayList<>();
    volatile long startedNanos;
    volatile long startedMillis;
    volatile boolean timedOut;
    /** Set by whatever ends the invocation first (its result, an error, a timeout, a lost runtime). */
    final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
    volatile ScheduledFuture<?> timeout;

    Invocation(String requestId, FunctionSetup setup, String invokedArn, byte[] payload, InvocationMode mode) {
        this.requestId = requestId;
        this.setup = setup;
        this.invokedArn = invokedArn;
        this.payload = payload;
        this.mode = mode;
        this.tail = mode.tail();
    }
}
