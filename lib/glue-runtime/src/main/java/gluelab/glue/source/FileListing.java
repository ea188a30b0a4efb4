package gluelab.glue.source;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists the objects under a source's {@code paths} the way Glue's S3 source does: a path is an
 * object or a prefix; a prefix yields its direct objects, or every object below it with
 * {@code recurse}. Hidden objects ({@code _SUCCESS}, {@code .crc}, anything under a {@code _} or
 * {@code .} folder) are skipped, as Spark does. {@code exclusions} are Unix globs ({@code **.json},
 * {@code **}{@code /_tmp/**}) matched against the object's path relative to the listed prefix and
 * against its whole key; a match on either excludes it.
 */
public final class FileListing {

    private FileListing() {
    }

    public static List<SourceFile> list(Configuration conf, List<String> paths, boolean recurse, List<String> exclusions) {
        List<PathMatcher> excluded = exclusions.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        Map<String, SourceFile> files = new LinkedHashMap<>();
        for (String location : paths) {
            try {
                Path root = new Path(location);
                FileSystem fs = root.getFileSystem(conf);
                FileStatus status;
                try {
                    status = fs.getFileStatus(root);
                } catch (FileNotFoundException missing) {
                    continue; // an empty prefix is not an error in Glue; it reads nothing
                }
                Path qualifiedRoot = status.getPath();
                if (status.isFile()) {
                    files.putIfAbsent(qualifiedRoot.toString(), of(status));
                    continue;
                }
                RemoteIterator<LocatedFileStatus> it = fs.listFiles(qualifiedRoot, recurse);
                String rootText = qualifiedRoot.toString();
                while (it.hasNext()) {
                    LocatedFileStatus file = it.next();
                    String path = file.getPath().toString();
                    String relative = path.startsWith(rootText) ? path.substring(rootText.length()).replaceFirst("^/+", "") : file.getPath().getName();
                    if (isHidden(relative) || isExcluded(excluded, relative, file.getPath())) {
                        continue;
                    }
                    files.putIfAbsent(path, of(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + location + ": " + e.getMessage(), e);
            }
        }
        return new ArrayList<>(files.values());
    }

    private static SourceFile of(FileStatus status) {
        return new SourceFile(status.getPath().toString(), status.getModificationTime(), status.getLen());
    }

    private static boolean isHidden(String relative) {
        for (String part : relative.split("/")) {
            if ((part.startsWith("_") && !part.contains("=")) || part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isExcluded(List<PathMatcher> excluded, String relative, Path path) {
        if (excluded.isEmpty()) {
            return false;
        }
        String key = path.toUri().getPath().replaceFirst("^/+", "");
        for (PathMatcher matcher : excluded) {
            if (matcher.matches(Paths.get(relative)) || matcher.matches(Paths.get(key))) {
                return true;
            }
        }
        return false;
    }
}
