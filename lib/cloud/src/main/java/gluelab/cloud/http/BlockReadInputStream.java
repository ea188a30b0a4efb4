package gluelab.cloud.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request or response body stream that reads in blocks only: a subclass writes {@link #read(byte[], int, int)},
 * and the single-byte read is that read with a block of one, so what a body stream keeps track of as it reads (a
 * count, a chunk's digest, a position in a file) is kept in one place.
 */
public abstract class BlockReadInputStream extends InputStream {

    private final byte[] one = new byte[1];

    @Override
    public final int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] buffer, int offset, int length) throws IOException;
}
