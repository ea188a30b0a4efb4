package gluelab.kernel.eval.magic;

import gluelab.kernel.eval.CellFailure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The magics a session understands, by name and alias, each with a one-line usage: IJava's ({@code %jars},
 * {@code %classpath}, {@code %maven}, {@code %addMavenRepo}, {@code %loadFromPOM}), IPython's {@code %time},
 * {@code %load} and {@code %lsmagic}. One instance per session: {@code %addMavenRepo} is remembered there.
 */
public final class Magics implements AutoCloseable {

    /** How a magic is listed: its form ({@code %jars <path or glob>...}), what it does, its other names. */
    private record Usage(String name, String syntax, String description, List<String> aliases) {
    }

    private final Map<String, LineMagic> lineMagics = new HashMap<>();
    private final Map<String, CellMagic> cellMagics = new HashMap<>();
    private final Map<String, Usage> usages = new HashMap<>();
    private final List<Usage> lineUsages = new ArrayList<>();
    private final List<Usage> cellUsages = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    /** Every magic of this kernel. */
    public static Magics standard() {
        Magics magics = new Magics();
        MavenMagics maven = new MavenMagics();
        TimeMagic time = new TimeMagic();
        magics.resources.add(maven);
        return magics
                .line("jars", "%jars <path or glob>...", "adds jars to the class path", new JarsMagic())
                .line("classpath", "%classpath <directory or jar>...", "adds directories or jars (globs allowed) to the class path",
                        new ClasspathMagic())
                .line("load", "%load <file>", "runs a file of Java snippets in this session", new LoadMagic())
                .line("maven", "%maven <group:artifact[:type[:classifier]]:version>...",
                        "resolves Maven artifacts with their runtime dependencies (from ~/.m2, else Maven Central and "
                                + "%addMavenRepo's repositories) and adds them to the class path",
                        maven::addDependencies, "addMavenDependencies", "addMavenDependency")
                .line("addMavenRepo", "%addMavenRepo <id> <url>", "adds a Maven repository that %maven searches too",
                        maven::addRepository, "mavenRepo")
                .line("loadFromPOM", "%loadFromPOM <pom.xml> [scope...]",
                        "adds the dependencies of a POM file (scopes compile, runtime, system by default), from its repositories "
                                + "and Maven Central", maven::loadPomFile)
                .cell("loadFromPOM", "%%loadFromPOM [scope...]",
                        "adds the <dependency> elements of the POM, or POM fragment, in the cell, from its <repository> "
                                + "elements and Maven Central", maven::loadPomText)
                .line("time", "%time <statement>", "runs the statement and prints the CPU and wall time it took", time)
                .cell("time", "%%time", "runs the cell and prints the CPU and wall time it took", time)
                .line("lsmagic", "%lsmagic", "lists the magics, as here", (arguments, context) -> {
                    System.out.print(magics.listing());
                    return null;
                });
    }

    Magics line(String name, String syntax, String description, LineMagic magic, String... aliases) {
        Usage usage = new Usage(name, syntax, description, List.of(aliases));
        lineUsages.add(usage);
        lineMagics.put(name, magic);
        usages.put("%" + name, usage);
        for (String alias : aliases) {
            lineMagics.put(alias, magic);
            usages.put("%" + alias, usage);
        }
        return this;
    }

    Magics cell(String name, String syntax, String description, CellMagic magic) {
        Usage usage = new Usage(name, syntax, description, List.of());
        cellUsages.add(usage);
        cellMagics.put(name, magic);
        usages.put("%%" + name, usage);
        return this;
    }

    public Object runLine(String name, String arguments, MagicContext context) throws MagicException, CellFailure {
        LineMagic magic = lineMagics.get(name);
        if (magic == null) {
            throw new MagicException("unknown line magic %" + name + unknownHint(name, cellMagics.containsKey(name) ? "%%" : null));
        }
        try {
            return magic.run(arguments, context);
        } catch (MagicArguments.MissingArguments e) {
            throw new MagicException("%" + name + " needs arguments: " + usages.get("%" + name).syntax());
        }
    }

    public Object runCell(String name, String arguments, String body, MagicContext context) throws MagicException, CellFailure {
        CellMagic magic = cellMagics.get(name);
        if (magic == null) {
            throw new MagicException("unknown cell magic %%" + name + unknownHint(name, lineMagics.containsKey(name) ? "%" : null));
        }
        try {
            return magic.run(arguments, body, context);
        } catch (MagicArguments.MissingArguments e) {
            throw new MagicException("%%" + name + " needs arguments: " + usages.get("%%" + name).syntax());
        }
    }

    /** A {@code %%name} line below the cell's first line: cell magics take the whole cell. */
    public MagicException misplacedCellMagic(String name) {
        return new MagicException("%%" + name + " must be the first line of the cell: a cell magic runs the whole cell"
                + (lineMagics.containsKey(name) ? "; for one line, write %" + name : ""));
    }

    /** What {@code %lsmagic} prints: every magic with its form, what it does and its other names, one a line. */
    public String listing() {
        int width = 2 + Stream.concat(lineUsages.stream(), cellUsages.stream())
                .mapToInt(usage -> usage.syntax().length()).max().orElse(0);
        StringBuilder text = new StringBuilder("Line magics:\n");
        lineUsages.stream().sorted(Comparator.comparing(usage -> usage.name().toLowerCase(Locale.ROOT)))
                .forEach(usage -> text.append(listed(usage, width)));
        text.append("Cell magics:\n");
        cellUsages.stream().sorted(Comparator.comparing(Usage::name)).forEach(usage -> text.append(listed(usage, width)));
        return text.toString();
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // Closing frees caches only; a session that is going away has nothing to report it to.
            }
        }
    }

    private static String listed(Usage usage, int width) {
        String aliases = usage.aliases().isEmpty() ? ""
                : " (also " + usage.aliases().stream().map(alias -> "%" + alias).collect(Collectors.joining(", ")) + ")";
        return "  " + usage.syntax() + " ".repeat(width - usage.syntax().length()) + usage.description() + aliases + "\n";
    }

    private static String unknownHint(String name, String otherKind) {
        String hint = otherKind == null ? "" : "; there is " + otherKind + name;
        return hint + "; %lsmagic lists the magics this kernel knows";
    }
}
