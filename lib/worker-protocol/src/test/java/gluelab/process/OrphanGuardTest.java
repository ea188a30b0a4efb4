package gluelab.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A server whose owner dies without stopping it is ended; one whose owner stops cleanly is left to the owner. */
class OrphanGuardTest {

    @Test
    void aServerIsEndedOnceItsOwnerIsKilled() throws Exception {
        Process owner = new ProcessBuilder("sleep", "600").start();
        Process server = new ProcessBuilder("sleep", "600").start();
        try (OrphanGuard guard = OrphanGuard.guard(server.pid(), owner.pid(), "TERM")) {
            assertThat(server.waitFor(3, TimeUnit.SECONDS)).as("the owner is alive: the server runs on").isFalse();

            owner.destroyForcibly().waitFor();

            assertThat(server.waitFor(10, TimeUnit.SECONDS)).as("ended within the guard's two-second poll").isTrue();
        } finally {
            server.destroyForcibly();
            owner.destroyForcibly();
        }
    }

    @Test
    void aClosedGuardNoLongerEndsTheServer() throws Exception {
        Process owner = new ProcessBuilder("sleep", "600").start();
        Process server = new ProcessBuilder("sleep", "600").start();
        try {
            OrphanGuard.guard(server.pid(), owner.pid(), "TERM").close();
            owner.destroyForcibly().waitFor();

            assertThat(server.waitFor(5, TimeUnit.SECONDS)).as("the owner stopped it, or means to").isFalse();
        } finally {
            server.destroyForcibly();
        }
    }
}
