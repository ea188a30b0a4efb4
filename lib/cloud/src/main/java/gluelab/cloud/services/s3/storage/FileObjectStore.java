package gluelab.cloud.services.s3.storage;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.s3.S3Errors;
import gluelab.cloud.services.s3.checksum.ChecksumAlgorithm;
import gluelab.cloud.shape.JsonShapeCodec;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.StateStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;

/**
 * Lab Cloud's own S3 storage engine: metadata in journaled {@link DurableMap}s, bytes in
 * {@link PayloadFiles}. A write streams to a staged file (forced to disk when persistent), is checked,
 * moves among the payload files, and only then is its metadata journaled, which is the moment it exists.
 * Whatever a crash interrupts before that is swept away at the next start.
 *
 * <p>Buckets are one global registry, as bucket names are global; each bucket's objects, uploads and
 * parts are maps in its owner's account and region. A bucket keeps the latest version of each key in one map
 * (what GET and the listings read, at no cost to buckets without versioning) and its older versions in another.
 * A change of versions journals the older map first and the latest map last, which is the moment it happens: a
 * crash in between leaves at most an older copy of the latest version (or of the null version it replaced), which
 * readers never see and the next start removes.
 */
public final class FileObjectStore implements ObjectStore {

    private static final String SERVICE = "s3";
    private static final Codec<NotificationConfiguration> NOTIFICATION_CODEC = new Codec<>() {
        @Override
        public JsonNode encode(NotificationConfiguration value) {
            return JsonShapeCodec.write(value);
        }

        @Override
        public NotificationConfiguration decode(JsonNode json) {
            return JsonShapeCodec.read(json, NotificationConfiguration.class);
        }
    };

    private final StateStore state;
    private final PayloadFiles files;
    private final DurableMap<BucketRecord> buckets;
    private final DurableMap<NotificationConfiguration> notifications;
    private final Map<String, BucketState> bucketStates = new ConcurrentHashMap<>();
    /** The order versions are made in, across restarts: it continues above every version already kept. */
    private final AtomicLong sequence = new AtomicLong();

    /** One bucket's maps, and the lock that keeps writes out while the bucket is deleted. */
    private static final class BucketState {
        /** The latest version of each key, delete markers included. */
        final DurableMap<ObjectRecord> objects;
        /** Every other version, by {@link #versionKey}: a key's versions together, newest first. */
        final DurableMap<ObjectRecord> older;
        final DurableMap<UploadRecord> uploads;
        final DurableMap<PartRecord> parts;
        final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
        final Object multipart = new Object();
        /** Serializes changes to versions, which touch both version maps. */
        final Object versions = new Object();
        boolean deleted;

        BucketState(StateStore state, BucketRecord bucket) {
            Scope scope = new Scope(bucket.ownerAccount(), bucket.region());
            this.objects = state.map(scope.mapName(SERVICE, "objects/" + bucket.name()),
                    Codec.of(ObjectRecord.class), Utf8BinaryOrder.INSTANCE);
            this.older = state.map(scope.mapName(SERVICE, "versions/" + bucket.name()), Codec.of(ObjectRecord.class));
            this.uploads = state.map(scope.mapName(SERVICE, "uploads/" + bucket.name()), Codec.of(UploadRecord.class));
            this.parts = state.map(scope.mapName(SERVICE, "parts/" + bucket.name()), Codec.of(PartRecord.class));
        }
    }

    /** A version just published, and the payload files of the version it replaced for good, if any. */
    private record Published(ObjectRecord version, List<String> released) {
    }

    public FileObjectStore(StateStore state) {
        this.state = state;
        this.files = new PayloadFiles(state.payloadDir(SERVICE), state.isPersistent());
        this.buckets = state.map(new Scope("global", "global").mapName(SERVICE, "buckets"), Codec.of(BucketRecord.class));
        this.notifications = state.map(new Scope("global", "global").mapName(SERVICE, "notifications"),
                NOTIFICATION_CODEC);
        Set<String> referenced = new HashSet<>();
        long newest = 0;
        for (BucketRecord bucket : buckets.values()) {
            BucketState bucketState = stateOf(bucket);
            removeInterruptedCopies(bucketState);
            for (DurableMap<ObjectRecord> versions : List.of(bucketState.objects, bucketState.older)) {
                for (ObjectRecord version : versions.values()) {
                    version.segments().forEach(s -> referenced.add(s.fileId()));
                    newest = Math.max(newest, version.sequence());
                }
            }
            bucketState.parts.values().forEach(p -> referenced.add(p.fileId()));
        }
        sequence.set(newest);
        files.sweep(referenced);
    }

