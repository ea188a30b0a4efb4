package gluelab.cloud.auth;

import gluelab.cloud.http.BlockReadInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Passes a body through while hashing it, and fails the last read if the SHA-256 differs from the
 * declared one, so a tampered upload is never stored. Every byte is read through the hash: a skip reads and
 * discards (a skip straight on the body would leave its bytes out of the hash), and there is no mark and reset.
 */
public final class DigestCheckingInputStream extends BlockReadInputStream {

    private final InputStream in;
    private final String expectedHex;
    private final MessageDigest digest;
    private boolean checked;

    public DigestCheckingInputStream(InputStream in, String expectedHex) {
        this.in = in;
        this.expectedHex = expectedHex.toLowerCase();
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            check();
        } else {
            digest.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
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
