package gluelab.cloud.services.s3;

import gluelab.cloud.auth.AuthFailure;
import gluelab.cloud.auth.Authentication;
import gluelab.cloud.auth.SignatureVerifier;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.CommonErrors;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.shape.XmlShapeCodec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.Tagging;

/**
 * Turns a browser form POSTed to a bucket into a {@link PostObjectRequest}, as S3 does, in S3's order: the form is
 * read up to its file; it must name a key; a form with a policy or a signature must carry all of the signature's
 * fields, whose signature of the policy text is checked before the policy is read; then the policy's expiration and
 * conditions are judged against the fields, with {@code ${filename}} put in first. A form with neither is anonymous,
 * and only a bucket policy that lets everyone write admits it. A verified signature authenticates the call as its
 * credential, which the access control then judges like any other caller.
 */
final class PostObjectForms {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String FILENAME = "${filename}";
    private static final String ORDER = "  If it is specified, please check the order of the fields.";

    private PostObjectForms() {
    }

    static PostObjectRequest read(RequestContext context, String bucket) {
        PostForm form = PostForm.read(context.exchange().header("Content-Type"), context.body().stream());
        if (form.value("key") == null) {
            throw missing("key");
        }
        Map<String, String> values = expanded(form);
        boolean signedV4 = form.value("x-amz-signature") != null || form.value("x-amz-credential") != null
                || form.value("x-amz-algorithm") != null;
        boolean signedV2 = !signedV4 && (form.value("AWSAccessKeyId") != null || form.value("signature") != null);
        String policyText = form.value("policy");
        PostPolicy.SizeRange sizes = PostPolicy.SizeRange.ANY;
        if (signedV4 || signedV2 || policyText != null) {
            Authentication verified = signedV2 ? verifyV2(context, form) : verifyV4(context, form);
            if (!context.isAuthenticated()) {
                context.authenticate(verified);
            }
            PostPolicy policy = PostPolicy.parse(policyText);
            if (policy.expiredAt(context.platform().clock().wallInstant())) {
                throw PostPolicy.expired();
            }
            List<String> sent = new ArrayList<>();
            form.fields().forEach(field -> sent.add(field.name()));
            sizes = policy.judge(name -> name.equalsIgnoreCase("bucket") ? bucket
                    : values.get(name.toLowerCase(Locale.ROOT)), sent);
        }
        String redirect = values.get("success_action_redirect") != null ? values.get("success_action_redirect")
                : values.get("redirect");
        String credential = signedV4 ? form.value("x-amz-credential") : null;
        return new PostObjectRequest(put(bucket, values), form.file(), sizes, credential, DeclaredChecksums.ofFields(values),
                values.get("success_action_status"), redirect);
    }

    /** The fields by their lower-cased names, each with {@code ${filename}} replaced where the file named itself. */
    private static Map<String, String> expanded(PostForm form) {
        Map<String, String> values = new HashMap<>();
        for (PostForm.Field field : form.fields()) {
            String value = form.fileName() == null ? field.value() : field.value().replace(FILENAME, form.fileName());
            values.put(field.name().toLowerCase(Locale.ROOT), value);
        }
        return values;
    }

