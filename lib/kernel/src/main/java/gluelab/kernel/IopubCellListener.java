package gluelab.kernel;

import gluelab.kernel.eval.CellError;
import gluelab.kernel.eval.CellListener;
import gluelab.kernel.eval.StdStream;
import gluelab.lab.display.MimeBundle;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishDisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishError;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteResult;
import io.github.spencerpark.jupyter.messages.publish.PublishStream;
import io.github.spencerpark.jupyter.messages.publish.PublishUpdateDisplayData;

/**
 * Publishes a cell's outputs on IOPub as they happen, in reply to one execute request. Once closed it
 * publishes nothing more: the execute reply must be the last word on a request.
 */
final class IopubCellListener implements CellListener {

    private final ShellReplyEnvironment env;
    private final int executionCount;
    private boolean closed;

    IopubCellListener(ShellReplyEnvironment env, int executionCount) {
        this.env = env;
        this.executionCount = executionCount;
    }

    @Override
    public synchronized void stream(StdStream stream, String text) {
        if (!closed) {
            env.publish(new PublishStream(stream == StdStream.STDOUT ? PublishStream.StreamType.OUT : PublishStream.StreamType.ERR, text));
        }
    }

    @Override
    public synchronized void display(MimeBundle bundle, String displayId) {
        if (!closed) {
            env.publish(new PublishDisplayData(toDisplayData(bundle, displayId)));
        }
    }

    @Override
    public synchronized void updateDisplay(String displayId, MimeBundle bundle) {
        if (!closed) {
            env.publish(new PublishUpdateDisplayData(toDisplayData(bundle, displayId)));
        }
    }

    @Override
    public synchronized void result(MimeBundle bundle) {
        if (!closed) {
            env.publish(new PublishExecuteResult(executionCount, toDisplayData(bundle)));
        }
    }

    @Override
    public synchronized void error(CellError error) {
        if (!closed) {
            env.publish(new PublishError(error.ename(), error.evalue(), error.traceback()));
        }
    }

    synchronized void close() {
        closed = true;
    }

    static DisplayData toDisplayData(MimeBundle bundle) {
        DisplayData data = new DisplayData();
        bundle.data().forEach(data::putData);
        bundle.metadata().forEach(data::putMetaData);
        return data;
    }

    /** The bundle, carrying {@code displayId} in the message's transient part, where Jupyter looks for it. */
    static DisplayData toDisplayData(MimeBundle bundle, String displayId) {
        DisplayData data = toDisplayData(bundle);
        if (displayId != null) {
            data.setDisplayId(displayId);
        }
        return data;
    }
}
