package gluelab.kernel.eval;

import gluelab.lab.display.MimeBundle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/** Records a cell's outputs as Jupyter would list them, merging consecutive text of the same stream. */
final class RecordingListener implements CellListener {

    sealed interface Output permits Stream, Displayed, Updated, Result, Failed {
    }

    record Stream(StdStream stream, String text) implements Output {
    }

    record Displayed(MimeBundle bundle, String displayId) implements Output {
    }

    record Updated(String displayId, MimeBundle bundle) implements Output {
    }

    record Result(MimeBundle bundle) implements Output {
    }

    record Failed(CellError error) implements Output {
    }

    final List<Output> outputs = new ArrayList<>();
    /** Released by the cell's first text output: a sign that the cell is running. */
    final CountDownLatch firstOutput = new CountDownLatch(1);

    @Override
    public synchronized void stream(StdStream stream, String text) {
        firstOutput.countDown();
        if (!outputs.isEmpty() && outputs.get(outputs.size() - 1) instanceof Stream last && last.stream() == stream) {
            outputs.set(outputs.size() - 1, new Stream(stream, last.text() + text));
        } else {
            outputs.add(new Stream(stream, text));
        }
    }

    @Override
    public synchronized void display(MimeBundle bundle, String displayId) {
        outputs.add(new Displayed(bundle, displayId));
    }

    @Override
    public synchronized void updateDisplay(String displayId, MimeBundle bundle) {
        outputs.add(new Updated(displayId, bundle));
    }

    @Override
    public synchronized void result(MimeBundle bundle) {
        outputs.add(new Result(bundle));
    }

    @Override
    public synchronized void error(CellError error) {
        outputs.add(new Failed(error));
    }

    String stdout() {
        return text(StdStream.STDOUT);
    }

    String stderr() {
        return text(StdStream.STDERR);
    }

    private String text(StdStream stream) {
        return outputs.stream()
                .filter(o -> o instanceof Stream s && s.stream() == stream)
                .map(o -> ((Stream) o).text())
                .collect(Collectors.joining());
    }

    MimeBundle result() {
        return outputs.stream().filter(o -> o instanceof Result).map(o -> ((Result) o).bundle()).findFirst().orElse(null);
    }

    CellError error() {
        return outputs.stream().filter(o -> o instanceof Failed).map(o -> ((Failed) o).error()).findFirst().orElse(null);
    }
}
