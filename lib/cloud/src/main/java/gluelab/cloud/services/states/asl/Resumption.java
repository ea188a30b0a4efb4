package gluelab.cloud.services.states.asl;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Something a branch waits for (a timer, a Glue run's end, a child execution, other branches), completed by another
 * thread. The completer counts the waiting branch as running again before it completes, so the execution's
 * {@link Progress} never reads "all waiting" while a branch is about to run. The first completion wins; a stop or a
 * timeout completes it with an error.
 */
public final class Resumption<T> {

    private final Progress progress;
    private final CompletableFuture<T> future = new CompletableFuture<>();
    private volatile boolean awaited;

    public Resumption(Progress progress) {
        this.progress = progress;
    }

    /** Completes it with {@code value}; false when it was already complete. */
    public boolean resume(T value) {
        progress.running();
        if (future.complete(value)) {
            return true;
        }
        progress.stopped();
        return false;
    }

    /** Completes it with {@code error}, which {@link #await} throws; false when it was already complete. */
    public boolean fail(RuntimeException error) {
        progress.running();
        if (future.completeExceptionally(error)) {
            return true;
        }
        progress.stopped();
        return false;
    }

    /**
     * Gives up on a resumption that was never awaited (the waiter found what it wanted without waiting): if someone
     * completed it meanwhile, counting the waiter as running, that count is taken back.
     */
    public void abandon() {
        if (awaited) {
            return;
        }
        if (!future.completeExceptionally(new IllegalStateException("abandoned"))) {
            progress.stopped();
        }
    }

    /** Waits, not counted as running, until it is completed; throws what it was failed with. */
    public T await() {
        awaited = true;
        progress.stopped();
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StatesError.runtime("The execution was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
