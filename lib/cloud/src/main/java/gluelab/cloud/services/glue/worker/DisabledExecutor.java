package gluelab.cloud.services.glue.worker;

import gluelab.glue.protocol.RunCommand;

/** The executor of a Lab Cloud started with {@code --glue-worker off}: every run fails at once, saying why. */
public final class DisabledExecutor implements JobRunExecutor {

    public static final String MESSAGE = "The Glue worker is off in this Lab Cloud (--glue-worker off), so job runs cannot "
            + "execute. Start Lab Cloud with --glue-worker lazy or eager to run Glue jobs.";

    private final WorkerEvents events;

    public DisabledExecutor(WorkerEvents events) {
        this.events = events;
    }

    @Override
    public void submit(RunCommand command) {
        events.lost(command.runId(), MESSAGE);
    }

    @Override
    public void stop(String runId) {
        // Nothing runs here.
    }

    @Override
    public String status() {
        return "off";
    }

    @Override
    public void close() {
    }
}
