package gluelab.cloud.services.s3.checksum;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/** The flexible checksums S3 accepts, named as the SDK names them, with their header and digest. */
public enum ChecksumAlgorithm {
    CRC32(() -> crc(new CRC32(), 4)),
    CRC32C(() -> crc(new CRC32C(), 4)),
    CRC64NVME(() -> crc(new Crc64Nvme(), 8)),
    SHA1(() -> digest("SHA-1")),
    SHA256(() -> digest("SHA-256"));

    /** A checksum being computed over a stream of bytes. */
    public interface Running {
        void update(byte[] bytes, int offset, int length);

        /** The digest in its wire form: big-endian bytes. */
        byte[] finish();
    }

    private final Supplier<Running> factory;

    ChecksumAlgorithm(Supplier<Running> factory) {
        this.factory = factory;
    }

    public Running start() {
        return factory.get();
    }

    /** The header that carries it: {@code x-amz-checksum-crc32}, … */
    public String header() {
        return "x-amz-checksum-" + name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ChecksumAlgorithm> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ChecksumAlgorithm algorithm : values()) {
            if (algorithm.name().equalsIgnoreCase(name.trim())) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The algorithm whose header this is, e.g. {@code x-amz-checksum-crc32c}. */
    public static Optional<ChecksumAlgorithm> ofHeader(String header) {
        String lower = header.toLowerCase(Locale.ROOT);
        return lower.startsWith("x-amz-checksum-") ? named(lower.substring("x-amz-checksum-".length())) : Optional.empty();
    }

    private static Running crc(Checksum checksum, int bytes) {
        return new Running() {
            @Override
            public void update(byte[] data, int offset, int length) {
                checksum.update(data, offset, length);
            }

            @Override
            public byte[] finish() {
                ByteBuffer buffer = ByteBuffer.allocate(8).putLong(checksum.getValue());
                byte[] out = new byte[bytes];
                System.arraycopy(buffer.array(), 8 - bytes, out, 0, bytes);
                return out;
            }
        };
    }

    private static Running digest(String name) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new Running() {
            @Override
            public void update(byte[] data, int offset, int length) {
                digest.update(data, offset, length);
            }

            @Override
            public byte[] finish() {
                return digest.digest();
            }
        };
    }
}