    /**
     * Older copies a crash left between the two journal writes of a change of versions: a copy of a latest version
     * (or of a null version the latest replaced) among the older versions, or older versions left without a latest.
     */
    private static void removeInterruptedCopies(BucketState bucket) {
        for (Map.Entry<String, ObjectRecord> entry : List.copyOf(bucket.older.view().entrySet())) {
            ObjectRecord latest = bucket.objects.get(entry.getValue().key());
            if (latest == null) {
                bucket.objects.put(entry.getValue().key(), entry.getValue());
                bucket.older.remove(entry.getKey());
            } else if (latest.isVersion(entry.getValue().versionId())) {
                bucket.older.remove(entry.getKey());
            }
        }
    }

    /** Where the payload files are, for tests that check no key escaped them. */
    public PayloadFiles files() {
        return files;
    }

    private BucketState stateOf(BucketRecord bucket) {
        return bucketStates.computeIfAbsent(bucket.name(), n -> new BucketState(state, bucket));
    }

    private BucketState require(String bucket) {
        BucketRecord record = buckets.get(bucket);
        if (record == null) {
            throw S3Errors.noSuchBucket(bucket);
        }
        return stateOf(record);
    }

    /** Runs a write unless the bucket is being (or was) deleted meanwhile. */
    private <T> T writeIn(String bucket, BucketState target, Supplier<T> write) {
        target.lifecycle.readLock().lock();
        try {
            if (target.deleted) {
                throw S3Errors.noSuchBucket(bucket);
            }
            return write.get();
        } finally {
            target.lifecycle.readLock().unlock();
        }
    }

    // ---- buckets --------------------------------------------------------------------------------

    @Override
    public Optional<BucketRecord> bucket(String name) {
        return buckets.find(name);
    }

    @Override
    public Collection<BucketRecord> buckets() {
        return buckets.values();
    }

    @Override
    public Optional<BucketRecord> createBucket(BucketRecord bucket) {
        synchronized (buckets) {
            BucketRecord existing = buckets.putIfAbsent(bucket.name(), bucket);
            if (existing != null) {
                return Optional.of(existing);
            }
            bucketStates.put(bucket.name(), new BucketState(state, bucket));
            return Optional.empty();
        }
    }

    @Override
    public BucketRecord updateBucket(String name, UnaryOperator<BucketRecord> change) {
        BucketState target = require(name);
        return writeIn(name, target, () -> buckets.update(name, current -> {
            if (current == null) {
                throw S3Errors.noSuchBucket(name);
            }
            return change.apply(current);
        }));
    }

    @Override
    public boolean deleteBucket(String name) {
        BucketState target = require(name);
        return removeBucket(name, target, false) >= 0;
    }

    /** @return objects removed, or -1 if the bucket was not empty and {@code force} was false */
    private int removeBucket(String name, BucketState target, boolean force) {
        target.lifecycle.writeLock().lock();
        try {
            if (target.deleted) {
                return 0;
            }
            if (!force && !target.objects.isEmpty()) {
                return -1;
            }
            List<String> released = new ArrayList<>();
            int removed = 0;
            for (String key : List.copyOf(target.objects.keys())) {
                ObjectRecord gone = target.objects.remove(key);
                if (gone != null) {
                    gone.segments().forEach(s -> released.add(s.fileId()));
                    removed++;
                }
            }
            for (String key : List.copyOf(target.older.keys())) {
                ObjectRecord gone = target.older.remove(key);
                if (gone != null) {
                    gone.segments().forEach(s -> released.add(s.fileId()));
                }
            }
            target.uploads.clear();
            for (String key : List.copyOf(target.parts.keys())) {
                PartRecord gone = target.parts.remove(key);
                if (gone != null) {
                    released.add(gone.fileId());
                }
            }
            notifications.remove(name);
            synchronized (buckets) {
                buckets.remove(name);
                bucketStates.remove(name);
            }
            target.deleted = true;
            files.delete(released);
            return removed;
        } finally {
            target.lifecycle.writeLock().unlock();
        }
    }

    @Override
    public Optional<NotificationConfiguration> notificationConfiguration(String bucket) {
        return notifications.find(bucket);
    }

    @Override
    public void putNotificationConfiguration(String bucket, NotificationConfiguration configuration) {
        BucketState target = require(bucket);
        writeIn(bucket, target, () -> notifications.put(bucket, configuration));
    }

    // ---- objects --------------------------------------------------------------------------------

