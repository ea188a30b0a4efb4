package gluelab.glue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import gluelab.glue.util.JsonOptions;

/** {@code glueContext.purgeS3Path}: deletes the objects under a path that are older than the retention period. */
final class S3Purge {

    private static final Set<String> OPTIONS = Set.of("retentionPeriod", "excludeStorageClasses", "manifestFilePath");
    private static final long DEFAULT_RETENTION_HOURS = 168;

    private S3Purge() {
    }

    static void purge(Configuration conf, String s3Path, JsonOptions options, PrintStream out) {
        Set<String> unknown = new TreeSet<>(options.asMap().keySet());
        unknown.removeAll(OPTIONS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("purgeS3Path has no option " + unknown + "; its options are " + new TreeSet<>(OPTIONS));
        }
        long hours = Long.parseLong(options.getString("retentionPeriod", String.valueOf(DEFAULT_RETENTION_HOURS)));
        long keepAfter = System.currentTimeMillis() - hours * 3_600_000L;
        Path root = new Path(s3Path);
        List<String> deleted = new ArrayList<>();
        int kept = 0;
        try {
            FileSystem fs = root.getFileSystem(conf);
            if (!fs.exists(root)) {
                out.println("purgeS3Path " + s3Path + ": nothing there");
                return;
            }
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
            List<Path> toDelete = new ArrayList<>();
            while (files.hasNext()) {
                LocatedFileStatus file = files.next();
                if (hours == 0 || file.getModificationTime() < keepAfter) {
                    toDelete.add(file.getPath());
                } else {
                    kept++;
                }
            }
            for (Path file : toDelete) {
                fs.delete(file, false);
                deleted.add(file.toString());
            }
            String manifest = options.getString("manifestFilePath", "");
            if (!manifest.isBlank()) {
                Path manifestFile = new Path(manifest);
                try (OutputStream stream = manifestFile.getFileSystem(conf).create(manifestFile, true)) {
                    stream.write(String.join("\n", deleted).concat("\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("purgeS3Path " + s3Path + " failed: " + e.getMessage(), e);
        }
        out.println("purgeS3Path " + s3Path + ": deleted " + deleted.size() + " object(s)"
                + (kept > 0 ? ", kept " + kept + " newer than the retention period of " + hours + " h" : ""));
    }
}
