package gluelab.cli;

import gluelab.kernel.install.KernelspecInstaller;
import gluelab.lab.LabSettings;
import gluelab.lab.targets.LabCloudLauncher;
import gluelab.lab.targets.Target;
import gluelab.lab.targets.TargetConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./lab up}: Lab Cloud running (for the embedded target), the kernel installed, then JupyterLab on
 * the notebooks if it is installed. Extra arguments go to JupyterLab.
 */
final class UpCommand {

    private final Path home;

    UpCommand(Path home) {
        this.home = home;
    }

    int run(String[] jupyterArguments) throws Exception {
        TargetConfig target = TargetConfig.fromEnvironment(LabSettings.current());
        if (target.target() == Target.EMBEDDED) {
            LabCloudLauncher.forHome(gluelab.lab.LabHome.installation()).ensureRunning(target.endpoint(), System.out);
            System.out.println("Lab Cloud answers at " + target.endpoint() + " (./lab status tells how it is; ./lab stop stops it)");
        } else {
            System.out.println("Target " + target.target().name().toLowerCase() + ": Lab Cloud is not started.");
        }
        Path kernel = KernelspecInstaller.install(home);
        System.out.println("Installed the \"" + KernelspecInstaller.DISPLAY_NAME + "\" kernel in " + kernel);
        // jupyter-lab, not jupyter: Debian's jupyter-core has the "jupyter" command without JupyterLab.
        Path jupyter = findOnPath("jupyter-lab");
        if (jupyter == null) {
            System.out.println("JupyterLab is not installed. Install it (conda env create -f environment.yml; "
                    + "conda activate glue-lab) and run ./lab up again, or open the notebooks in any Jupyter with the "
                    + "\"" + KernelspecInstaller.DISPLAY_NAME + "\" kernel.");
            return 0;
        }
        List<String> command = new ArrayList<>(List.of(jupyter.toString(), "--notebook-dir=" + home.resolve("notebooks")));
        command.addAll(List.of(jupyterArguments));
        System.out.println("Starting JupyterLab: " + String.join(" ", command));
        return new ProcessBuilder(command).directory(home.toFile()).inheritIO().start().waitFor();
    }

    private static Path findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