    @Override
    public Optional<ObjectRecord> latest(String bucket, String key) {
        return require(bucket).objects.find(key);
    }

    @Override
    public Optional<ObjectRecord> version(String bucket, String key, String versionId) {
        return versions(bucket, key).stream().filter(v -> v.isVersion(versionId)).findFirst();
    }

    @Override
    public List<ObjectRecord> versions(String bucket, String key) {
        BucketState target = require(bucket);
        ObjectRecord latest = target.objects.get(key);
        if (latest == null) {
            return List.of();
        }
        List<ObjectRecord> all = new ArrayList<>();
        all.add(latest);
        olderVersions(target, key).forEach(e -> all.add(e.getValue()));
        return all;
    }

    /**
     * The key's older versions, newest first, as map entries. A copy of the latest version (a change of versions
     * under way, or one a crash interrupted) is not one of them.
     */
    private static List<Map.Entry<String, ObjectRecord>> olderVersions(BucketState target, String key) {
        ObjectRecord latest = target.objects.get(key);
        String from = versionKeyPrefix(key);
        List<Map.Entry<String, ObjectRecord>> out = new ArrayList<>();
        for (Map.Entry<String, ObjectRecord> entry : target.older.view().subMap(from, true, from + "~", false).entrySet()) {
            if (latest == null || !latest.isVersion(entry.getValue().versionId())) {
                out.add(entry);
            }
        }
        return out;
    }

    /** A key's versions sort together, newest first; the key is hex, so no other key's versions fall among them. */
    private static String versionKey(String key, long sequence) {
        return versionKeyPrefix(key) + String.format("%019d", Long.MAX_VALUE - sequence);
    }

    private static String versionKeyPrefix(String key) {
        return HexFormat.of().formatHex(key.getBytes(StandardCharsets.UTF_8)) + " ";
    }

    @Override
    public NavigableMap<String, ObjectRecord> objects(String bucket) {
        return require(bucket).objects.view();
    }

    @Override
    public InputStream open(List<Segment> segments, long offset, long length) {
        try {
            return files.open(segments, offset, length);
        } catch (NoSuchFileException gone) {
            throw new ObjectChangedException();
        }
    }

    @Override
    public ObjectRecord putObject(Requester requester, String bucket, String key, InputStream body,
                                  Set<ChecksumAlgorithm> checksums, PayloadDescriber<ObjectRecord> describer,
                                  WriteCondition condition) {
        BucketState target = require(bucket);
        StagedPayload staged = files.stage(body, checksums);
        return publishObject(bucket, key, target, staged, describer, condition);
    }

