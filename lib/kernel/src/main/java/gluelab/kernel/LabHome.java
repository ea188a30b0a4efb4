package gluelab.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the root of the Glue Pipelines Lab checkout (the directory holding {@code lib/pom.xml},
 * {@code notebooks/} and {@code labs/}): the system property {@value #HOME_PROPERTY}, else the environment
 * variable {@value #HOME_VARIABLE}, else the nearest directory at or above the working directory that has a
 * {@code lib/pom.xml}.
 */
public final class LabHome {

    public static final String HOME_PROPERTY = "gluelab.home";
    public static final String HOME_VARIABLE = "GLUELAB_HOME";

    private LabHome() {
    }

    public static Path locate() {
        return locate(System.getProperty(HOME_PROPERTY), System.getenv(HOME_VARIABLE), Path.of("").toAbsolutePath())
                .orElseThrow(() -> new IllegalStateException("cannot find the Glue Pipelines Lab checkout: set "
                        + HOME_VARIABLE + " or run from inside it (no lib/pom.xml at or above " + Path.of("").toAbsolutePath() + ")"));
    }

    static Optional<Path> locate(String property, String variable, Path workingDirectory) {
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

    public static boolean isLabHome(Path dir) {
        return Files.isRegularFile(dir.resolve("lib").resolve("pom.xml"));
    }
}
