package gluelab.cloud.auth;

import gluelab.cloud.http.BlockReadInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes an {@code aws-chunked} body as it streams: {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD} with a
 * signature per chunk chained from the request's signature, its {@code -TRAILER} variant, and
 * {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}. Data is passed on as it arrives and each chunk's signature
 * is checked at its end, so a forged chunk fails the read; the caller discards what it wrote.
 */
public final class AwsChunkedInputStream extends BlockReadInputStream {

    /** A chunk or trailer signature did not match, or the framing was broken. */
    public static final class ChunkException extends IOException {
        private final boolean badSignature;

        ChunkException(String message, boolean badSignature) {
            super(message);
            this.badSignature = badSignature;
        }

        public boolean badSignature() {
            return badSignature;
        }
    }

    private static final int MAX_LINE = 8192;
    private static final long MAX_CHUNK = 64L * 1024 * 1024;

    private final InputStream in;
    private final Authentication auth;
    private final boolean signedChunks;
    private final boolean hasTrailer;
    private final Map<String, String> trailers = new LinkedHashMap<>();
    private String previousSignature;
    private long remaining;
    private String chunkSignature;
    private MessageDigest chunkDigest;
    private boolean finished;
    private long decodedLength;

    public AwsChunkedInputStream(InputStream in, Authentication auth, boolean signedChunks, boolean hasTrailer) {
        this.in = in;
        this.auth = auth;
        this.signedChunks = signedChunks;
        this.hasTrailer = hasTrailer;
        this.previousSignature = auth == null ? null : auth.seedSignature();
    }

    public static boolean isChunkedMode(String contentSha256) {
        return contentSha256 != null && contentSha256.startsWith("STREAMING-");
    }

    /** Whether the mode signs each chunk, chained from a SigV4 request signature. */
    public static boolean hasSignedChunks(String contentSha256) {
        return contentSha256 != null && contentSha256.startsWith("STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
    }

    /** Wraps a body declared with one of the streaming modes of {@code x-amz-content-sha256}. */
    public static AwsChunkedInputStream forMode(String contentSha256, InputStream in, Authentication auth) throws IOException {
        return switch (contentSha256) {
            case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" -> new AwsChunkedInputStream(in, auth, true, false);
            case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER" -> new AwsChunkedInputStream(in, auth, true, true);
            case "STREAMING-UNSIGNED-PAYLOAD-TRAILER" -> new AwsChunkedInputStream(in, auth, false, true);
            default -> throw new ChunkException("Unsupported x-amz-content-sha256 mode " + contentSha256, false);
        };
    }

    /** Trailing headers (e.g. {@code x-amz-checksum-crc32}), known once the stream is fully read. */
    public Map<String, String> trailers() {
        return trailers;
    }

    public long decodedLength() {
        return decodedLength;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (finished) {
            return -1;
        }
        if (remaining == 0) {
            nextChunk();
            if (finished) {
                return -1;
            }
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            throw new ChunkException("The body ended inside a chunk", false);
        }
        if (chunkDigest != null) {
            chunkDigest.update(buffer, offset, n);
        }
        remaining -= n;
        decodedLength += n;
        if (remaining == 0) {
            endChunk();
        }
        return n;
    }

    private void nextChunk() throws IOException {
        String header = readLine();
        String sizeHex = header;
        chunkSignature = null;
        int semicolon = header.indexOf(';');
        if (semicolon >= 0) {
            sizeHex = header.substring(0, semicolon);
            String extension = header.substring(semicolon + 1).trim();
            if (extension.startsWith("chunk-signature=")) {
                chunkSignature = extension.substring("chunk-signature=".length()).trim();
            }
        }
        long size;
        try {
            size = Long.parseLong(sizeHex.trim(), 16);
        } catch (NumberFormatException e) {
            throw new ChunkException("Malformed chunk size '" + sizeHex + "'", false);
        }
        if (size < 0 || size > MAX_CHUNK) {
            throw new ChunkException("Chunk size " + size + " is out of range", false);
        }
        if (signedChunks && chunkSignature == null) {
            throw new ChunkException("A signed chunk has no chunk-signature", true);
        }
        chunkDigest = signedChunks ? sha256() : null;
        remaining = size;
        if (size == 0) {
            verifyChunk();
            if (hasTrailer) {
                readTrailers();
            } else {
                readLine(true);
            }
            finished = true;
        }
    }

    private void endChunk() throws IOException {
        String crlf = readLine();
        if (!crlf.isEmpty()) {
            throw new ChunkException("A chunk is longer than its declared size", false);
        }
        verifyChunk();
    }

    private void verifyChunk() throws ChunkException {
        if (!signedChunks) {
            return;
        }
        String stringToSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + auth.amzDate() + "\n" + auth.scope() + "\n"
                + previousSignature + "\n" + SigV4.EMPTY_SHA256 + "\n" + SigV4.hex(chunkDigest.digest());
        String expected = SigV4.sign(auth.signingKey(), stringToSign);
        if (!SigV4.sameSignature(expected, chunkSignature)) {
            throw new ChunkException("The chunk signature does not match", true);
        }
        previousSignature = expected;
    }

    private void readTrailers() throws IOException {
        StringBuilder canonical = new StringBuilder();
        String trailerSignature = null;
        while (true) {
            String line = readLine(true);
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new ChunkException("Malformed trailer line", false);
            }
            String name = line.substring(0, colon).trim().toLowerCase();
            String value = line.substring(colon + 1).trim();
            if (name.equals("x-amz-trailer-signature")) {
                trailerSignature = value;
            } else {
                trailers.put(name, value);
                canonical.append(name).append(':').append(value).append('\n');
            }
        }
        if (signedChunks) {
            String stringToSign = "AWS4-HMAC-SHA256-TRAILER\n" + auth.amzDate() + "\n" + auth.scope() + "\n"
                    + previousSignature + "\n" + SigV4.sha256Hex(canonical.toString());
            if (!SigV4.sameSignature(SigV4.sign(auth.signingKey(), stringToSign), trailerSignature)) {
                throw new ChunkException("The trailer signature does not match", true);
            }
        }
    }

    private String readLine() throws IOException {
        return readLine(false);
    }

    /** Reads one CRLF-terminated line; {@code endAllowed} accepts a body that stops where the line would be. */
    private String readLine(boolean endAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0 && endAllowed) {
                    return "";
                }
                throw new ChunkException("The body ended inside the chunk framing", false);
            }
            if (b == '\r') {
                int next = in.read();
                if (next == '\n') {
                    return line.toString(StandardCharsets.ISO_8859_1);
                }
                throw new ChunkException("Chunk framing is missing a line feed", false);
            }
            line.write(b);
            if (line.size() > MAX_LINE) {
                throw new ChunkException("A chunk header line is too long", false);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
