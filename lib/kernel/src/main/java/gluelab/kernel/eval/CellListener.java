package gluelab.kernel.eval;

import gluelab.lab.display.MimeBundle;

/**
 * Receives what a cell produces, in the order it happens. The kernel publishes each call as a Jupyter
 * IOPub message; the headless runner appends each as an nbformat output.
 */
public interface CellListener {

    /** Text the cell wrote to {@code System.out} or {@code System.err}. */
    void stream(StdStream stream, String text);

    /** A rich output the cell sent with {@code display(...)}; {@link #updateDisplay} may replace it later. */
    void display(MimeBundle bundle, String displayId);

    /**
     * The cell replaced the output shown under {@code displayId}, by this cell or an earlier one
     * ({@code updateDisplay(id, value)}); it keeps its place.
     */
    void updateDisplay(String displayId, MimeBundle bundle);

    /** The value of the cell's last expression. */
    void result(MimeBundle bundle);

    /** The cell failed; nothing follows. */
    void error(CellError error);

    /** A listener that drops everything: for warming up the evaluator. */
    CellListener IGNORE = new CellListener() {
        @Override
        public void stream(StdStream stream, String text) {
        }

        @Override
        public void display(MimeBundle bundle, String displayId) {
        }

        @Override
        public void updateDisplay(String displayId, MimeBundle bundle) {
        }

        @Override
        public void result(MimeBundle bundle) {
        }

        @Override
        public void error(CellError error) {
        }
    };
}
