package gluelab.kernel.maven;

import gluelab.kernel.eval.ProcessClasspath;
import gluelab.kernel.testing.Fixtures;
import gluelab.kernel.testing.PreparedMavenRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Maven Resolver against repositories on disk, with Maven set to offline: every test here would fail if it needed
 * the network.
 */
class MavenDependenciesTest {

    private static final String LAB_SDK = Fixtures.labRuntime("awssdk.version");
    private static final String LAB_JACKSON = Fixtures.kernelJarVersion("jackson-databind");

    @TempDir
    Path directory;
    private PreparedMavenRepository local;
    private MavenDependencies dependencies;

    @BeforeEach
    void offlineWithAPreparedLocalRepository() {
        local = PreparedMavenRepository.localWithTestLibraries(directory.resolve("local"), LAB_SDK);
        dependencies = new MavenDependencies(new MavenSettings(local.root(), true, directory.resolve("settings.xml")),
                LabClasspath.of(ProcessClasspath.entries()));
    }

    @AfterEach
    void close() {
        dependencies.close();
    }

    @Test
    void anArtifactComesWithItsRuntimeDependenciesFromTheLocalRepository() throws Exception {
        Resolution resolution = dependencies.resolve(List.of("gluelab.test:greeter:1.0"));

        assertEquals(List.of("gluelab.test:greeter:1.0", "gluelab.test:greeting-words:1.0"),
                resolution.added().stream().map(ResolvedArtifact::coordinates).toList());
        ResolvedArtifact words = resolution.added().get(1);
        assertEquals("gluelab.test:greeter:1.0", words.neededBy());
        assertEquals("local repository", words.origin());
        assertTrue(Files.isRegularFile(words.file()) && words.file().startsWith(local.root()), words.file()::toString);
    }

    @Test
    void anArtifactAddedOnceIsAlreadyPresentTheSecondTime() throws Exception {
        dependencies.resolve(List.of("gluelab.test:greeting-words:1.0"));

        Resolution again = dependencies.resolve(List.of("gluelab.test:greeter:1.0"));

        assertEquals(List.of("gluelab.test:greeter:1.0"), again.added().stream().map(ResolvedArtifact::coordinates).toList());
        assertEquals(List.of("gluelab.test:greeting-words:1.0"), again.alreadyPresent().stream().map(ResolvedArtifact::coordinates).toList());
    }

    @Test
    void anUnknownArtifactNamesItsCoordinatesAndEveryPlaceThatWasOrWasNotSearched() {
        MavenException error = assertThrows(MavenException.class, () -> dependencies.resolve(List.of("gluelab.test:nothing:9.9")));

        assertEquals("gluelab.test:nothing:9.9 was not found. Looked in the local repository " + local.root()
                + ". Maven is offline (<offline>true</offline> in " + directory.resolve("settings.xml")
                + "), so central (https://repo.maven.apache.org/maven2/) was not searched.", error.getMessage());
    }

    @Test
    void aRepositoryOnDiskIsSearchedEvenOffline() throws Exception {
        PreparedMavenRepository team = PreparedMavenRepository.remoteWith(directory.resolve("team"), "gluelab.test:team-tool:1.0",
                "TeamTool", "ship it");
        dependencies.addRepository("team", team.uri().toString());

        Resolution resolution = dependencies.resolve(List.of("gluelab.test:team-tool:1.0"));

        ResolvedArtifact tool = resolution.added().get(0);
        assertEquals("downloaded from team (" + team.uri() + ")", tool.origin());
        assertTrue(tool.file().startsWith(local.root()), "a downloaded jar lands in the local repository: " + tool.file());
    }

    @Test
    void aSecondScalaLibraryIsRefusedSayingWhatItBreaksAndNothingIsAdded() {
        MavenException error = assertThrows(MavenException.class, () -> dependencies.resolve(List.of("gluelab.test:scala-tool:1.0")));

        assertTrue(error.getMessage().startsWith("org.scala-lang:scala-library:2.13.14 (needed by gluelab.test:scala-tool:1.0) "
                + "is a second Scala library: Glue 5.0's Spark, and the lab's Glue worker, run on Scala " + Fixtures.labRuntime("scala.version") + "."),
                error.getMessage());
        assertTrue(error.getMessage().contains("deserializing a lambda fails with \"IllegalArgumentException: too many arguments\""),
                error.getMessage());
        assertFalse(Files.exists(local.root().resolve("gluelab/test/scala-tool/1.0/scala-tool-1.0.jar")));
    }