    /** The PutObject the fields describe: the same fields PutObject takes as headers. */
    private static PutObjectRequest put(String bucket, Map<String, String> values) {
        PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(bucket).key(values.get("key"))
                .contentType(values.get("content-type")).cacheControl(values.get("cache-control"))
                .contentDisposition(values.get("content-disposition")).contentEncoding(values.get("content-encoding"))
                .contentLanguage(values.get("content-language")).acl(values.get("acl"))
                .storageClass(values.get("x-amz-storage-class"));
        if (values.get("expires") != null) {
            try {
                put.expires(DateTimeFormatter.RFC_1123_DATE_TIME.parse(values.get("expires"), Instant::from));
            } catch (DateTimeParseException unreadable) {
                // S3 keeps an Expires it cannot read as no date at all, as it does the header.
            }
        }
        if (values.get("tagging") != null) {
            put.tagging(tagging(values.get("tagging")));
        }
        Map<String, String> metadata = new HashMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith("x-amz-meta-")) {
                metadata.put(name.substring("x-amz-meta-".length()), value);
            }
        });
        return put.metadata(metadata).build();
    }

    /** The {@code tagging} field is a {@code <Tagging>} document; PutObject takes the tags as a query string. */
    private static String tagging(String xml) {
        Tagging tagging;
        try {
            tagging = XmlShapeCodec.read(XmlShapeCodec.parse(xml.getBytes(StandardCharsets.UTF_8)), Tagging.class);
        } catch (RuntimeException notXml) {
            throw S3Errors.malformedXml();
        }
        List<String> pairs = new ArrayList<>();
        if (tagging.tagSet() != null) {
            tagging.tagSet().forEach(tag -> pairs.add(URLEncoder.encode(String.valueOf(tag.key()), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(tag.value() == null ? "" : tag.value(), StandardCharsets.UTF_8)));
        }
        return String.join("&", pairs);
    }

    private static Authentication verifyV4(RequestContext context, PostForm form) {
        for (String required : List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Signature", "Policy")) {
            if (form.value(required) == null) {
                throw missing(required);
            }
        }
        if (!ALGORITHM.equals(form.value("x-amz-algorithm"))) {
            throw S3Errors.invalidArgument("X-Amz-Algorithm only supports \"" + ALGORITHM + "\"", "X-Amz-Algorithm",
                    form.value("x-amz-algorithm"));
        }
        String credential = form.value("x-amz-credential");
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || !scope[4].equals("aws4_request") || !scope[1].matches("\\d{8}")) {
            throw S3Errors.invalidArgument("the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/"
                    + "SERVICE/aws4_request\".", "X-Amz-Credential", credential);
        }
        if (scope[0].isEmpty()) {
            throw S3Errors.invalidArgument("a non-empty Access Key (AKID) must be provided in the credential.",
                    "X-Amz-Credential", credential);
        }
        String amzDate = form.value("x-amz-date");
        if (SignatureVerifier.parseAmzDate(amzDate) == null) {
            throw S3Errors.invalidArgument("X-Amz-Date must be formated via ISO8601 Long format", "X-Amz-Date", amzDate);
        }
        if (!amzDate.startsWith(scope[1])) {
            // SigV4 scopes a signature to the day it was made: S3 refuses a credential dated another day than X-Amz-Date.
            throw S3Errors.invalidArgument("Invalid credential date. Date is not the same as X-Amz-Date.",
                    "X-Amz-Credential", credential);
        }
        String policy = form.value("policy");
        String signature = form.value("x-amz-signature");
        try {
            return new SignatureVerifier(context.platform().credentials()).verifyPolicy(scope[0],
                    form.value("x-amz-security-token"), scope[1], scope[2], scope[3], amzDate, policy, signature,
                    context.platform().clock().instant());
        } catch (AuthFailure failure) {
            throw refused(context, failure, scope[0], policy, signature);
        }
    }

    private static Authentication verifyV2(RequestContext context, PostForm form) {
        for (String required : List.of("AWSAccessKeyId", "Signature", "Policy")) {
            if (form.value(required) == null) {
                throw missing(required);
            }
        }
        String accessKeyId = form.value("awsaccesskeyid");
        String policy = form.value("policy");
        String signature = form.value("signature");
        try {
            return new SignatureVerifier(context.platform().credentials()).verifyPolicyV2(accessKeyId,
                    form.value("x-amz-security-token"), context.platform().config().defaultRegion(),
                    context.service().signingName(), policy, signature, context.platform().clock().instant());
        } catch (AuthFailure failure) {
            throw refused(context, failure, accessKeyId, policy, signature);
        }
    }

    /** S3's answer to a signature it does not accept; a mismatch shows the policy it signed, byte by byte. */
    private static AwsServiceException refused(RequestContext context, AuthFailure failure, String accessKeyId,
                                               String policy, String signature) {
        return switch (failure.reason()) {
            case UNKNOWN_KEY -> CommonErrors.unknownAccessKey(context.service(), accessKeyId);
            case EXPIRED_TOKEN -> CommonErrors.expiredToken(context.service());
            default -> CommonErrors.signatureDoesNotMatch(context.service()).with("AWSAccessKeyId", accessKeyId)
                    .with("StringToSign", policy).with("SignatureProvided", signature)
                    .with("StringToSignBytes", HexFormat.ofDelimiter(" ").formatHex(policy.getBytes(StandardCharsets.UTF_8)));
        };
    }

    private static AwsServiceException missing(String field) {
        return S3Errors.invalidArgument("Bucket POST must contain a field named '" + field + "'." + ORDER, field, "");
    }
}
