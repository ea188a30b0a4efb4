package gluelab.kernel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Maven repository on disk, in Maven's layout, holding made-up artifacts: POMs with their dependencies, and jars
 * compiled from a class. As a local repository it lets {@code %maven} be tested without a network; as a
 * {@code file:} URL it stands for a remote one.
 */
public final class PreparedMavenRepository {

    private final Path root;

    public PreparedMavenRepository(Path root) {
        this.root = root;
    }

    /**
     * The made-up libraries the kernel's tests load: {@code gluelab.test:greeter:1.0} (class
     * {@code gluelab.test.greeter.Greeter}, which needs {@code gluelab.test:greeting-words:1.0}), and libraries that
     * clash with the lab: one needing Scala 2.13, an AWS SDK module of another version, one needing another
     * jackson-databind, and one carrying commons-logging's {@code org.apache.commons.logging.Log}; and one built
     * against an older AWS SDK ({@code gluelab.test:sdk-tool:1.0}, needing kinesis 2.20.0), with the SDK's BOM
     * and kinesis (a module the lab does not ship) at the lab's SDK version {@code labSdkVersion}.
     */
    public static PreparedMavenRepository localWithTestLibraries(Path root, String labSdkVersion) {
        return new PreparedMavenRepository(root)
                .bom("software.amazon.awssdk:bom:" + labSdkVersion, "software.amazon.awssdk:kinesis:" + labSdkVersion)
                .jar("software.amazon.awssdk:kinesis:" + labSdkVersion, "software.amazon.awssdk.services.kinesis.Marker",
                        "package software.amazon.awssdk.services.kinesis; public class Marker { }")
                .jar("gluelab.test:sdk-tool:1.0", "gluelab.test.sdk.SdkTool",
                        "package gluelab.test.sdk; public class SdkTool { }", "software.amazon.awssdk:kinesis:2.20.0")
                .jar("gluelab.test:greeting-words:1.0", "gluelab.test.words.Words",
                        "package gluelab.test.words; public class Words { public static String hello() { return \"Hello\"; } }")
                .jar("gluelab.test:greeter:1.0", "gluelab.test.greeter.Greeter", """
                        package gluelab.test.greeter;
                        public class Greeter {
                            public static String greet(String who) { return gluelab.test.words.Words.hello() + ", " + who + "!"; }
                        }""", "gluelab.test:greeting-words:1.0")
                .pom("org.scala-lang:scala-library:2.13.14")
                .pom("gluelab.test:scala-tool:1.0", "org.scala-lang:scala-library:2.13.14")
                .pom("software.amazon.awssdk:kinesis:2.20.0")
                .pom("com.fasterxml.jackson.core:jackson-databind:2.17.0")
                .jar("gluelab.test:json-tool:1.0", "gluelab.test.json.JsonTool",
                        "package gluelab.test.json; public class JsonTool { public static int version() { return 1; } }",
                        "com.fasterxml.jackson.core:jackson-databind:2.17.0")
                .jar("gluelab.test:logging-bridge:1.0", "org.apache.commons.logging.Log",
                        "package org.apache.commons.logging; public interface Log { }");
    }

    /** A repository standing for a team's own, with {@code coordinates} holding class {@code gluelab.test.team.<className>}. */
    public static PreparedMavenRepository remoteWith(Path root, String coordinates, String className, String motto) {
        return new PreparedMavenRepository(root).jar(coordinates, "gluelab.test.team." + className,
                "package gluelab.test.team; public class " + className + " { public static String motto() { return \"" + motto + "\"; } }");
    }

    public Path root() {
        return root;
    }

    public URI uri() {
        return root.toUri();
    }

    /** {@code group:artifact:version} with a POM depending on {@code dependencies} (each {@code group:artifact:version}). */
    public PreparedMavenRepository pom(String coordinates, String... dependencies) {
        return writePom(coordinates, "<dependencies>\n" + dependencyElements(dependencies) + "  </dependencies>");
    }

    /** A BOM: {@code group:artifact:version} of packaging pom, managing the versions of {@code managed}. */
    public PreparedMavenRepository bom(String coordinates, String... managed) {
        return writePom(coordinates, "<packaging>pom</packaging>\n  <dependencyManagement><dependencies>\n"
                + dependencyElements(managed) + "  </dependencies></dependencyManagement>");
    }

    private PreparedMavenRepository writePom(String coordinates, String body) {
        String[] gav = coordinates.split(":");
        write(folder(gav).resolve(gav[1] + "-" + gav[2] + ".pom"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  %s
                </project>
                """.formatted(gav[0], gav[1], gav[2], body));
        return this;
    }

    private static String dependencyElements(String... dependencies) {
        return List.of(dependencies).stream().map(dependency -> {
            String[] d = dependency.split(":");
            return "    <dependency><groupId>" + d[0] + "</groupId><artifactId>" + d[1] + "</artifactId><version>" + d[2]
                    + "</version></dependency>\n";
        }).collect(Collectors.joining());
    }

    /**
     * {@code group:artifact:version} as {@link #pom}, with a jar of {@code className} compiled from {@code source}
     * against the jars of its dependencies in this repository.
     */
    public PreparedMavenRepository jar(String coordinates, String className, String source, String... dependencies) {
        pom(coordinates, dependencies);
        String[] gav = coordinates.split(":");
        Path[] classpath = List.of(dependencies).stream().map(dependency -> jarOf(dependency.split(":"))).toArray(Path[]::new);
        try {
            Fixtures.jar(className, source, jarOf(gav), classpath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private Path jarOf(String[] gav) {
        return folder(gav).resolve(gav[1] + "-" + gav[2] + ".jar");
    }

    private Path folder(String[] gav) {
        return root.resolve(gav[0].replace('.', '/')).resolve(gav[1]).resolve(gav[2]);
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