    @Test
    void anotherAwsSdkVersionIsRefusedNamingTheLabsOwn() {
        MavenException error = assertThrows(MavenException.class,
                () -> dependencies.resolve(List.of("software.amazon.awssdk:kinesis:2.20.0")));

        assertTrue(error.getMessage().startsWith("software.amazon.awssdk:kinesis:2.20.0 is from another version of the AWS SDK "
                + "than the lab's " + LAB_SDK), error.getMessage());
        assertTrue(error.getMessage().endsWith("Use software.amazon.awssdk:kinesis:" + LAB_SDK + "."), error.getMessage());
    }

    @Test
    void aLibraryBuiltAgainstAnOlderAwsSdkGetsTheLabsSdkModulesAsTheLabsBuildManagesThem() throws Exception {
        Resolution resolution = dependencies.resolve(List.of("gluelab.test:sdk-tool:1.0"));

        assertEquals(List.of("gluelab.test:sdk-tool:1.0", "software.amazon.awssdk:kinesis:" + LAB_SDK),
                resolution.added().stream().map(ResolvedArtifact::coordinates).toList());
    }

    @Test
    void anotherVersionOfALibraryTheKernelHasIsLeftOutAndTheKernelsOwnIsUsed() throws Exception {
        Resolution resolution = dependencies.resolve(List.of("gluelab.test:json-tool:1.0"));

        assertEquals(List.of("gluelab.test:json-tool:1.0"), resolution.added().stream().map(ResolvedArtifact::coordinates).toList());
        assertEquals(List.of("com.fasterxml.jackson.core:jackson-databind:2.17.0 (needed by gluelab.test:json-tool:1.0): the class "
                + "path already has the lab's " + LAB_JACKSON + " (jackson-databind-" + LAB_JACKSON + ".jar), and it holds one version "
                + "of a library; " + LAB_JACKSON + " is used"),
                resolution.leftOut());
    }

    @Test
    void aJarCarryingClassesTheKernelAlreadyLoadsIsAddedWithAWarningNamingTheKernelsJar() throws Exception {
        Resolution resolution = dependencies.resolve(List.of("gluelab.test:logging-bridge:1.0"));

        assertEquals(1, resolution.added().size());
        assertEquals(List.of("gluelab.test:logging-bridge:1.0 has classes the kernel already loads from commons-logging-1.2.jar "
                + "(package org.apache.commons.logging): those load from commons-logging-1.2.jar, never from logging-bridge-1.0.jar"),
                resolution.overlapWarnings());
    }

    @Test
    void aPomFragmentResolvesItsDependenciesFromItsOwnRepositories() throws Exception {
        PreparedMavenRepository shared = PreparedMavenRepository.remoteWith(directory.resolve("shared"), "gluelab.test:pom-tool:2.0",
                "PomTool", "from a POM");

        Resolution resolution = dependencies.resolvePom("""
                <repository>
                  <id>shared</id>
                  <url>%s</url>
                </repository>
                <dependencies>
                  <dependency>
                    <groupId>gluelab.test</groupId>
                    <artifactId>pom-tool</artifactId>
                    <version>2.0</version>
                  </dependency>
                  <dependency>
                    <groupId>gluelab.test</groupId>
                    <artifactId>greeter</artifactId>
                    <version>1.0</version>
                    <scope>test</scope>
                  </dependency>
                </dependencies>
                """.formatted(shared.uri()), List.of("compile", "runtime", "system"));

        assertEquals(List.of("gluelab.test:pom-tool:2.0"), resolution.added().stream().map(ResolvedArtifact::coordinates).toList());
    }

    @Test
    void aWholePomIsReadAsABuildWouldWithItsProperties() throws Exception {
        Resolution resolution = dependencies.resolvePom("""
                <?xml version="1.0" encoding="UTF-8"?>
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.example</groupId>
                  <artifactId>notebook</artifactId>
                  <version>1</version>
                  <properties><greeter.version>1.0</greeter.version></properties>
                  <dependencies>
                    <dependency>
                      <groupId>gluelab.test</groupId>
                      <artifactId>greeter</artifactId>
                      <version>${greeter.version}</version>
                    </dependency>
                  </dependencies>
                </project>
                """, List.of("compile", "runtime"));

        assertEquals(List.of("gluelab.test:greeter:1.0", "gluelab.test:greeting-words:1.0"),
                resolution.added().stream().map(ResolvedArtifact::coordinates).toList());
    }

    @Test
    void badCoordinatesSayHowToWriteThem() {
        MavenException error = assertThrows(MavenException.class, () -> dependencies.resolve(List.of("commons-text")));

        assertEquals("\"commons-text\" are not Maven coordinates: write group:artifact:version (or "
                + "group:artifact:type[:classifier]:version), e.g. org.apache.commons:commons-text:1.12.0", error.getMessage());
    }
}
