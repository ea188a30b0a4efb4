package gluelab.cloud.services.s3.storage;

import gluelab.cloud.http.BlockReadInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;

/** Reads slices of already-open payload files one after another, as one object body. */
final class SegmentedInputStream extends BlockReadInputStream {

    record Slice(FileChannel channel, long from, long length) {
    }

    private final List<Slice> slices;
    private int current;
    private long readInSlice;

    SegmentedInputStream(List<Slice> slices) {
        this.slices = slices;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (current < slices.size()) {
            Slice slice = slices.get(current);
            long left = slice.length() - readInSlice;
            if (left <= 0) {
                current++;
                readInSlice = 0;
                continue;
            }
            ByteBuffer target = ByteBuffer.wrap(buffer, offset, (int) Math.min(length, left));
            int n = slice.channel().read(target, slice.from() + readInSlice);
            if (n < 0) {
                throw new IOException("A payload file is shorter than its metadata says");
            }
            readInSlice += n;
            return n;
        }
        return -1;
    }

    @Override
    public void close() {
        closeQuietly();
    }

    void closeQuietly() {
        for (Slice slice : slices) {
            try {
                slice.channel().close();
            } catch (IOException ignored) {
                // Closing a read-only channel: nothing to lose.
            }
        }
    }
}
