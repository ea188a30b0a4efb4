package gluelab.cloud.services.rds;

import java.util.List;

/** The PostgreSQL server processes on this machine, found by the port they were started on. */
final class PostgresProcesses {

    private PostgresProcesses() {
    }

    static List<ProcessHandle> listeningOn(int port) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .filter(process -> process.info().arguments()
                        .map(arguments -> List.of(arguments).contains(Integer.toString(port))).orElse(false))
                .toList();
    }

    /** Waits up to 15 seconds for the server on {@code port} to exit, and says whether it did. */
    static void awaitGone(int port) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!listeningOn(port).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
    }
}
