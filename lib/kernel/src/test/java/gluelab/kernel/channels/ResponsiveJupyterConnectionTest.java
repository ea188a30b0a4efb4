package gluelab.kernel.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * The kernel's connection swaps the base library's polling shell and control channels for blocking ones; if a library
 * update changed what the swap relies on, this says so instead of the kernel quietly getting slower. The protocol
 * itself is proven through jupyter_client by JupyterProtocolTest, which runs on these channels.
 */
class ResponsiveJupyterConnectionTest {

    @Test
    void theShellAndControlChannelsAreTheBlockingOnesAndCloseCleanly() throws Exception {
        JupyterConnection connection = ResponsiveJupyterConnection.open(KernelConnectionProperties.parse("""
                {"transport": "tcp", "ip": "127.0.0.1", "shell_port": %d, "iopub_port": %d, "stdin_port": %d,
                 "control_port": %d, "hb_port": %d, "key": "secret", "signature_scheme": "hmac-sha256"}
                """.formatted(freePort(), freePort(), freePort(), freePort(), freePort())));

        assertThat(connection).isInstanceOfSatisfying(ResponsiveJupyterConnection.class,
                responsive -> assertThat(responsive.usesBlockingChannels()).isTrue());
        connection.connect();
        long closing = System.nanoTime();
        connection.close();
        assertThat((System.nanoTime() - closing) / 1_000_000).as("closing waits for at most one poll").isLessThan(2_000);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
