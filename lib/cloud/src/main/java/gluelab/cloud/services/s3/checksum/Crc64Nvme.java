package gluelab.cloud.services.s3.checksum;

import java.util.zip.Checksum;

/**
 * CRC-64/NVME, the checksum S3 calls CRC64NVME: reflected polynomial 0x9a6c9329ac4bc9b5, initial value
 * and final XOR all ones. The SDK only has it through the native CRT, which Lab Cloud does not ship.
 */
public final class Crc64Nvme implements Checksum {

    private static final long POLYNOMIAL = 0x9a6c9329ac4bc9b5L;
    private static final long[][] TABLES = tables();

    private long crc = -1L;

    private static long[][] tables() {
        long[][] t = new long[8][256];
        for (int i = 0; i < 256; i++) {
            long c = i;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ POLYNOMIAL : c >>> 1;
            }
            t[0][i] = c;
        }
        for (int i = 0; i < 256; i++) {
            for (int k = 1; k < 8; k++) {
                t[k][i] = (t[k - 1][i] >>> 8) ^ t[0][(int) (t[k - 1][i] & 0xff)];
            }
        }
        return t;
    }

    @Override
    public void update(int b) {
        crc = (crc >>> 8) ^ TABLES[0][(int) ((crc ^ b) & 0xff)];
    }

    /** Slicing by eight: one table lookup per byte, eight bytes per step. */
    @Override
    public void update(byte[] bytes, int offset, int length) {
        long c = crc;
        int i = offset;
        int end = offset + length;
        while (end - i >= 8) {
            c ^= (bytes[i] & 0xffL) | (bytes[i + 1] & 0xffL) << 8 | (bytes[i + 2] & 0xffL) << 16
                    | (bytes[i + 3] & 0xffL) << 24 | (bytes[i + 4] & 0xffL) << 32 | (bytes[i + 5] & 0xffL) << 40
                    | (bytes[i + 6] & 0xffL) << 48 | (bytes[i + 7] & 0xffL) << 56;
            c = TABLES[7][(int) (c & 0xff)] ^ TABLES[6][(int) ((c >>> 8) & 0xff)]
                    ^ TABLES[5][(int) ((c >>> 16) & 0xff)] ^ TABLES[4][(int) ((c >>> 24) & 0xff)]
                    ^ TABLES[3][(int) ((c >>> 32) & 0xff)] ^ TABLES[2][(int) ((c >>> 40) & 0xff)]
                    ^ TABLES[1][(int) ((c >>> 48) & 0xff)] ^ TABLES[0][(int) (c >>> 56)];
            i += 8;
        }
        while (i < end) {
            c = (c >>> 8) ^ TABLES[0][(int) ((c ^ bytes[i]) & 0xff)];
            i++;
        }
        crc = c;
    }

    @Override
    public long getValue() {
        return ~crc;
    }

    @Override
    public void reset() {
        crc = -1L;
    }
}
