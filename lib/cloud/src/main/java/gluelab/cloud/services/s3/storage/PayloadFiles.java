package gluelab.cloud.services.s3.storage;

import gluelab.cloud.services.s3.checksum.ChecksumAlgorithm;
import gluelab.cloud.state.Durability;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The bytes of objects and parts, as files named by generated ids in one flat directory. No part of an
 * object key ever reaches a file name, so no key ({@code ..}, {@code %2F}, {@code //}, unicode, control
 * characters) can address anything outside it. Uploads stream into {@code staging/} while their digests
 * are computed, are forced to disk when the store is persistent, and only then move into {@code data/}.
 */
public final class PayloadFiles {

    private static final int BUFFER = 64 * 1024;

    private final Path data;
    private final Path staging;
    private final boolean durable;

    public PayloadFiles(Path root, boolean durable) {
        this.data = root.resolve("data");
        this.staging = root.resolve("staging");
        this.durable = durable;
        try {
            Files.createDirectories(data);
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dataDirectory() {
        return data;
    }

    public Path stagingDirectory() {
        return staging;
    }

    /**
     * Streams a client's body into a staged file, computing its MD5 and the requested checksums.
     *
     * @throws UnreadableBodyException if the body cannot be read to its end; nothing is left behind
     */
    public StagedPayload stage(InputStream body, Set<ChecksumAlgorithm> algorithms) {
        return stage(body, algorithms, true);
    }

    /** Stages bytes Lab Cloud reads from its own files (a copy): a read failure is a server fault. */
    public StagedPayload stageCopy(InputStream source, Set<ChecksumAlgorithm> algorithms) {
        return stage(source, algorithms, false);
    }

    private StagedPayload stage(InputStream in, Set<ChecksumAlgorithm> algorithms, boolean fromClient) {
        String fileId = UUID.randomUUID().toString();
        Path path = staging.resolve(fileId);
        MessageDigest md5 = md5();
        Map<ChecksumAlgorithm, ChecksumAlgorithm.Running> running = new EnumMap<>(ChecksumAlgorithm.class);
        algorithms.forEach(a -> running.put(a, a.start()));
        long size = 0;
        boolean done = false;
        try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    if (fromClient) {
                        throw new UnreadableBodyException(e);
                    }
                    throw e;
                }
                if (n < 0) {
                    break;
                }
                md5.update(buffer, 0, n);
                for (ChecksumAlgorithm.Running checksum : running.values()) {
                    checksum.update(buffer, 0, n);
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                size += n;
            }
            if (durable) {
                out.force(true);
            }
            done = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage an upload in " + staging + ": " + e.getMessage(), e);
        } finally {
            if (!done) {
                deleteQuietly(path);
            }
        }
        Map<ChecksumAlgorithm, byte[]> checksums = new EnumMap<>(ChecksumAlgorithm.class);
        running.forEach((a, c) -> checksums.put(a, c.finish()));
        return new StagedPayload(fileId, path, size, md5.digest(), checksums);
    }

    /** Moves a staged file among the payload files; once this returns the bytes survive a crash. */
    public void publish(StagedPayload staged) {
        try {
            Files.move(staged.path(), data.resolve(staged.fileId()), StandardCopyOption.ATOMIC_MOVE);
            if (durable) {
                Durability.forceDirectory(data);
            }
        } catch (IOException e) {
            discard(staged);
            throw new UncheckedIOException("Cannot publish an upload into " + data + ": " + e.getMessage(), e);
        }
    }

    public void discard(StagedPayload staged) {
        deleteQuietly(staged.path());
    }

    /** Removes payload files no longer referenced (after the metadata change that released them). */
    public void delete(Collection<String> fileIds) {
        for (String fileId : fileIds) {
            deleteQuietly(data.resolve(fileId));
        }
    }

    /**
     * Opens the bytes {@code [offset, offset + length)} of an object made of {@code segments}. Every file
     * involved is opened before this returns, so a concurrent overwrite that deletes them (after its
     * metadata change) cannot cut the read short: an open file outlives its deletion.
     *
     * @throws NoSuchFileException if a file is already gone (the object changed meanwhile)
     */
    public InputStream open(List<Segment> segments, long offset, long length) throws NoSuchFileException {
        List<SegmentedInputStream.Slice> slices = new ArrayList<>();
        long position = 0;
        long end = offset + length;
        try {
            for (Segment segment : segments) {
                long segmentEnd = position + segment.length();
                if (segmentEnd > offset && position < end) {
                    long from = Math.max(offset, position) - position;
                    long to = Math.min(end, segmentEnd) - position;
                    FileChannel channel = FileChannel.open(data.resolve(segment.fileId()), StandardOpenOption.READ);
                    slices.add(new SegmentedInputStream.Slice(channel, from, to - from));
                }
                position = segmentEnd;
            }
        } catch (NoSuchFileException gone) {
            new SegmentedInputStream(slices).closeQuietly();
            throw gone;
        } catch (IOException e) {
            new SegmentedInputStream(slices).closeQuietly();
            throw new UncheckedIOException(e);
        }
        return new SegmentedInputStream(slices);
    }

    /**
     * Run once at start, before any request: staged files are uploads a crash interrupted, and payload
     * files nothing references were released by a metadata change whose file deletion did not happen.
     *
     * @return how many files were removed
     */
    public int sweep(Set<String> referenced) {
        int removed = 0;
        for (Path dir : List.of(staging, data)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (dir.equals(staging) || !referenced.contains(file.getFileName().toString())) {
                        deleteQuietly(file);
                        removed++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return removed;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Left for the sweep at the next start.
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
