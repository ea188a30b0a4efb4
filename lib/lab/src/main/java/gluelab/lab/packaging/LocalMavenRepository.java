package gluelab.lab.packaging;

import gluelab.lab.LabSetupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local Maven repository ({@code ~/.m2/repository}), where the lab's build leaves the jars of every library it
 * uses. A notebook finds a library's jar there by its coordinates, to upload it for a Glue job's
 * {@code --extra-jars}, without going to the network: {@code jar("org.apache.poi:poi:5.4.1")}. Nothing is
 * resolved transitively; a job needs the jars it names, as on AWS.
 */
public final class LocalMavenRepository {

    private static final Pattern COORDINATES = Pattern.compile("([^:\\s]+):([^:\\s]+):([^:\\s]+)(?::([^:\\s]+))?");
    private static final Pattern LOCAL_REPOSITORY_SETTING = Pattern.compile("<localRepository>\\s*([^<]+?)\\s*</localRepository>");

    private final Path root;

    public LocalMavenRepository(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * Where Maven keeps it on this machine: the {@code maven.repo.local} system property, else the
     * {@code <localRepository>} of {@code ~/.m2/settings.xml}, else {@code ~/.m2/repository}.
     */
    public static LocalMavenRepository standard() {
        Path home = Path.of(System.getProperty("user.home"));
        return new LocalMavenRepository(locate(System.getProperty("maven.repo.local"), home));
    }

    static Path locate(String repoLocalProperty, Path userHome) {
        if (repoLocalProperty != null && !repoLocalProperty.isBlank()) {
            return Path.of(repoLocalProperty.trim());
        }
        Path settings = userHome.resolve(".m2/settings.xml");
        if (Files.isRegularFile(settings)) {
            try {
                Matcher setting = LOCAL_REPOSITORY_SETTING.matcher(Files.readString(settings, StandardCharsets.UTF_8));
                if (setting.find()) {
                    return Path.of(setting.group(1).replace("${user.home}", userHome.toString()));
                }
            } catch (IOException e) {
                // An unreadable settings file is Maven's problem to report; the default location still applies.
            }
        }
        return userHome.resolve(".m2/repository");
    }

    public Path root() {
        return root;
    }

    /**
     * The jar of {@code group:artifact:version} (or {@code group:artifact:version:classifier}), e.g.
     * {@code org.apache.poi:poi-ooxml:5.4.1}; a {@link LabSetupException} saying how to get it when it is not there.
     */
    public Path jar(String coordinates) {
        Matcher parts = COORDINATES.matcher(coordinates == null ? "" : coordinates.trim());
        if (!parts.matches()) {
            throw new IllegalArgumentException("\"" + coordinates + "\" are not Maven coordinates: write "
                    + "group:artifact:version, e.g. org.apache.poi:poi-ooxml:5.4.1");
        }
        String group = parts.group(1);
        String artifact = parts.group(2);
        String version = parts.group(3);
        String classifier = parts.group(4);
        Path folder = root.resolve(group.replace('.', '/')).resolve(artifact).resolve(version);
        Path jar = folder.resolve(artifact + "-" + version + (classifier == null ? "" : "-" + classifier) + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new LabSetupException(coordinates.trim() + " is not in the local Maven repository (no " + jar + "). "
                    + "The lab's build puts there the libraries it declares (lib/lab/pom.xml); if the version differs, "
                    + "use the one the build declares, or fetch this one once, online: mvn dependency:get -Dartifact="
                    + coordinates.trim());
        }
        return jar;
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
