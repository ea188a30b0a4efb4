package gluelab.cloud.services.s3;

import gluelab.cloud.auth.AwsChunkedInputStream;
import gluelab.cloud.http.HttpExchange;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.s3.checksum.ChecksumAlgorithm;
import gluelab.cloud.services.s3.storage.StagedPayload;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a client declared about its body's integrity: a {@code Content-MD5}, and at most one flexible
 * checksum, given in its {@code x-amz-checksum-<algorithm>} header or announced by {@code x-amz-trailer}
 * and sent after the body. The digests are computed while the body streams in and compared at its end.
 */
final class DeclaredChecksums {

    private static final Map<ChecksumAlgorithm, Integer> DIGEST_LENGTHS = Map.of(
            ChecksumAlgorithm.CRC32, 4, ChecksumAlgorithm.CRC32C, 4, ChecksumAlgorithm.CRC64NVME, 8,
            ChecksumAlgorithm.SHA1, 20, ChecksumAlgorithm.SHA256, 32);

    private final byte[] contentMd5;
    private final ChecksumAlgorithm algorithm;
    private final byte[] headerValue;
    private final String trailer;

    private DeclaredChecksums(byte[] contentMd5, ChecksumAlgorithm algorithm, byte[] headerValue, String trailer) {
        this.contentMd5 = contentMd5;
        this.algorithm = algorithm;
        this.headerValue = headerValue;
        this.trailer = trailer;
    }

    static DeclaredChecksums of(RequestContext context) {
        HttpExchange exchange = context.exchange();
        if (exchange == null) {
            return new DeclaredChecksums(null, null, null, null);
        }
        return of(exchange::header, exchange.headerNames());
    }

    /**
     * What a browser form declared: its {@code Content-MD5} and {@code x-amz-checksum-<algorithm>} fields, which S3
     * checks against the file as it checks the same headers against a PUT's body. A form has no trailers.
     *
     * @param fields the form's fields by their lower-cased names
     */
    static DeclaredChecksums ofFields(Map<String, String> fields) {
        return of(name -> fields.get(name.toLowerCase(Locale.ROOT)), fields.keySet());
    }

    /**
     * @param sent  a header's (or field's) value by its name, whatever its case
     * @param names the names sent
     */
    private static DeclaredChecksums of(java.util.function.UnaryOperator<String> sent,
                                        java.util.Collection<String> names) {
        byte[] md5 = null;
        String md5Header = sent.apply("Content-MD5");
        if (md5Header != null) {
            md5 = decode(md5Header, 16);
            if (md5 == null) {
                throw S3Errors.invalidDigest();
            }
        }
        Map<ChecksumAlgorithm, String> values = new EnumMap<>(ChecksumAlgorithm.class);
        for (String name : names) {
            ChecksumAlgorithm.ofHeader(name).ifPresent(a -> values.put(a, sent.apply(name)));
        }
        if (values.size() > 1) {
            throw S3Errors.invalidRequest("Expecting a single x-amz-checksum- header. Multiple checksum Types are "
                    + "not allowed.");
        }
        ChecksumAlgorithm algorithm = null;
        byte[] value = null;
        String trailer = null;
        if (!values.isEmpty()) {
            algorithm = values.keySet().iterator().next();
            value = decode(values.get(algorithm), DIGEST_LENGTHS.get(algorithm));
            if (value == null) {
                throw S3Errors.invalidRequest("Value for " + algorithm.header() + " header is invalid.");
            }
        } else if (sent.apply("x-amz-trailer") != null) {
            trailer = sent.apply("x-amz-trailer").trim().toLowerCase(Locale.ROOT);
            algorithm = ChecksumAlgorithm.ofHeader(trailer).orElseThrow(() -> S3Errors.invalidRequest(
                    "The value specified in the x-amz-trailer header is not supported"));
        } else if (sent.apply("x-amz-sdk-checksum-algorithm") != null) {
            // The algorithm is named but its value was sent neither as a header nor as a trailer.
            throw S3Errors.invalidRequest("x-amz-sdk-checksum-algorithm specified, but no corresponding "
                    + "x-amz-checksum-* or x-amz-trailer headers were found.");
        }
        return new DeclaredChecksums(md5, algorithm, value, trailer);
    }

    boolean isEmpty() {
        return contentMd5 == null && algorithm == null;
    }

    /** The flexible checksum declared, or null. */
    ChecksumAlgorithm algorithm() {
        return algorithm;
    }

    /** The algorithms to compute while the body streams in: the declared one, plus any the caller needs. */
    Set<ChecksumAlgorithm> algorithmsWith(ChecksumAlgorithm also) {
        Set<ChecksumAlgorithm> out = EnumSet.noneOf(ChecksumAlgorithm.class);
        if (algorithm != null) {
            out.add(algorithm);
        }
        if (also != null) {
            out.add(also);
        }
        return out;
    }

    /** Checks a streamed body once it was read to its end (its trailers are known by then). */
    void verify(StagedPayload staged, InputStream body) {
        if (contentMd5 != null && !Arrays.equals(contentMd5, staged.md5())) {
            throw S3Errors.contentMd5Mismatch();
        }
        if (algorithm == null) {
            return;
        }
        byte[] expected = headerValue;
        if (expected == null) {
            String sent = body instanceof AwsChunkedInputStream chunked ? chunked.trailers().get(trailer) : null;
            if (sent == null) {
                throw S3Errors.invalidRequest("The x-amz-trailer header named " + trailer
                        + " but the body had no such trailer.");
            }
            expected = decode(sent, DIGEST_LENGTHS.get(algorithm));
            if (expected == null) {
                throw S3Errors.invalidRequest("Value for " + algorithm.header() + " trailing header is invalid.");
            }
        }
        if (!Arrays.equals(expected, staged.checksums().get(algorithm))) {
            throw S3Errors.badDigest(algorithm.name());
        }
    }

    /** Checks a body that was read whole (an XML document). */
    void verify(byte[] body) {
        Map<ChecksumAlgorithm, byte[]> computed = new EnumMap<>(ChecksumAlgorithm.class);
        if (algorithm != null) {
            ChecksumAlgorithm.Running running = algorithm.start();
            running.update(body, 0, body.length);
            computed.put(algorithm, running.finish());
        }
        verify(new StagedPayload(null, null, body.length, md5(body), computed),
                new java.io.ByteArrayInputStream(body));
    }

    static String base64(byte[] digest) {
        return Base64.getEncoder().encodeToString(digest);
    }

    private static byte[] decode(String value, int length) {
        try {
            byte[] bytes = Base64.getDecoder().decode(value.trim());
            return bytes.length == length ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] md5(byte[] body) {
        try {
            return MessageDigest.getInstance("MD5").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The error for a declared checksum that names an algorithm the upload does not use. */
    static AwsServiceException typeMismatch(String expected, ChecksumAlgorithm actual) {
        return S3Errors.invalidRequest("Checksum Type mismatch occurred, expected checksum Type: "
                + expected.toLowerCase(Locale.ROOT) + ", actual checksum Type: "
                + (actual == null ? "null" : actual.name().toLowerCase(Locale.ROOT)));
    }
}
