package gluelab.cloud.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** A signed body's declared SHA-256 ({@code x-amz-content-sha256}) is checked against every byte of the body. */
class DigestCheckingInputStreamTest {

    private static final byte[] BODY = "hello world".getBytes(StandardCharsets.UTF_8);

    @Test
    void aBodyThatMatchesItsDeclaredHashReadsToTheEnd() throws IOException {
        try (InputStream in = new DigestCheckingInputStream(new ByteArrayInputStream(BODY), sha256Hex(BODY))) {
            assertThat(in.readAllBytes()).isEqualTo(BODY);
        }
    }

    @Test
    void aTamperedBodyFailsItsLastRead() {
        InputStream in = new DigestCheckingInputStream(new ByteArrayInputStream("hello w0rld".getBytes(StandardCharsets.UTF_8)),
                sha256Hex(BODY));

        assertThatThrownBy(in::readAllBytes).isInstanceOf(PayloadHashMismatchException.class)
                .hasMessageContaining("x-amz-content-sha256");
    }

    @Test
    void skippedBytesAreHashedToo() throws IOException {
        try (InputStream in = new DigestCheckingInputStream(new ByteArrayInputStream(BODY), sha256Hex(BODY))) {
            assertThat(in.skip(6)).isEqualTo(6);
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("world");
        }
    }

    @Test
    void aTamperedPartIsCaughtEvenWhenItIsSkipped() throws IOException {
        InputStream in = new DigestCheckingInputStream(new ByteArrayInputStream("HELLO world".getBytes(StandardCharsets.UTF_8)),
                sha256Hex(BODY));
        in.skip(6);

        assertThatThrownBy(in::readAllBytes).isInstanceOf(PayloadHashMismatchException.class);
        assertThat(in.markSupported()).as("no mark and reset, which would hash bytes twice").isFalse();
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return SigV4.hex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