    @Override
    public ObjectRecord copyObject(Requester requester, ObjectRecord source, String bucket, String key,
                                   Set<ChecksumAlgorithm> checksums, PayloadDescriber<ObjectRecord> describer,
                                   WriteCondition condition) {
        BucketState target = require(bucket);
        StagedPayload staged;
        try (InputStream in = open(source.segments(), 0, source.size())) {
            staged = files.stageCopy(in, checksums);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return publishObject(bucket, key, target, staged, describer, condition);
    }

    private ObjectRecord publishObject(String bucket, String key, BucketState target, StagedPayload staged,
                                       PayloadDescriber<ObjectRecord> describer, WriteCondition condition) {
        ObjectRecord record;
        try {
            record = describer.describe(staged);
        } catch (RuntimeException refused) {
            files.discard(staged);
            throw refused;
        }
        files.publish(staged);
        Published published;
        try {
            published = writeIn(bucket, target, () -> publishVersion(target, key, record, condition, () -> { }));
        } catch (RuntimeException refused) {
            files.delete(List.of(staged.fileId()));
            throw refused;
        }
        files.delete(published.released());
        return published.version();
    }

    /**
     * Makes {@code version} the key's latest version, once {@code condition} holds for the key's object and
     * {@code beforePublishing} has run. The latest version it follows becomes an older version, unless both are
     * the null version; an older version with the same id (the null version) is replaced.
     */
    private Published publishVersion(BucketState target, String key, ObjectRecord version, WriteCondition condition,
                                     Runnable beforePublishing) {
        synchronized (target.versions) {
            ObjectRecord latest = target.objects.get(key);
            condition.check(latest == null || latest.deleteMarker() ? null : latest);
            beforePublishing.run();
            ObjectRecord published = version.withSequence(sequence.incrementAndGet());
            List<String> released = new ArrayList<>();
            Map.Entry<String, ObjectRecord> replacedOlder = null;
            if (latest != null && latest.isVersion(published.versionId())) {
                released.addAll(fileIds(latest));
            } else if (latest != null) {
                for (Map.Entry<String, ObjectRecord> older : olderVersions(target, key)) {
                    if (older.getValue().isVersion(published.versionId())) {
                        replacedOlder = older;
                    }
                }
                target.older.put(versionKey(key, latest.sequence()), latest);
            }
            target.objects.put(key, published);
            if (replacedOlder != null) {
                target.older.remove(replacedOlder.getKey());
                released.addAll(fileIds(replacedOlder.getValue()));
            }
            return new Published(published, released);
        }
    }

    private static List<String> fileIds(ObjectRecord version) {
        return version.segments().stream().map(Segment::fileId).toList();
    }

    @Override
    public ObjectRecord putDeleteMarker(Requester requester, String bucket, ObjectRecord marker) {
        BucketState target = require(bucket);
        Published published = writeIn(bucket, target,
                () -> publishVersion(target, marker.key(), marker, WriteCondition.NONE, () -> { }));
        files.delete(published.released());
        return published.version();
    }

    @Override
    public Optional<ObjectRecord> deleteObject(Requester requester, String bucket, String key, String versionId) {
        BucketState target = require(bucket);
        ObjectRecord removed = writeIn(bucket, target, () -> {
            synchronized (target.versions) {
                ObjectRecord latest = target.objects.get(key);
                if (latest == null) {
                    return null;
                }
                List<Map.Entry<String, ObjectRecord>> older = olderVersions(target, key);
                if (latest.isVersion(versionId)) {
                    if (older.isEmpty()) {
                        target.objects.remove(key);
                    } else {
                        // The next newest becomes the latest first; its older copy goes after.
                        target.objects.put(key, older.get(0).getValue());
                        target.older.remove(older.get(0).getKey());
                    }
                    return latest;
                }
                for (Map.Entry<String, ObjectRecord> entry : older) {
                    if (entry.getValue().isVersion(versionId)) {
                        target.older.remove(entry.getKey());
                        return entry.getValue();
                    }
                }
                return null;
            }
        });
        if (removed != null) {
            files.delete(fileIds(removed));
        }
        return Optional.ofNullable(removed);
    }

    @Override
    public Optional<ObjectRecord> updateVersion(String bucket, String key, String versionId,
                                                UnaryOperator<ObjectRecord> change) {
        BucketState target = require(bucket);
        return Optional.ofNullable(writeIn(bucket, target, () -> {
            synchronized (target.versions) {
                ObjectRecord latest = target.objects.get(key);
                if (latest == null) {
                    return null;
                }
                if (latest.isVersion(versionId)) {
                    if (latest.deleteMarker()) {
                        return null;
                    }
                    ObjectRecord changed = unchangedBytes(latest, change);
                    target.objects.put(key, changed);
                    return changed;
                }
                for (Map.Entry<String, ObjectRecord> entry : olderVersions(target, key)) {
                    if (entry.getValue().isVersion(versionId)) {
                        if (entry.getValue().deleteMarker()) {
                            return null;
                        }
                        ObjectRecord changed = unchangedBytes(entry.getValue(), change);
                        target.older.put(entry.getKey(), changed);
                        return changed;
                    }
                }
                return null;
            }
        }));
    }

    private static ObjectRecord unchangedBytes(ObjectRecord version, UnaryOperator<ObjectRecord> change) {
        ObjectRecord changed = change.apply(version);
        if (!changed.segments().equals(version.segments()) || changed.sequence() != version.sequence()
                || !changed.isVersion(version.versionId())) {
            throw new IllegalArgumentException("A version's bytes, order and id never change");
        }
        return changed;
    }

    // ---- multipart uploads ----------------------------------------------------------------------

    @Override
    public UploadRecord createUpload(UploadRecord upload) {
        BucketState target = require(upload.bucket());
        return writeIn(upload.bucket(), target, () -> {
            target.uploads.put(upload.uploadId(), upload);
            return upload;
        });
    }

    @Override
    public Optional<UploadRecord> upload(String bucket, String uploadId) {
        return require(bucket).uploads.find(uploadId);
    }

    @Override
    public Collection<UploadRecord> uploads(String bucket) {
        return require(bucket).uploads.values();
    }

    @Override
    public List<PartRecord> parts(String bucket, String uploadId) {
        return List.copyOf(require(bucket).parts.view().subMap(uploadId + "/", uploadId + "0").values());
    }

    private static String partKey(String uploadId, int partNumber) {
        return uploadId + "/" + String.format("%05d", partNumber);
    }

    @Override
    public Optional<PartRecord> uploadPart(Requester requester, UploadRecord upload, int partNumber, InputStream body,
                                           Set<ChecksumAlgorithm> checksums, PayloadDescriber<PartRecord> describer) {
        BucketState target = require(upload.bucket());
        StagedPayload staged = files.stage(body, checksums);
        return publishPart(upload, partNumber, target, staged, describer);
    }

    @Override
    public Optional<PartRecord> copyPart(Requester requester, UploadRecord upload, int partNumber, ObjectRecord source,
                                         long offset, long length, PayloadDescriber<PartRecord> describer) {
        BucketState target = require(upload.bucket());
        Set<ChecksumAlgorithm> checksums = ChecksumAlgorithm.named(upload.checksumAlgorithm()).map(Set::of).orElse(Set.of());
        StagedPayload staged;
        try (InputStream in = open(source.segments(), offset, length)) {
            staged = files.stageCopy(in, checksums);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return publishPart(upload, partNumber, target, staged, describer);
    }

    private Optional<PartRecord> publishPart(UploadRecord upload, int partNumber, BucketState target,
                                             StagedPayload staged, PayloadDescriber<PartRecord> describer) {
        PartRecord part;
        try {
            part = describer.describe(staged);
        } catch (RuntimeException refused) {
            files.discard(staged);
            throw refused;
        }
        files.publish(staged);
        // Empty: the upload was completed or aborted meanwhile. Otherwise the part this one replaced, if any.
        Optional<Optional<PartRecord>> stored = writeIn(upload.bucket(), target, () -> {
            synchronized (target.multipart) {
                if (!target.uploads.containsKey(upload.uploadId())) {
                    return Optional.empty();
                }
                return Optional.of(Optional.ofNullable(target.parts.put(partKey(upload.uploadId(), partNumber), part)));
            }
        });
        if (stored.isEmpty()) {
            files.delete(List.of(part.fileId()));
            return Optional.empty();
        }
        stored.get().ifPresent(replaced -> files.delete(List.of(replaced.fileId())));
        return Optional.of(part);
    }

    @Override
    public Optional<ObjectRecord> completeUpload(Requester requester, UploadRecord upload, List<PartRecord> chosen,
                                                 ObjectRecord object, WriteCondition condition) {
        BucketState target = require(upload.bucket());
        List<String> released = new ArrayList<>();
        Published completed = writeIn(upload.bucket(), target, () -> {
            synchronized (target.multipart) {
                if (!target.uploads.containsKey(upload.uploadId())) {
                    return null;
                }
                for (PartRecord part : chosen) {
                    PartRecord current = target.parts.get(partKey(upload.uploadId(), part.partNumber()));
                    if (current == null || !current.fileId().equals(part.fileId())) {
                        throw S3Errors.invalidPart("Part " + part.partNumber() + " was replaced while the upload "
                                + "was being completed.");
                    }
                }
                Set<String> kept = new HashSet<>();
                chosen.forEach(p -> kept.add(p.fileId()));
                // The upload's records go before the object is published: a crash in between loses an
                // unacknowledged completion (its files are swept), never leaves two owners of one file.
                return publishVersion(target, upload.key(), object, condition, () -> {
                    target.uploads.remove(upload.uploadId());
                    for (PartRecord part : parts(upload.bucket(), upload.uploadId())) {
                        target.parts.remove(partKey(upload.uploadId(), part.partNumber()));
                        if (!kept.contains(part.fileId())) {
                            released.add(part.fileId());
                        }
                    }
                });
            }
        });
        if (completed == null) {
            return Optional.empty();
        }
        files.delete(released);
        files.delete(completed.released());
        return Optional.of(completed.version());
    }

    @Override
    public boolean abortUpload(String bucket, String uploadId) {
        BucketState target = require(bucket);
        List<String> released = new ArrayList<>();
        boolean aborted = writeIn(bucket, target, () -> {
            synchronized (target.multipart) {
                if (target.uploads.remove(uploadId) == null) {
                    return false;
                }
                for (PartRecord part : parts(bucket, uploadId)) {
                    target.parts.remove(partKey(uploadId, part.partNumber()));
                    released.add(part.fileId());
                }
                return true;
            }
        });
        files.delete(released);
        return aborted;
    }

    @Override
    public int reset(String prefix) {
        int removed = 0;
        for (BucketRecord bucket : List.copyOf(buckets.values())) {
            if (prefix == null || bucket.name().startsWith(prefix)) {
                removed += 1 + Math.max(0, removeBucket(bucket.name(), stateOf(bucket), true));
            }
        }
        return removed;
    }
}
