package gluelab.kernel;

import gluelab.kernel.channels.ResponsiveJupyterConnection;
import gluelab.kernel.eval.CellListener;
import gluelab.kernel.eval.JavaSession;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * What a kernel does up to its first result, once, so that a JVM started with {@code -XX:ArchiveClassesAtExit}
 * archives those classes ({@link gluelab.kernel.install.KernelClassArchive}): the Java session warmed up and a first
 * cell with a result, the kernel bound to loopback sockets and closed again. Exits 0 when all went well.
 */
public final class KernelTraining {

    private KernelTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path workingDirectory = Files.createTempDirectory("gluelab-kernel-training-");
        try (JavaSession session = JavaSession.start(workingDirectory).warmUp()) {
            if (session.execute(1, "1 + 1", CellListener.IGNORE).isPresent()) {
                System.exit(1);
            }
            JavaKernel kernel = new JavaKernel(CompletableFuture.completedFuture(session));
            JupyterConnection sockets = ResponsiveJupyterConnection.open(KernelConnectionProperties.parse(connectionJson()));
            kernel.becomeHandlerForConnection(sockets);
            sockets.connect();
            sockets.close();
        } finally {
            try {
                Files.deleteIfExists(workingDirectory);
            } catch (java.io.IOException e) {
                // a temporary directory the session wrote into: harmless
            }
        }
        System.exit(0);
    }

    private static String connectionJson() throws Exception {
        return "{\"transport\":\"tcp\",\"ip\":\"127.0.0.1\",\"signature_scheme\":\"hmac-sha256\",\"key\":\""
                + UUID.randomUUID() + "\",\"shell_port\":" + freePort() + ",\"iopub_port\":" + freePort()
                + ",\"stdin_port\":" + freePort() + ",\"control_port\":" + freePort() + ",\"hb_port\":" + freePort() + "}";
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
