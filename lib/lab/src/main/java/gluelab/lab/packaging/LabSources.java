package gluelab.lab.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of one folder under {@code labs/}: Java sources to compile, and everything else (layouts,
 * contracts, rulesets) to carry along as resources. Hidden files and build output are left out.
 *
 * @param dir       the folder
 * @param javaFiles its {@code .java} files, in a stable order
 * @param resources its other files, in a stable order
 */
public record LabSources(Path dir, List<Path> javaFiles, List<Path> resources) {

    /** The Java sources of {@code labs/<labDir>} in {@code home}, saying so when there are none to package. */
    public static LabSources ofLab(Path home, String labDir) {
        Path dir = home.resolve("labs").resolve(labDir).normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("There is no folder labs/" + labDir + " in " + home);
        }
        LabSources sources = in(dir);
        if (sources.javaFiles().isEmpty()) {
            throw new IllegalArgumentException("labs/" + labDir + " has no .java files to package");
        }
        return sources;
    }

    public static LabSources in(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("There is no folder " + dir);
        }
        List<Path> java = new ArrayList<>();
        List<Path> other = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .filter(file -> !isHiddenOrBuildOutput(dir.relativize(file)))
                    .sorted()
                    .forEach(file -> (file.getFileName().toString().endsWith(".java") ? java : other).add(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
        return new LabSources(dir, List.copyOf(java), List.copyOf(other));
    }

    /** The path of {@code file} inside the folder, with forward slashes (a jar entry name). */
    public String relativeName(Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    private static boolean isHiddenOrBuildOutput(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("target") || name.equals("build") || name.endsWith(".class")) {
                return true;
            }
        }
        return false;
    }
}
