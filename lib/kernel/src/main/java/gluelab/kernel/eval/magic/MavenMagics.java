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

    /** Adds the jars, then says in one piece what was added and from where, and on stderr what was kept out. */
    private static void report(Resolution resolution, MagicContext context) {
        resolution.added().forEach(jar -> context.addToClasspath(jar.file()));
        StringBuilder out = new StringBuilder();
        if (!resolution.added().isEmpty()) {
            out.append("Added to the class path:\n");
            resolution.added().forEach(jar -> out.append("  ").append(jar.coordinates()).append("  (").append(jar.origin())
                    .append(jar.neededBy() == null ? "" : "; needed by " + jar.neededBy()).append(")\n"));
        }
        if (!resolution.alreadyPresent().isEmpty()) {
            out.append("Already on the class path:\n");
            resolution.alreadyPresent().forEach(artifact -> out.append("  ").append(artifact.coordinates()).append("\n"));
        }
        if (out.isEmpty() && resolution.leftOut().isEmpty()) {
            out.append("Nothing to add: no dependency in the scopes asked for\n");
        }
        System.out.print(out);
        System.out.flush();
        StringBuilder err = new StringBuilder();
        resolution.leftOut().forEach(why -> err.append("Not added: ").append(why).append("\n"));
        resolution.overlapWarnings().forEach(why -> err.append("Warning: ").append(why).append("\n"));
        System.err.print(err);
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
