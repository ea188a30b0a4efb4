package gluelab.kernel.install;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where Jupyter looks for a user's kernelspecs, following jupyter_core's rules: the first entry of
 * {@code JUPYTER_PATH}, else {@code JUPYTER_DATA_DIR}, else the platform's user data directory
 * ({@code ~/.local/share/jupyter} or {@code $XDG_DATA_HOME/jupyter} on Linux, {@code ~/Library/Jupyter} on
 * macOS, {@code %APPDATA%\jupyter} on Windows); kernels live in its {@code kernels/} subdirectory.
 */
final class KernelspecDirectory {

    private KernelspecDirectory() {
    }

    static Path forKernel(String kernelName, Map<String, String> environment, String osName, Path userHome) {
        return jupyterDataDirectory(environment, osName, userHome).resolve("kernels").resolve(kernelName);
    }

    static Path jupyterDataDirectory(Map<String, String> environment, String osName, Path userHome) {
        String jupyterPath = environment.get("JUPYTER_PATH");
        if (jupyterPath != null && !jupyterPath.isBlank()) {
            for (String entry : jupyterPath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    return Path.of(entry);
                }
            }
        }
        String dataDir = environment.get("JUPYTER_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir);
        }
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.contains("mac") || os.contains("darwin")) {
            return userHome.resolve("Library").resolve("Jupyter");
        }
        if (os.contains("win")) {
            String appData = environment.get("APPDATA");
            return (appData != null ? Path.of(appData) : userHome.resolve("AppData").resolve("Roaming")).resolve("jupyter");
        }
        String xdgDataHome = environment.get("XDG_DATA_HOME");
        Path dataHome = xdgDataHome != null && !xdgDataHome.isBlank() ? Path.of(xdgDataHome) : userHome.resolve(".local").resolve("share");
        return dataHome.resolve("jupyter");
    }
}
