package gluelab.kernel.eval.magic;

import gluelab.kernel.eval.ProcessClasspath;
import gluelab.kernel.maven.LabClasspath;
import gluelab.kernel.maven.MavenDependencies;
import gluelab.kernel.maven.MavenException;
import gluelab.kernel.maven.MavenSettings;
import gluelab.kernel.maven.Resolution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * IJava's Maven magics: {@code %maven} (alias {@code %addMavenDependencies}), {@code %addMavenRepo} and
 * {@code %loadFromPOM} / {@code %%loadFromPOM}. Each prints what it added to the class path and from where; what
 * the lab's own class path keeps out is said on stderr, what it refuses fails the cell and adds nothing.
 */
final class MavenMagics implements AutoCloseable {

    /** IJava's default scopes for {@code loadFromPOM}: what a build's main code sees. */
    private static final List<String> POM_SCOPES = List.of("compile", "runtime", "system");

    private MavenDependencies dependencies;

    Object addDependencies(String arguments, MagicContext context) throws MagicException {
        List<String> coordinates = MagicArguments.required(arguments);
        Resolution resolution = resolving("%maven", () -> dependencies().resolve(coordinates));
        report(resolution, context);
        return null;
    }

    Object addRepository(String arguments, MagicContext context) throws MagicException {
        List<String> parts = MagicArguments.split(arguments);
        if (parts.size() != 2) {
            throw new MagicException("%addMavenRepo takes a repository id and its URL: %addMavenRepo <id> <url>");
        }
        resolving("%addMavenRepo", () -> {
            dependencies().addRepository(parts.get(0), parts.get(1));
            return null;
        });
        return null;
    }

    Object loadPomFile(String arguments, MagicContext context) throws MagicException {
        List<String> parts = MagicArguments.required(arguments);
        Path pom = context.workingDirectory().resolve(parts.get(0)).normalize();
        String text;
        try {
            text = Files.readString(pom);
        } catch (IOException e) {
            throw new MagicException("%loadFromPOM: cannot read " + pom + ": " + e.getMessage());
        }
        List<String> scopes = parts.size() > 1 ? parts.subList(1, parts.size()) : POM_SCOPES;
        report(resolving("%loadFromPOM", () -> dependencies().resolvePom(text, scopes)), context);
        return null;
    }

    Object loadPomText(String arguments, String body, MagicContext context) throws MagicException {
        List<String> scopes = MagicArguments.split(arguments);
        List<String> effective = scopes.isEmpty() ? POM_SCOPES : scopes;
        report(resolving("%%loadFromPOM", () -> dependencies().resolvePom(body, effective)), context);
        return null;
    }

    @Override
    public void close() {
        if (dependencies != null) {
            dependencies.close();
        }
    }

    /** Created on first use: reading settings and indexing the kernel's class path costs nothing until then. */
    private MavenDependencies dependencies() {
        if (dependencies == null) {
            dependencies = new MavenDependencies(MavenSettings.user(), LabClasspath.of(ProcessClasspath.entries()));
        }
        return dependencies;
    }

    private static void report(Resolution resolution, MagicContext context) {
        resolution.added().forEach(jar -> context.addToClasspath(jar.file()));
        if (!resolution.added().isEmpty()) {
            System.out.println("Added to the class path:");
            resolution.added().forEach(jar -> System.out.println("  " + jar.coordinates() + "  (" + jar.origin()
                    + (jar.neededBy() == null ? "" : "; needed by " + jar.neededBy()) + ")"));
        }
        if (!resolution.alreadyPresent().isEmpty()) {
            System.out.println("Already on the class path:");
            resolution.alreadyPresent().forEach(artifact -> System.out.println("  " + artifact.coordinates()));
        }
        if (resolution.added().isEmpty() && resolution.alreadyPresent().isEmpty() && resolution.leftOut().isEmpty()) {
            System.out.println("Nothing to add: no dependency in the runtime scopes");
        }
        System.out.flush();
        resolution.leftOut().forEach(why -> System.err.println("Not added: " + why));
        resolution.overlapWarnings().forEach(why -> System.err.println("Warning: " + why));
        System.err.flush();
    }

    private interface MavenStep<T> {
        T run() throws MavenException;
    }

    private static <T> T resolving(String magic, MavenStep<T> step) throws MagicException {
        try {
            return step.run();
        } catch (MavenException e) {
            throw new MagicException(magic + ": " + e.getMessage());
        }
    }
}
