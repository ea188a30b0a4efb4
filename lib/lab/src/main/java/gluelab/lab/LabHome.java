package gluelab.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the root of the Glue Pipelines Lab checkout: the directory holding {@code lib/pom.xml},
 * {@code notebooks/}, {@code labs/} and {@code data/}. It is the system property {@value #HOME_PROPERTY},
 * else the environment variable {@value #HOME_VARIABLE}, else the nearest directory at or above the
 * working directory that has a {@code lib/pom.xml}. The kernel and the command line use it too.
 */
public final class LabHome {

    public static final String HOME_PROPERTY = "gluelab.home";
    public static final String HOME_VARIABLE = "GLUELAB_HOME";

    private LabHome() {
    }

    /** The checkout this JVM works in; a clear error if there is none. */
    public static Path locate() {
        Path workingDirectory = Path.of("").toAbsolutePath();
        return locate(System.getProperty(HOME_PROPERTY), System.getenv(HOME_VARIABLE), workingDirectory)
                .orElseThrow(() -> new LabSetupException("Cannot find the Glue Pipelines Lab checkout: set "
                        + HOME_VARIABLE + " to it, or start from inside it (there is no lib/pom.xml at or above "
                        + workingDirectory + ")."));
    }

    /** The checkout named by {@code property} or {@code variable} (in that order), else found above {@code workingDirectory}. */
    public static Optional<Path> locate(String property, String variable, Path workingDirectory) {
        for (String explicit : new String[] {property, variable}) {
            if (explicit != null && !explicit.isBlank()) {
                return Optional.of(Path.of(explicit).toAbsolutePath().normalize());
            }
        }
        for (Path dir = workingDirectory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (isLabHome(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * The checkout whose {@code lib/} holds the code running now: where the built Lab Cloud, Glue worker and
     * runtime are. It is usually {@link #locate()}, but not when grading a learner edition, which has its own
     * {@code notebooks/} and {@code labs/} and no {@code lib/}.
     */
    public static Path installation() {
        try {
            Path code = Path.of(LabHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = code.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (isLabHome(dir)) {
                    return dir;
                }
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // Fall through: code loaded from somewhere unusual.
        }
        return locate();
    }

    public static boolean isLabHome(Path dir) {
        return Files.isRegularFile(dir.resolve("lib").resolve("pom.xml"));
    }
}
