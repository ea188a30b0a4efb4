package gluelab.cloud.auth;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Passes a body through while hashing it, and fails the last read if the SHA-256 differs from the
 * declared one, so a tampered upload is never stored.
 */
public final class DigestCheckingInputStream extends FilterInputStream {

    private final String expectedHex;
    private final MessageDigest digest;
    private boolean checked;

    public DigestCheckingInputStream(InputStream in, String expectedHex) {
        super(in);
        this.expectedHex = expectedHex.toLowerCase();
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            check();
        } else {
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            check();
        } else {
            digest.update(buffer, offset, n);
        }
        return n;
    }

    private void check() throws IOException {
        if (checked) {
            return;
        }
        checked = true;
        String actual = SigV4.hex(digest.digest());
        if (!actual.equals(expectedHex)) {
            throw new PayloadHashMismatchException("The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
    }
}
