package gluelab.cloud.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An append-only log of map writes, one JSON line each, forced to disk before the write is acknowledged.
 * On open it replays the log, drops a torn last line (a crash mid-append), and compacts to the live entries.
 */
final class Journal implements AutoCloseable {

    private static final String FILE = "journal.jsonl";
    private static final long COMPACT_AFTER_BYTES = 64L * 1024 * 1024;

    private final Path dir;
    private FileChannel channel;
    private long bytesSinceCompaction;

    private Journal(Path dir) {
        this.dir = dir;
    }

    /** Opens the journal in {@code dir}, returning it and the live entries: map name to key to value. */
    static Journal open(Path dir, Map<String, Map<String, JsonNode>> liveOut) throws IOException {
        Files.createDirectories(dir);
        Journal journal = new Journal(dir);
        Path file = dir.resolve(FILE);
        if (Files.exists(file)) {
            replay(file, liveOut);
        }
        journal.rewrite(liveOut);
        return journal;
    }

    private static void replay(Path file, Map<String, Map<String, JsonNode>> live) throws IOException {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record;
                try {
                    record = Json.MAPPER.readTree(line);
                } catch (IOException torn) {
                    // Only the last append can be torn: it was never acknowledged, so dropping it loses nothing.
                    break;
                }
                if (record == null || !record.hasNonNull("m") || !record.hasNonNull("k")) {
                    break;
                }
                Map<String, JsonNode> map = live.computeIfAbsent(record.get("m").asText(), k -> new LinkedHashMap<>());
                JsonNode value = record.get("v");
                if (value == null || value.isNull()) {
                    map.remove(record.get("k").asText());
                } else {
                    map.put(record.get("k").asText(), value);
                }
            }
        }
    }

    synchronized void append(String mapName, String key, JsonNode valueOrNull) {
        ObjectNode record = Json.object();
        record.put("m", mapName);
        record.put("k", key);
        record.set("v", valueOrNull);
        try {
            byte[] line = (Json.MAPPER.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
            bytesSinceCompaction += line.length;
        } catch (IOException e) {
            throw new StateWriteException("Cannot write the state journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    synchronized boolean wantsCompaction() {
        return bytesSinceCompaction > COMPACT_AFTER_BYTES;
    }

    /** Replaces the log with a snapshot of the live entries: written aside, forced, then renamed over. */
    synchronized void rewrite(Map<String, Map<String, JsonNode>> live) throws IOException {
        if (channel != null) {
            channel.close();
        }
        Path tmp = dir.resolve(FILE + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Map.Entry<String, Map<String, JsonNode>> map : live.entrySet()) {
                for (Map.Entry<String, JsonNode> entry : map.getValue().entrySet()) {
                    ObjectNode record = Json.object();
                    record.put("m", map.getKey());
                    record.put("k", entry.getKey());
                    record.set("v", entry.getValue());
                    ByteBuffer buffer = ByteBuffer.wrap(
                            (Json.MAPPER.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8));
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                }
            }
            out.force(true);
        }
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Durability.forceDirectory(dir);
        channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        bytesSinceCompaction = 0;
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
