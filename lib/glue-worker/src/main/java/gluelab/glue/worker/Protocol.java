package gluelab.glue.worker;

import java.io.PrintStream;

import gluelab.glue.protocol.GlueEvent;

/**
 * The worker's side of the protocol: one {@link GlueEvent} per line on the process's real stdout, which
 * nothing else may write to (job output is captured and sent as {@link GlueEvent.Log} events).
 */
final class Protocol {

    private final PrintStream stdout;

    Protocol(PrintStream stdout) {
        this.stdout = stdout;
    }

    void send(GlueEvent event) {
        String line = GlueEvent.LINES.write(event);
        synchronized (stdout) {
            stdout.print(line);
            stdout.print('\n');
            stdout.flush();
        }
    }
}
