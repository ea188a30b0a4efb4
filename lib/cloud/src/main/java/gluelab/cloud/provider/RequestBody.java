package gluelab.cloud.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A request's body as the protocol needs it: JSON and Query bodies are read whole (they are small and
 * their hash is signed), S3 uploads are streamed.
 */
public final class RequestBody {

    private final byte[] bytes;
    private final InputStream stream;

    private RequestBody(byte[] bytes, InputStream stream) {
        this.bytes = bytes;
        this.stream = stream;
    }

    public static RequestBody ofBytes(byte[] bytes) {
        return new RequestBody(bytes, null);
    }

    public static RequestBody ofStream(InputStream stream) {
        return new RequestBody(null, stream);
    }

    public boolean isBuffered() {
        return bytes != null;
    }

    /** The whole body; for a streamed body this reads it (callers bound its size first). */
    public byte[] bytes() {
        if (bytes != null) {
            return bytes;
        }
        try {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InputStream stream() {
        return bytes != null ? new java.io.ByteArrayInputStream(bytes) : stream;
    }
}
