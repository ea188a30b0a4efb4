package gluelab.cloud.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.http.HttpExchange;
import gluelab.cloud.http.HttpResponse;
import gluelab.cloud.http.QueryString;
import gluelab.cloud.services.s3.S3ProtocolCodec;
import gluelab.cloud.state.StateStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * S3's Signature Version 2, checked against the signed requests AWS publishes in "Signing and authenticating REST
 * requests (AWS signature version 2)" with its example key pair: each must verify as sent, and fail once changed.
 * The resource is the one S3's codec derives from the request, so the bucket of a virtual host is in it.
 */
class SigV2Test {

    private static final String KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final Instant BEFORE_THE_EXAMPLES_EXPIRE = Instant.ofEpochSecond(1_175_139_000L);

    private final SignatureVerifier verifier = new SignatureVerifier(new CredentialStore(StateStore.inMemory(),
            List.of(Credential.longTerm(KEY, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "123456789012"))));

    @Test
    void theObjectGetExampleVerifiesWithTheBucketOfItsVirtualHost() throws Exception {
        Request get = new Request("GET", "/photos/puppy.jpg", null)
                .header("Host", "johnsmith.s3.amazonaws.com")
                .header("Date", "Tue, 27 Mar 2007 19:36:42 +0000")
                .header("Authorization", "AWS " + KEY + ":bWq2s1WEIj+Ydj0vQ697zp+IXMU=");
        assertThat(verify(get).accountId()).isEqualTo("123456789012");
    }

    @Test
    void theObjectPutExampleSignsItsContentType() throws Exception {
        Request put = new Request("PUT", "/photos/puppy.jpg", null)
                .header("Content-Type", "image/jpeg")
                .header("Content-Length", "94328")
                .header("Host", "johnsmith.s3.amazonaws.com")
                .header("Date", "Tue, 27 Mar 2007 21:15:45 +0000")
                .header("Authorization", "AWS " + KEY + ":MyyxeRY7whkBe+bq8fHCL/2kKUg=");
        assertThat(verify(put).accountId()).isEqualTo("123456789012");
        assertThat(failure(put.header("Content-Type", "image/png"))).isEqualTo(AuthFailure.Reason.BAD_SIGNATURE);
    }

    @Test
    void theListExampleSignsTheBucketButNotItsListingParameters() throws Exception {
        Request list = new Request("GET", "/", "prefix=photos&max-keys=50&marker=puppy")
                .header("User-Agent", "Mozilla/5.0")
                .header("Host", "johnsmith.s3.amazonaws.com")
                .header("Date", "Tue, 27 Mar 2007 19:42:41 +0000")
                .header("Authorization", "AWS " + KEY + ":htDYFYduRNen8P9ZfE/s9SuKy0U=");
        verify(list);
    }

    @Test
    void theAclExampleSignsItsSubResource() throws Exception {
        Request acl = new Request("GET", "/", "acl")
                .header("Host", "johnsmith.s3.amazonaws.com")
                .header("Date", "Tue, 27 Mar 2007 19:44:46 +0000")
                .header("Authorization", "AWS " + KEY + ":c2WLPFtWHVgbEmeEG93a4cG37dM=");
        verify(acl);
        Request withoutTheSubResource = new Request("GET", "/", null).headersOf(acl);
        assertThat(failure(withoutTheSubResource)).isEqualTo(AuthFailure.Reason.BAD_SIGNATURE);
    }

    @Test
    void theUploadExampleSignsItsAmzHeadersLowerCasedSortedAndRepeatedValuesJoined() throws Exception {
        Request upload = new Request("PUT", "/db-backup.dat.gz", null)
                .header("User-Agent", "curl/7.15.5")
                .header("Host", "static.johnsmith.net.s3.amazonaws.com")
                .header("Date", "Tue, 27 Mar 2007 21:06:08 +0000")
                .header("x-amz-acl", "public-read")
                .header("content-type", "application/x-download")
                .header("Content-MD5", "4gJE4saaMU4BqNR0kLY+lw==")
                .header("X-Amz-Meta-ReviewedBy", "joe@johnsmith.net")
                .header("X-Amz-Meta-ReviewedBy", "jane@johnsmith.net")
                .header("X-Amz-Meta-FileChecksum", "0x02661779")
                .header("X-Amz-Meta-ChecksumAlgorithm", "crc32")
                .header("Content-Disposition", "attachment; filename=database.dat")
                .header("Content-Encoding", "gzip")
                .header("Content-Length", "5913339")
                .header("Authorization", "AWS " + KEY + ":ilyl83RwaSoYIEdixDQcA4OnAnc=");
        verify(upload);
        assertThat(failure(upload.header("x-amz-meta-added", "later"))).isEqualTo(AuthFailure.Reason.BAD_SIGNATURE);
    }

    @Test
    void theListAllBucketsAndUnicodeKeyExamplesSignThePathAsSent() throws Exception {
        verify(new Request("GET", "/", null)
                .header("Host", "s3.us-west-1.amazonaws.com")
                .header("Date", "Wed, 28 Mar 2007 01:29:59 +0000")
                .header("Authorization", "AWS " + KEY + ":qGdzdERIC03wnaRNKh6OqZehG9s="));
        verify(new Request("GET", "/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re", null)
                .header("Host", "s3.us-west-1.amazonaws.com")
                .header("Date", "Wed, 28 Mar 2007 01:49:49 +0000")
                .header("Authorization", "AWS " + KEY + ":DNEZGsoieTZ92F3bUfSPQcbGmlM="));
    }

