package gluelab.lab.data;

import java.io.ByteArrayInputStream;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A Parquet file held in memory (job output is small), so reading it needs no file system and no temp files. */
final class BytesInputFile implements InputFile {

    private final byte[] bytes;

    BytesInputFile(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public long getLength() {
        return bytes.length;
    }

    @Override
    public SeekableInputStream newStream() {
        SeekableBytes stream = new SeekableBytes(bytes);
        return new DelegatingSeekableInputStream(stream) {
            @Override
            public long getPos() {
                return stream.position();
            }

            @Override
            public void seek(long newPos) {
                stream.seek(newPos);
            }
        };
    }

    /** A byte-array stream whose position can be read and set. */
    private static final class SeekableBytes extends ByteArrayInputStream {

        SeekableBytes(byte[] bytes) {
            super(bytes);
        }

        long position() {
            return pos;
        }

        void seek(long newPosition) {
            if (newPosition < 0 || newPosition > count) {
                throw new IllegalArgumentException("Cannot seek to " + newPosition + " in " + count + " bytes");
            }
            pos = (int) newPosition;
        }
    }
}
