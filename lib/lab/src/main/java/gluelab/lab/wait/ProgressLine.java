package gluelab.lab.wait;

import gluelab.lab.display.Display;
import gluelab.lab.display.MimeBundle;
import java.io.PrintStream;

/**
 * Where a wait shows its one line of progress. In a notebook (the kernel, the headless runner) the line is one
 * output that is replaced where it stands as the wait goes on ({@code update_display_data}), ticking the time
 * waited; elsewhere (plain Java, tests) each new part of the line is printed once, so a log reads cleanly.
 */
public interface ProgressLine {

    /**
     * The line while waiting: {@code settled} only grows (each state once, as it is first seen); {@code ticking}
     * (the time waited so far) changes on every poll and is worth showing only where the line is redrawn.
     */
    void waiting(String settled, String ticking);

    /** The line as it stays: the wait ended, gave up or was interrupted. */
    void ended(String line);

    /** In place in a notebook, else printed on {@code System.out}. */
    static ProgressLine forThisProcess() {
        return Display.updatesInPlace() ? new InPlace() : printing(System.out);
    }

    static ProgressLine printing(PrintStream out) {
        return new Printed(out);
    }

    /** One display output, updated through its display id. */
    final class InPlace implements ProgressLine {

        private String displayId;
        private String shown;

        @Override
        public void waiting(String settled, String ticking) {
            show(settled + ticking);
        }

        @Override
        public void ended(String line) {
            show(line);
        }

        private void show(String line) {
            if (line.equals(shown)) {
                return;
            }
            if (displayId == null) {
                displayId = Display.display(MimeBundle.text(line));
            } else {
                Display.updateDisplay(displayId, MimeBundle.text(line));
            }
            shown = line;
        }
    }

    /** Prints what was added to the line since last time, and the end of the line once. */
    final class Printed implements ProgressLine {

        private final PrintStream out;
        private String printed = "";

        Printed(PrintStream out) {
            this.out = out;
        }

        @Override
        public void waiting(String settled, String ticking) {
            printNew(settled);
        }

        @Override
        public void ended(String line) {
            printNew(line);
            out.println();
            out.flush();
        }

        private void printNew(String line) {
            if (line.startsWith(printed) && line.length() > printed.length()) {
                out.print(line.substring(printed.length()));
                out.flush();
                printed = line;
            }
        }
    }
}
