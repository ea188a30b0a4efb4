package gluelab.cloud.services.logs;

import gluelab.cloud.state.Durability;
import gluelab.cloud.state.Json;
import gluelab.cloud.state.StateWriteException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One append-only file per log stream ({@code <streamId>.jsonl}), one line per accepted batch, forced to
 * disk before PutLogEvents answers. A batch costs one write and one fsync however many events it holds.
 * On reading, a torn last line (a crash mid-append, never acknowledged) is cut off so later appends start
 * on a clean line.
 */
final class FileEventArchive implements EventArchive {

    private static final String SUFFIX = ".jsonl";

    private final Path dir;

    FileEventArchive(Path dir) {
        this.dir = dir;
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                Durability.forceDirectory(dir.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the log event directory " + dir, e);
        }
    }

    private Path file(long streamId) {
        return dir.resolve(streamId + SUFFIX);
    }

    @Override
    public void append(long streamId, EventBatch batch) {
        Path file = file(streamId);
        try {
            byte[] json = Json.MAPPER.writeValueAsBytes(batch);
            ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
            boolean created = !Files.exists(file);
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                while (line.hasRemaining()) {
                    out.write(line);
                }
                out.force(false);
            }
            if (created) {
                Durability.forceDirectory(dir);
            }
        } catch (IOException e) {
            throw new StateWriteException("Cannot store log events in " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<EventBatch> read(long streamId) {
        Path file = file(streamId);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            List<EventBatch> batches = new ArrayList<>();
            int start = 0;
            while (start < bytes.length) {
                int end = indexOf(bytes, (byte) '\n', start);
                if (end < 0) {
                    break;
                }
                EventBatch batch;
                try {
                    batch = Json.MAPPER.readValue(bytes, start, end - start, EventBatch.class);
                } catch (IOException torn) {
                    break;
                }
                batches.add(batch);
                start = end + 1;
            }
            if (start < bytes.length) {
                truncate(file, start);
            }
            return batches;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read log events from " + file, e);
        }
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static void truncate(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
            channel.force(true);
        }
    }

    @Override
    public void delete(long streamId) {
        try {
            Files.deleteIfExists(file(streamId));
        } catch (IOException e) {
            throw new StateWriteException("Cannot delete log events of stream " + streamId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void retainOnly(Set<Long> streamIds) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(SUFFIX)) {
                    continue;
                }
                String id = name.substring(0, name.length() - SUFFIX.length());
                if (!id.chars().allMatch(Character::isDigit) || id.isEmpty() || !streamIds.contains(Long.parseLong(id))) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list log events in " + dir, e);
        }
    }
}
