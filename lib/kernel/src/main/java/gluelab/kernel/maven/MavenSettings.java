package gluelab.kernel.maven;

import gluelab.lab.packaging.LocalMavenRepository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's Maven set-up that {@code %maven} honours: the local repository ({@code maven.repo.local}, else
 * {@code <localRepository>} of {@code ~/.m2/settings.xml}, else {@code ~/.m2/repository}) and
 * {@code <offline>true</offline>}, under which nothing is fetched from a network (file repositories still are).
 */
public record MavenSettings(Path localRepository, boolean offline, Path settingsFile) {

    private static final Pattern OFFLINE = Pattern.compile("<offline>\\s*true\\s*</offline>");

    public static MavenSettings user() {
        Path settings = Path.of(System.getProperty("user.home"), ".m2", "settings.xml");
        boolean offline = false;
        if (Files.isRegularFile(settings)) {
            try {
                Matcher matcher = OFFLINE.matcher(Files.readString(settings, StandardCharsets.UTF_8));
                offline = matcher.find();
            } catch (IOException e) {
                // Unreadable settings: Maven's defaults, as for the local repository.
            }
        }
        return new MavenSettings(LocalMavenRepository.standard().root(), offline, settings);
    }
}