    @Test
    void theQueryStringExampleVerifiesUntilItsExpiresPasses() throws Exception {
        Request presigned = new Request("GET", "/photos/puppy.jpg",
                "AWSAccessKeyId=" + KEY + "&Expires=1175139620&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D")
                .header("Host", "johnsmith.s3.amazonaws.com");
        verify(presigned);
        assertThatThrownBy(() -> verify(presigned, Instant.ofEpochSecond(1_175_139_621L)))
                .isInstanceOfSatisfying(AuthFailure.class, e -> {
                    assertThat(e.reason()).isEqualTo(AuthFailure.Reason.REQUEST_EXPIRED);
                    assertThat(e.getMessage()).isEqualTo("Request has expired");
                });
        Request later = new Request("GET", "/photos/puppy.jpg",
                "AWSAccessKeyId=" + KEY + "&Expires=1175139999&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D")
                .header("Host", "johnsmith.s3.amazonaws.com");
        assertThat(failure(later)).as("Expires is signed").isEqualTo(AuthFailure.Reason.BAD_SIGNATURE);
    }

    @Test
    void incompleteClaimsAreRefusedInS3sWords() {
        Request noColon = new Request("GET", "/", null).header("Date", "Tue, 27 Mar 2007 19:36:42 +0000")
                .header("Authorization", "AWS " + KEY);
        assertThatThrownBy(() -> verify(noColon)).isInstanceOfSatisfying(AuthFailure.class, e -> {
            assertThat(e.reason()).isEqualTo(AuthFailure.Reason.INVALID_ARGUMENT);
            assertThat(e.getMessage()).isEqualTo("AWS authorization header is invalid.  Expected AwsAccessKeyId:signature");
        });
        Request undated = new Request("GET", "/", null).header("Authorization", "AWS " + KEY + ":c2WLPFtWHVgbEmeEG93a4cG37dM=");
        assertThatThrownBy(() -> verify(undated)).isInstanceOfSatisfying(AuthFailure.class, e -> {
            assertThat(e.reason()).isEqualTo(AuthFailure.Reason.ACCESS_DENIED);
            assertThat(e.getMessage()).isEqualTo("AWS authentication requires a valid Date or x-amz-date header");
        });
        Request withoutExpires = new Request("GET", "/b/k", "AWSAccessKeyId=" + KEY + "&Signature=abc");
        assertThatThrownBy(() -> verify(withoutExpires)).isInstanceOfSatisfying(AuthFailure.class, e -> {
            assertThat(e.reason()).isEqualTo(AuthFailure.Reason.ACCESS_DENIED);
            assertThat(e.getMessage()).isEqualTo(
                    "Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters");
        });
        Request unknownKey = new Request("GET", "/b/k", "AWSAccessKeyId=AKIANOBODY&Signature=abc&Expires=1175139620");
        assertThat(failure(unknownKey)).isEqualTo(AuthFailure.Reason.UNKNOWN_KEY);
    }

    @Test
    void withXAmzDateTheDatePlaceIsEmptyAndTheAmzHeaderIsSigned() throws Exception {
        String stringToSign = "DELETE\n\n\n\nx-amz-date:Tue, 27 Mar 2007 21:20:26 +0000\n/johnsmith/photos/puppy.jpg";
        String signature = SigV2.sign("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", stringToSign);
        Request delete = new Request("DELETE", "/johnsmith/photos/puppy.jpg", null)
                .header("Host", "s3.us-west-1.amazonaws.com")
                .header("Date", "Tue, 27 Mar 2007 21:20:27 +0000")
                .header("x-amz-date", "Tue, 27 Mar 2007 21:20:26 +0000")
                .header("Authorization", "AWS " + KEY + ":" + signature);
        verify(delete);
    }

    private Authentication verify(Request request) throws AuthFailure {
        return verify(request, BEFORE_THE_EXAMPLES_EXPIRE);
    }

    private Authentication verify(Request request, Instant now) throws AuthFailure {
        SignedRequest signed = verifier.parse(request).orElseThrow();
        assertThat(signed).isInstanceOf(SigV2Request.class);
        String resource = S3ProtocolCodec.signatureV2ResourceOf(request);
        return verifier.verify((SigV2Request) signed, request, resource, "us-east-1", "s3", now, now);
    }

    private AuthFailure.Reason failure(Request request) {
        try {
            verify(request);
        } catch (AuthFailure e) {
            return e.reason();
        }
        throw new AssertionError("expected the signature to be refused");
    }

    /** One request as it arrives, with repeatable headers; {@link #header} returns a copy with one more. */
    private record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> sent)
            implements HttpExchange {

        Request(String method, String rawPath, String rawQuery) {
            this(method, rawPath, rawQuery, new LinkedHashMap<>());
        }

        Request header(String name, String value) {
            Map<String, List<String>> more = new LinkedHashMap<>();
            sent.forEach((k, v) -> more.put(k, new ArrayList<>(v)));
            String existing = more.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(name);
            if (existing.equalsIgnoreCase("Content-Type") || existing.equalsIgnoreCase("Date")) {
                more.remove(existing);
            }
            more.computeIfAbsent(existing, k -> new ArrayList<>()).add(value);
            return new Request(method, rawPath, rawQuery, more);
        }

        Request headersOf(Request other) {
            return new Request(method, rawPath, rawQuery, other.sent);
        }

        @Override
        public QueryString query() {
            return QueryString.parseUrlQuery(rawQuery);
        }

        @Override
        public String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.get(0);
        }

        @Override
        public List<String> headers(String name) {
            return sent.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(Map.Entry::getValue).orElse(List.of());
        }

        @Override
        public Collection<String> headerNames() {
            return sent.keySet();
        }

        @Override
        public InputStream body() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public String remoteAddress() {
            return "127.0.0.1";
        }

        @Override
        public void respond(HttpResponse response) {
            throw new UnsupportedOperationException("verification answers nothing");
        }

        @Override
        public boolean responded() {
            return false;
        }
    }
}
