package gluelab.cloud.services.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.state.Json;
import gluelab.cloud.testing.RunningLabCloud;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * S3's POST Object, a browser form's upload, with the form built here byte by byte as a browser builds it (no SDK can
 * presign a POST): the policy is signed with the SigV4 signing key of the credential's day, region and service, the
 * file goes last, and the upload is stored as a PutObject would be, with the versions, events and access rules that
 * come with it. The boto3 conformance scripts prove the same with {@code generate_presigned_post}.
 */
class S3PostObjectTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static S3Client s3;
    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @BeforeAll
    static void clients() {
        s3 = cloud.client(S3Client.builder());
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    /** A browser form: its fields in order, then the file, signed with the given keys. */
    static final class Form {
        final Map<String, String> fields = new LinkedHashMap<>();
        final List<String> conditions = new ArrayList<>();
        String fileName = "upload.bin";
        String expiration = Instant.now().plusSeconds(600).toString();
        String secret = "test";

        Form(String bucket, String accessKeyId) {
            this(bucket, accessKeyId, "us-east-1");
        }

        Form(String bucket, String accessKeyId, String region) {
            String now = AMZ_DATE.format(Instant.now());
            String credential = accessKeyId + "/" + now.substring(0, 8) + "/" + region + "/s3/aws4_request";
            conditions.add("{\"bucket\": \"" + bucket + "\"}");
            signedField("x-amz-algorithm", "AWS4-HMAC-SHA256");
            signedField("x-amz-credential", credential);
            signedField("x-amz-date", now);
        }

        Form signedField(String name, String value) {
            fields.put(name, value);
            conditions.add("{\"" + name + "\": \"" + value + "\"}");
            return this;
        }

        String policy() {
            String json = "{\"expiration\": \"" + expiration + "\", \"conditions\": [" + String.join(", ", conditions) + "]}";
            return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        }

        /** Leaves the form anonymous: no credential, no policy, no signature; only the fields put after this. */
        Form unsigned() {
            fields.clear();
            return this;
        }

        /** The whole form as multipart/form-data, the policy and its signature (if it is signed) before the file. */
        byte[] body(String boundary, byte[] file) {
            Map<String, String> all = new LinkedHashMap<>(fields);
            if (fields.containsKey("x-amz-credential")) {
                String policy = policy();
                String[] scope = fields.get("x-amz-credential").split("/");
                all.put("policy", policy);
                all.put("x-amz-signature", sign(signingKey(secret, scope[1], scope[2], scope[3]), policy));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            all.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"submit\"\r\n\r\nUpload\r\n--"
                    + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
    }

    static HttpResponse<String> post(String bucket, Form form, byte[] file) {
        String boundary = "----labform" + Long.toHexString(System.nanoTime());
        return cloud.http(cloud.request("/" + bucket).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body(boundary, file))));
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        return hmac(hmac(hmac(key, region), service), "aws4_request");
    }

    static String sign(byte[] key, String policy) {
        return HexFormat.of().formatHex(hmac(key, policy));
    }

    static long timelineEnd() throws Exception {
        long last = 0;
        for (JsonNode event : Json.MAPPER.readTree(cloud.http(cloud.request("/_lab/events?limit=10000").GET()).body())
                .get("events")) {
            last = Math.max(last, event.get("seq").asLong());
        }
        return last;
    }

    static List<JsonNode> s3Events(long since) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        Json.MAPPER.readTree(cloud.http(cloud.request("/_lab/events?service=s3&since=" + since).GET()).body())
                .get("events").forEach(e -> {
                    if (e.get("kind").asText().equals("event")) {
                        events.add(e);
                    }
                });
        return events;
    }

    static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    @Test
    void aSignedFormIsStoredAsAPutWouldBeVersionedAndAnnouncedAsPostObject() throws Exception {
        s3.createBucket(b -> b.bucket("post-forms"));
        s3.putBucketVersioning(b -> b.bucket("post-forms").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        long since = timelineEnd();
        byte[] file = "id,amount\n1,9.50\n".getBytes(StandardCharsets.UTF_8);
        Form form = new Form("post-forms", "test");
        form.fileName = "C:\\exports\\day 1.csv";
        form.fields.put("key", "in/${filename}");
        form.conditions.add("[\"starts-with\", \"$key\", \"in/\"]");
        form.signedField("Content-Type", "text/csv").signedField("x-amz-meta-Source", "browser")
                .signedField("success_action_status", "201");

        HttpResponse<String> answer = post("post-forms", form, file);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        String etag = "\"" + md5(file) + "\"";
        assertThat(answer.body()).contains("<PostResponse>", "<Bucket>post-forms</Bucket>", "<Key>in/day 1.csv</Key>",
                "<ETag>" + etag + "</ETag>", "/post-forms/in%2Fday%201.csv</Location>");
        assertThat(answer.headers().firstValue("ETag")).contains(etag);
        String versionId = answer.headers().firstValue("x-amz-version-id").orElseThrow();
        var head = s3.headObject(b -> b.bucket("post-forms").key("in/day 1.csv"));
        assertThat(head.versionId()).isEqualTo(versionId);
        assertThat(head.contentType()).isEqualTo("text/csv");
        assertThat(head.metadata()).containsExactly(Map.entry("source", "browser"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("post-forms").key("in/day 1.csv")).asByteArray()).isEqualTo(file);
        List<JsonNode> events = s3Events(since);
        assertThat(events).extracting(e -> e.get("name").asText() + " " + e.get("detail").get("reason").asText())
                .containsExactly("Object Created PostObject");
        assertThat(events.get(0).get("detail").get("object").get("version-id").asText()).isEqualTo(versionId);
    }

    @Test
    void theFileIsHeldToTheContentLengthRangeAndNothingOutsideItIsStored() {
        s3.createBucket(b -> b.bucket("post-sized"));
        Form form = new Form("post-sized", "test");
        form.fields.put("key", "sized");
        form.conditions.add("{\"key\": \"sized\"}");
        form.conditions.add("[\"content-length-range\", 2, 4]");

        HttpResponse<String> tooLarge = post("post-sized", form, "12345".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> tooSmall = post("post-sized", form, "1".getBytes(StandardCharsets.UTF_8));

        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("<Code>EntityTooLarge</Code>", "<ProposedSize>5</ProposedSize>",
                "<MaxSizeAllowed>4</MaxSizeAllowed>");
        assertThat(tooSmall.body()).contains("<Code>EntityTooSmall</Code>", "<ProposedSize>1</ProposedSize>",
                "<MinSizeAllowed>2</MinSizeAllowed>");
        assertThat(s3.listObjectsV2(b -> b.bucket("post-sized")).keyCount()).isZero();
        assertThat(post("post-sized", form, "1234".getBytes(StandardCharsets.UTF_8)).statusCode()).as("bounds are inclusive")
                .isEqualTo(204);
    }

    @Test
    void aFormThatBreaksItsPolicyIsRefusedInS3sWords() {
        s3.createBucket(b -> b.bucket("post-refused"));
        byte[] file = "x".getBytes(StandardCharsets.UTF_8);
        Form wrongKey = new Form("post-refused", "test");
        wrongKey.fields.put("key", "elsewhere/x");
        wrongKey.conditions.add("[\"starts-with\", \"$key\", \"in/\"]");
        Form extraField = new Form("post-refused", "test");
        extraField.signedField("key", "in/x");
        extraField.fields.put("X-Amz-Meta-Note", "unsigned");
        Form expired = new Form("post-refused", "test");
        expired.signedField("key", "in/x");
        expired.expiration = "2020-01-01T00:00:00.000Z";
        Form wrongSecret = new Form("post-refused", "test");
        wrongSecret.signedField("key", "in/x");
        wrongSecret.secret = "not-the-secret";
        Form unknownKey = new Form("post-refused", "AKIANOBODY");
        unknownKey.signedField("key", "in/x");
        Form otherBucket = new Form("elsewhere", "test");
        otherBucket.signedField("key", "in/x");

        assertThat(post("post-refused", wrongKey, file).body()).contains("<Code>AccessDenied</Code>",
                "<Message>Invalid according to Policy: Policy Condition failed: [\"starts-with\", \"$key\", \"in/\"]</Message>");
        assertThat(post("post-refused", extraField, file).body())
                .contains("<Message>Invalid according to Policy: Extra input fields: X-Amz-Meta-Note</Message>");
        assertThat(post("post-refused", expired, file).body())
                .contains("<Message>Invalid according to Policy: Policy expired.</Message>");
        HttpResponse<String> mismatch = post("post-refused", wrongSecret, file);
        assertThat(mismatch.statusCode()).isEqualTo(403);
        assertThat(mismatch.body()).contains("<Code>SignatureDoesNotMatch</Code>",
                "<StringToSign>" + wrongSecret.policy() + "</StringToSign>", "<AWSAccessKeyId>test</AWSAccessKeyId>");
        assertThat(post("post-refused", unknownKey, file).body()).contains("<Code>InvalidAccessKeyId</Code>");
        assertThat(post("post-refused", otherBucket, file).body())
                .contains("Policy Condition failed: [\"eq\", \"$bucket\", \"elsewhere\"]");
        assertThat(s3.listObjectsV2(b -> b.bucket("post-refused")).keyCount()).isZero();
    }

    @Test
    void aFormThatIsNotOneIsRefusedBeforeItsPolicyIsRead() {
        s3.createBucket(b -> b.bucket("post-malformed"));
        Form noKey = new Form("post-malformed", "test");
        Form unsigned = new Form("post-malformed", "test");
        unsigned.unsigned().fields.put("key", "anonymous");

        HttpResponse<String> withoutKey = post("post-malformed", noKey, new byte[1]);
        HttpResponse<String> notAForm = cloud.http(cloud.request("/post-malformed").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("key=x")));
        HttpResponse<String> noFile = cloud.http(cloud.request("/post-malformed")
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nx\r\n--b--\r\n")));
        HttpResponse<String> truncated = cloud.http(cloud.request("/post-malformed")
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nx")));

        assertThat(withoutKey.statusCode()).isEqualTo(400);
        assertThat(withoutKey.body()).contains("<Code>InvalidArgument</Code>", "<Message>Bucket POST must contain a field "
                + "named 'key'.  If it is specified, please check the order of the fields.</Message>",
                "<ArgumentName>key</ArgumentName>");
        assertThat(notAForm.statusCode()).isEqualTo(412);
        assertThat(notAForm.body()).contains("<Condition>Bucket POST must be of the enclosure-type multipart/form-data</Condition>");
        assertThat(noFile.body()).contains("<Message>POST requires exactly one file upload per request.</Message>");
        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(truncated.body()).contains("<Code>MalformedPOSTRequest</Code>");
        HttpResponse<String> anonymous = post("post-malformed", unsigned, new byte[1]);
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(anonymous.body()).contains("<Message>Access Denied</Message>");
    }

    @Test
    void anAnonymousFormIsAdmittedOnlyWhereTheBucketPolicyLetsEveryoneWrite() {
        s3.createBucket(b -> b.bucket("post-public"));
        s3.putPublicAccessBlock(b -> b.bucket("post-public").publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(false).restrictPublicBuckets(false)));
        s3.putBucketPolicy(b -> b.bucket("post-public").policy(S3BucketPolicyTest.allow("\"*\"", "s3:PutObject",
                "arn:aws:s3:::post-public/drop/*")));
        Form anonymousDrop = new Form("post-public", "test");
        anonymousDrop.unsigned().fields.put("key", "drop/${filename}");
        anonymousDrop.fileName = "note.txt";
        Form anonymousElsewhere = new Form("post-public", "test");
        anonymousElsewhere.unsigned().fields.put("key", "kept/note.txt");

        assertThat(post("post-public", anonymousDrop, "hi".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(204);
        assertThat(post("post-public", anonymousElsewhere, "hi".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("post-public").key("drop/note.txt")).asUtf8String()).isEqualTo("hi");
    }

    @Test
    void successActionRedirectSendsTheBrowserOnWithBucketKeyAndEtag() throws Exception {
        s3.createBucket(b -> b.bucket("post-redirect"));
        Form form = new Form("post-redirect", "test");
        form.signedField("key", "a b/c.txt").signedField("success_action_redirect", "https://app.test/done?step=2");
        byte[] file = "c".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = post("post-redirect", form, file);

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).contains("https://app.test/done?step=2&bucket=post-redirect"
                + "&key=a+b%2Fc.txt&etag=%22" + md5(file) + "%22");
    }

    static String base64(String algorithm, byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    @Test
    void theFileIsHeldToTheContentMd5AndChecksumItsFormDeclares() throws Exception {
        s3.createBucket(b -> b.bucket("post-digests"));
        byte[] file = "id,amount\n1,9.50\n".getBytes(StandardCharsets.UTF_8);
        byte[] other = "something else".getBytes(StandardCharsets.UTF_8);
        Form md5Mismatch = new Form("post-digests", "test").signedField("key", "md5")
                .signedField("Content-MD5", base64("MD5", other));
        Form md5Unreadable = new Form("post-digests", "test").signedField("key", "md5")
                .signedField("Content-MD5", "not-a-digest");
        Form checksumMismatch = new Form("post-digests", "test").signedField("key", "sha")
                .signedField("x-amz-checksum-sha256", base64("SHA-256", other));
        Form both = new Form("post-digests", "test").signedField("key", "both")
                .signedField("Content-MD5", base64("MD5", file)).signedField("x-amz-checksum-sha256", base64("SHA-256", file));

        HttpResponse<String> badDigest = post("post-digests", md5Mismatch, file);
        assertThat(badDigest.statusCode()).isEqualTo(400);
        assertThat(badDigest.body()).contains("<Code>BadDigest</Code>");
        HttpResponse<String> invalidDigest = post("post-digests", md5Unreadable, file);
        assertThat(invalidDigest.statusCode()).isEqualTo(400);
        assertThat(invalidDigest.body()).contains("<Code>InvalidDigest</Code>");
        HttpResponse<String> badChecksum = post("post-digests", checksumMismatch, file);
        assertThat(badChecksum.statusCode()).isEqualTo(400);
        assertThat(badChecksum.body()).contains("<Code>BadDigest</Code>", "SHA256");
        assertThat(s3.listObjectsV2(b -> b.bucket("post-digests")).keyCount()).isZero();

        assertThat(post("post-digests", both, file).statusCode()).isEqualTo(204);
        assertThat(s3.headObject(b -> b.bucket("post-digests").key("both")
                .checksumMode(software.amazon.awssdk.services.s3.model.ChecksumMode.ENABLED)).checksumSHA256())
                .isEqualTo(base64("SHA-256", file));
    }

    @Test
    void aFormSignedForAnotherRegionThanTheBucketsIsRefusedAsS3RefusesIt() {
        s3.createBucket(b -> b.bucket("post-eu").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        Form wrongRegion = new Form("post-eu", "test", "us-east-1").signedField("key", "x");
        Form rightRegion = new Form("post-eu", "test", "eu-west-1").signedField("key", "x");

        HttpResponse<String> refused = post("post-eu", wrongRegion, "x".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("<Code>InvalidArgument</Code>",
                "<Message>the region 'us-east-1' is wrong; expecting 'eu-west-1'</Message>",
                "<ArgumentName>X-Amz-Credential</ArgumentName>", "<Region>eu-west-1</Region>");
        assertThat(s3.listObjectsV2(b -> b.bucket("post-eu")).keyCount()).isZero();
        assertThat(post("post-eu", rightRegion, "x".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(204);
    }

    @Test
    void aFormWhoseCredentialIsDatedAnotherDayThanItsXAmzDateIsRefused() {
        s3.createBucket(b -> b.bucket("post-dated"));
        Form form = new Form("post-dated", "test").signedField("key", "x");
        String yesterday = AMZ_DATE.format(Instant.now().minusSeconds(86_400)).substring(0, 8);
        String credential = form.fields.get("x-amz-credential");
        String[] scope = credential.split("/");
        String otherDay = scope[0] + "/" + yesterday + "/" + scope[2] + "/" + scope[3] + "/" + scope[4];
        form.fields.put("x-amz-credential", otherDay);
        form.conditions.replaceAll(c -> c.replace(credential, otherDay));

        HttpResponse<String> refused = post("post-dated", form, "x".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("<Code>InvalidArgument</Code>",
                "<Message>Invalid credential date. Date is not the same as X-Amz-Date.</Message>");
        assertThat(s3.listObjectsV2(b -> b.bucket("post-dated")).keyCount()).isZero();
    }
}
