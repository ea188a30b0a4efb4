package gluelab.lab.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.lab.LabSetupException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMavenRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void coordinatesNameAJarInMavensLayout() throws Exception {
        Path jar = Files.createDirectories(dir.resolve("org/apache/poi/poi-ooxml/5.4.1")).resolve("poi-ooxml-5.4.1.jar");
        Files.write(jar, new byte[] {1});
        Path sources = jar.resolveSibling("poi-ooxml-5.4.1-sources.jar");
        Files.write(sources, new byte[] {2});
        LocalMavenRepository repository = new LocalMavenRepository(dir);

        assertThat(repository.jar("org.apache.poi:poi-ooxml:5.4.1")).isEqualTo(jar);
        assertThat(repository.jar(" org.apache.poi:poi-ooxml:5.4.1:sources ")).isEqualTo(sources);
    }

    @Test
    void aJarThatIsNotThereIsNamedWithHowToGetIt() {
        LocalMavenRepository repository = new LocalMavenRepository(dir);

        assertThatThrownBy(() -> repository.jar("org.apache.poi:poi:9.9.9"))
                .isInstanceOf(LabSetupException.class)
                .hasMessageContaining("org.apache.poi:poi:9.9.9 is not in the local Maven repository")
                .hasMessageContaining(dir.resolve("org/apache/poi/poi/9.9.9/poi-9.9.9.jar").toString())
                .hasMessageContaining("mvn dependency:get -Dartifact=org.apache.poi:poi:9.9.9");
    }

    @Test
    void somethingThatIsNotCoordinatesIsRefused() {
        LocalMavenRepository repository = new LocalMavenRepository(dir);

        assertThatThrownBy(() -> repository.jar("poi-5.4.1.jar")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write group:artifact:version");
        assertThatThrownBy(() -> repository.jar(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRepositoryIsWhereMavenKeepsIt() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));

        assertThat(LocalMavenRepository.locate(null, home)).isEqualTo(home.resolve(".m2/repository"));
        assertThat(LocalMavenRepository.locate("/opt/m2", home)).isEqualTo(Path.of("/opt/m2"));

        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/settings.xml"), """
                <settings>
                  <localRepository>${user.home}/maven-cache</localRepository>
                </settings>
                """, StandardCharsets.UTF_8);
        assertThat(LocalMavenRepository.locate(null, home)).isEqualTo(home.resolve("maven-cache"));
    }

    /** The build declares POI (for Excel.read), which is what lets notebook 13 upload its jars offline. */
    @Test
    void theBuildLeavesPoisJarsInTheStandardRepository() throws Exception {
        String version = org.apache.poi.Version.getVersion();

        Path jar = LocalMavenRepository.standard().jar("org.apache.poi:poi-ooxml:" + version);

        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getEntry("org/apache/poi/xssf/usermodel/XSSFWorkbook.class")).isNotNull();
        }
    }
}
