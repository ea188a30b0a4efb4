package gluelab.cli;

import gluelab.kernel.install.KernelspecInstaller;
import gluelab.lab.LabSettings;
import gluelab.lab.targets.LabCloudLauncher;
import gluelab.lab.targets.Target;
import gluelab.lab.targets.TargetConfig;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./lab up [--port N] [--no-browser] [--jupyter lab|notebook] [Jupyter's own options]}: Lab Cloud running
 * (for the embedded target), the kernel installed, then Jupyter on the notebooks, on loopback only: JupyterLab
 * when it is installed (conda), otherwise Debian's and Ubuntu's Jupyter Notebook ({@code apt-get install
 * jupyter-notebook}); {@code --jupyter} picks one.
 * Once the server answers, the URL with its token is printed on a line of its own, {@value #URL_LINE}URL.
 */
final class UpCommand {

    /** What starts the line with the URL: scripts and the browser test read the URL from it. */
    static final String URL_LINE = "lab: Jupyter is at ";

    /** Jupyter Server and Notebook 6 both log the URL they serve, with the token, once they listen. */
    private static final Pattern SERVED_URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/\\S*\\?token=[0-9a-f]+)");

    /** The Jupyters {@code ./lab up} can start, in the order it prefers them. */
    enum Jupyter {
        // jupyter-lab, not jupyter: Debian's jupyter-core has the "jupyter" command without JupyterLab.
        JUPYTERLAB("jupyter-lab", "JupyterLab"),
        NOTEBOOK("jupyter-notebook", "Jupyter Notebook");

        final String program;
        final String displayName;

        Jupyter(String program, String displayName) {
            this.program = program;
            this.displayName = displayName;
        }
    }

    private final Path home;

    UpCommand(Path home) {
        this.home = home;
    }

    int run(String[] arguments) throws Exception {
        Options options = Options.parse(arguments);
        TargetConfig target = TargetConfig.fromEnvironment(LabSettings.current());
        if (target.target() == Target.EMBEDDED) {
            LabCloudLauncher.forHome(gluelab.lab.LabHome.installation()).ensureRunning(target.endpoint(), System.out);
            System.out.println("Lab Cloud answers at " + target.endpoint() + " (./lab status tells how it is; ./lab stop stops it)");
        } else {
            System.out.println("Target " + target.target().name().toLowerCase() + ": Lab Cloud is not started.");
        }
        Path kernel = KernelspecInstaller.install(home);
        System.out.println("Installed the \"" + KernelspecInstaller.DISPLAY_NAME + "\" kernel in " + kernel);
        Optional<Found> jupyter = find(options.jupyter());
        if (jupyter.isEmpty() && options.jupyter() != null) {
            throw new IllegalStateException(options.jupyter().program + " is not on the PATH");
        }
        if (jupyter.isEmpty()) {
            System.out.println("Jupyter is not installed. On Debian or Ubuntu: sudo apt-get install jupyter-notebook; "
                    + "with conda: conda env create -f environment.yml && conda activate glue-lab. Then run ./lab up again, "
                    + "or open the notebooks in any Jupyter with the \"" + KernelspecInstaller.DISPLAY_NAME + "\" kernel.");
            return 0;
        }
        List<String> command = command(jupyter.get().path(), options);
        System.out.println("Starting " + jupyter.get().kind().displayName + ": " + String.join(" ", command));
        Process process = new ProcessBuilder(command).directory(home.toFile())
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .start();
        // Stopping ./lab (Ctrl-C twice, or a test ending it) stops Jupyter and, through it, its kernels.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-jupyter"));
        relayLog(process, System.out);
        return process.waitFor();
    }

    /** Jupyter's command line: on loopback, on the notebooks (unless told another folder), as asked. */
    List<String> command(Path program, Options options) {
        List<String> command = new ArrayList<>(List.of(program.toString(), "--ip=127.0.0.1"));
        if (options.port() != null) {
            // A port asked for is that port or an error, never the next free one with a URL nobody expects.
            command.add("--port=" + options.port());
            command.add("--port-retries=0");
        }
        if (options.noBrowser()) {
            command.add("--no-browser");
        }
        if ("root".equals(System.getProperty("user.name"))) {
            // Containers and CI machines run as root, which Jupyter refuses unless told; it still listens on loopback only.
            command.add("--allow-root");
        }
        if (options.jupyterArguments().stream().noneMatch(argument -> argument.startsWith("--notebook-dir"))) {
            command.add("--notebook-dir=" + home.resolve("notebooks"));
        }
        command.addAll(options.jupyterArguments());
        return command;
    }

    /**
     * Copies Jupyter's log (its stderr) to {@code out}, and prints the URL with its token on a line of its own
     * as soon as the server logs it: that is the moment it listens.
     */
    static void relayLog(Process process, PrintStream out) throws IOException {
        boolean announced = false;
        try (BufferedReader log = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = log.readLine(); line != null; line = log.readLine()) {
                out.println(line);
                Optional<String> url = servedUrl(line);
                if (!announced && url.isPresent()) {
                    out.println(URL_LINE + url.get());
                    out.flush();
                    announced = true;
                }
            }
        }
    }

    static Optional<String> servedUrl(String logLine) {
        Matcher matcher = SERVED_URL.matcher(logLine);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    record Found(Jupyter kind, Path path) {
    }

    /** The Jupyter asked for, else the first one installed. */
    static Optional<Found> find(Jupyter wanted) {
        for (Jupyter kind : wanted == null ? List.of(Jupyter.values()) : List.of(wanted)) {
            Path path = findOnPath(kind.program);
            if (path != null) {
                return Optional.of(new Found(kind, path));
            }
        }
        return Optional.empty();
    }

    /** {@code ./lab up}'s own options; anything else goes to Jupyter. */
    record Options(Integer port, boolean noBrowser, Jupyter jupyter, List<String> jupyterArguments) {

        static Options parse(String[] arguments) {
            Integer port = null;
            boolean noBrowser = false;
            Jupyter jupyter = null;
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < arguments.length; i++) {
                String argument = arguments[i];
                if (argument.equals("--no-browser")) {
                    noBrowser = true;
                } else if (argument.equals("--port") || argument.startsWith("--port=")) {
                    String value = argument.equals("--port") ? (i + 1 < arguments.length ? arguments[++i] : "") : argument.substring(7);
                    port = port(value);
                } else if (argument.equals("--jupyter") || argument.startsWith("--jupyter=")) {
                    String value = argument.equals("--jupyter") ? (i + 1 < arguments.length ? arguments[++i] : "") : argument.substring(10);
                    jupyter = switch (value) {
                        case "lab" -> Jupyter.JUPYTERLAB;
                        case "notebook" -> Jupyter.NOTEBOOK;
                        default -> throw new IllegalArgumentException("--jupyter wants lab or notebook, not \"" + value + "\"");
                    };
                } else {
                    rest.add(argument);
                }
            }
            return new Options(port, noBrowser, jupyter, List.copyOf(rest));
        }

        private static int port(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port > 0 && port < 65536) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // Said below.
            }
            throw new IllegalArgumentException("--port wants a port number (1 to 65535), not \"" + value + "\"");
        }
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
