package gluelab.kernel;

import gluelab.kernel.channels.ResponsiveJupyterConnection;
import gluelab.kernel.eval.CellError;
import gluelab.kernel.eval.CellListener;
import gluelab.kernel.eval.Completion;
import gluelab.kernel.eval.JavaSession;
import gluelab.kernel.eval.StdStream;
import gluelab.lab.display.MimeBundle;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteInput;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;
import io.github.spencerpark.jupyter.messages.reply.ExecuteReply;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The "Java (Glue Lab)" kernel: Jupyter's messages, answered by a {@link JavaSession}. The session may still
 * be warming up when the first request arrives; requests wait for it.
 *
 * <p>Execute requests are handled here rather than by the base kernel, so outputs stream out while a cell runs
 * and errors carry the exception's own name and message.
 */
final class JavaKernel extends BaseKernel {

    private static final Logger LOG = Logger.getLogger(JavaKernel.class.getName());
    private static final long LIVE_OUTPUT_FLUSH_MILLIS = 200;

    private final CompletableFuture<JavaSession> session;
    /**
     * A cell failed with {@code stop_on_error}: the execute requests already queued behind it (Run All) are aborted
     * until the shell's queue is empty, as ipykernel does. Needs the blocking shell channel, which says when that is.
     */
    private volatile boolean aborting;
    private volatile boolean abortsQueuedRequests;
    private final ScheduledExecutorService outputFlusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-output-flusher");
        thread.setDaemon(true);
        return thread;
    });
    private final LanguageInfo languageInfo = new LanguageInfo(
            "java", Runtime.version().toString(), "text/x-java-source", ".jshell", "java", "java", null);

    JavaKernel(CompletableFuture<JavaSession> session) {
        this.session = session;
        // Cell output is captured by the session for the whole process; the base kernel must not swap streams.
        setShouldReplaceStdStreams(false);
    }

    private JavaSession session() {
        return session.join();
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.EXECUTE_REQUEST, this::handleExecuteRequest);
        if (connection instanceof ResponsiveJupyterConnection responsive && responsive.usesBlockingChannels()) {
            responsive.whenShellQueueEmpty(() -> aborting = false);
            abortsQueuedRequests = true;
        }
    }

    private synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        if (aborting) {
            // Run All queued this cell before one above it failed: it is not run, as ipykernel does (stop_on_error).
            env.setBusyDeferIdle();
            env.defer().reply(new AbortedExecuteReply());
            return;
        }
        int count = request.isSilent() ? executionCount.get() : executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        // A silent request (a frontend probing state) is not broadcast: no input, no outputs on IOPub.
        if (!request.isSilent()) {
            env.publish(new PublishExecuteInput(request.getCode(), count));
        }

        IopubCellListener listener = new IopubCellListener(env, count);
        if (request.isSilent()) {
            listener.close();
        }
        JavaSession javaSession;
        try {
            javaSession = session();
        } catch (CompletionException | CancellationException e) {
            CellError failure = startupFailure(e);
            listener.error(failure);
            replyError(env, count, failure);
            return;
        }
        ScheduledFuture<?> liveOutput = outputFlusher.scheduleAtFixedRate(javaSession.outputCapture()::flush,
                LIVE_OUTPUT_FLUSH_MILLIS, LIVE_OUTPUT_FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        Optional<CellError> error;
        try {
            error = javaSession.execute(count, request.getCode(), listener);
        } catch (RuntimeException bug) {
            // A fault of the kernel itself still gets an answer, or the frontend would wait forever.
            LOG.log(Level.SEVERE, "executing a cell failed inside the kernel", bug);
            CellError failure = new CellError("KernelError", String.valueOf(bug), List.of("KernelError: " + bug));
            listener.error(failure);
            error = Optional.of(failure);
        } finally {
            liveOutput.cancel(false);
            listener.close();
        }
        if (error.isEmpty()) {
            env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
        } else {
            aborting = request.shouldStopOnError() && abortsQueuedRequests;
            replyError(env, count, error.get());
        }
    }

    private static void replyError(ShellReplyEnvironment env, int count, CellError error) {
        ErrorReply reply = new ErrorReply(error.ename(), error.evalue(), error.traceback());
        reply.setExecutionCount(count);
        env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
    }

    /** The Java session could not start (a broken class path, say): every cell says so instead of hanging. */
    private static CellError startupFailure(RuntimeException wrapper) {
        Throwable cause = wrapper.getCause() != null ? wrapper.getCause() : wrapper;
        String evalue = "the Java session did not start: " + cause;
        return new CellError("KernelStartupError", evalue, List.of("KernelStartupError: " + evalue,
                "Restart the kernel; the kernel log in the temp directory (gluelab-kernel-*.log) has the details."));
    }

    /** Only reached by callers of the base API; Jupyter's execute requests go through {@link #handleExecuteRequest}. */
    @Override
    public DisplayData eval(String code) throws Exception {
        DisplayData[] result = new DisplayData[1];
        Optional<CellError> error = session().execute(executionCount.get(), code, new CellListener() {
            @Override
            public void stream(StdStream stream, String text) {
                getIO().out.print(text);
            }

            @Override
            public void display(MimeBundle bundle, String displayId) {
                JavaKernel.this.display(IopubCellListener.toDisplayData(bundle, displayId));
            }

            @Override
            public void updateDisplay(String displayId, MimeBundle bundle) {
                getIO().display.updateDisplay(displayId, IopubCellListener.toDisplayData(bundle));
            }

            @Override
            public void result(MimeBundle bundle) {
                result[0] = IopubCellListener.toDisplayData(bundle);
            }

            @Override
            public void error(CellError cellError) {
            }
        });
        if (error.isPresent()) {
            throw new IllegalStateException(error.get().ename() + ": " + error.get().evalue());
        }
        return result[0];
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        Completion completion = session().complete(code, at);
        return new ReplacementOptions(completion.matches(), completion.start(), completion.end());
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return session().inspect(code, at).map(DisplayData::new).orElse(null);
    }

    @Override
    public String isComplete(String code) {
        return switch (session().completeness(code)) {
            case COMPLETE -> IS_COMPLETE_YES;
            case INCOMPLETE -> "";
            case INVALID -> IS_COMPLETE_BAD;
        };
    }

    @Override
    public void interrupt() {
        session.thenAccept(JavaSession::interrupt);
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        outputFlusher.shutdownNow();
        session.thenAccept(JavaSession::close);
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (Glue Lab kernel, JShell in-process)";
    }

    @Override
    public List<LanguageInfo.Help> getHelpLinks() {
        return List.of(new LanguageInfo.Help("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/"));
    }
}
