package gluelab.kernel.eval.magic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands a path pattern such as {@code lib/*.jar} or {@code ../build/**}{@code /*.jar} against a base
 * directory, like a shell would, in sorted order. A pattern without glob characters names one path.
 */
final class PathGlob {

    private PathGlob() {
    }

    static List<Path> expand(Path base, String pattern) throws MagicException {
        String expanded = pattern.equals("~") || pattern.startsWith("~/")
                ? System.getProperty("user.home") + pattern.substring(1)
                : pattern;
        String[] segments = expanded.replace('\\', '/').split("/", -1);
        int firstGlob = 0;
        while (firstGlob < segments.length && !hasGlobCharacters(segments[firstGlob])) {
            firstGlob++;
        }
        String literal = String.join("/", java.util.Arrays.copyOfRange(segments, 0, firstGlob));
        Path root = base.resolve(literal.isEmpty() && expanded.startsWith("/") ? "/" : literal).normalize();
        if (firstGlob == segments.length) {
            return Files.exists(root) ? List.of(root) : List.of();
        }
        String globPart = String.join("/", java.util.Arrays.copyOfRange(segments, firstGlob, segments.length));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + globPart);
        int depth = globPart.contains("**") ? Integer.MAX_VALUE : segments.length - firstGlob;
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root, depth)) {
            return paths.filter(path -> !path.equals(root) && matcher.matches(root.relativize(path)))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new MagicException("cannot list " + root + ": " + e.getMessage());
        }
    }

    private static boolean hasGlobCharacters(String segment) {
        return segment.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }
}
