package gluelab.cloud.auth;

import gluelab.cloud.http.HttpExchange;
import gluelab.cloud.http.QueryString;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * Verifies signatures in the Authorization header and in presigned URLs: Signature Version 4, and S3's Signature
 * Version 2 ({@link SigV2}), which the edge accepts for S3 alone. The SigV4 payload hash is supplied by the caller:
 * S3 declares it in {@code x-amz-content-sha256} (a digest, {@code UNSIGNED-PAYLOAD} or a {@code STREAMING-…} mode),
 * other services have their body hashed.
 */
public final class SignatureVerifier {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final long MAX_PRESIGNED_SECONDS = 7 * 24 * 3600;

    private final CredentialStore credentials;

    public SignatureVerifier(CredentialStore credentials) {
        this.credentials = credentials;
    }

    /**
     * Reads the claimed signature, or empty when the request is not signed at all. A malformed SigV4 claim fails
     * here; a SigV2 claim is read as it is, and what it lacks is reported when it is verified, for S3 only.
     */
    public Optional<SignedRequest> parse(HttpExchange exchange) throws AuthFailure {
        String authorization = exchange.header("Authorization");
        if (authorization != null) {
            String value = authorization.trim();
            return Optional.of(value.startsWith(SigV2.SCHEME + " ") ? parseSigV2Header(value, exchange)
                    : parseHeader(value, exchange));
        }
        QueryString query = exchange.query();
        if (query.has("X-Amz-Signature") || query.has("X-Amz-Credential")) {
            return Optional.of(parsePresigned(query));
        }
        if (query.has("AWSAccessKeyId") || query.has("Signature") || query.has("Expires")) {
            return Optional.of(new SigV2Request(query.get("AWSAccessKeyId"), query.get("Signature"),
                    query.get("Expires"), true, securityToken(exchange, query)));
        }
        return Optional.empty();
    }

    private static SigV2Request parseSigV2Header(String value, HttpExchange exchange) {
        String credentials = value.substring(SigV2.SCHEME.length()).trim();
        int colon = credentials.indexOf(':');
        boolean wellFormed = colon > 0 && colon < credentials.length() - 1;
        return new SigV2Request(wellFormed ? credentials.substring(0, colon) : null,
                wellFormed ? credentials.substring(colon + 1) : null, null, false,
                exchange.header("X-Amz-Security-Token"));
    }

    private static String securityToken(HttpExchange exchange, QueryString query) {
        String header = exchange.header("X-Amz-Security-Token");
        return header != null ? header : query.get("x-amz-security-token");
    }

    private SigV4Request parseHeader(String value, HttpExchange exchange) throws AuthFailure {
        if (!value.startsWith(SigV4.ALGORITHM + " ")) {
            String algorithm = value.split(" ", 2)[0];
            throw new AuthFailure(AuthFailure.Reason.MALFORMED,
                    "Unsupported authorization type " + algorithm + ": Lab Cloud accepts only " + SigV4.ALGORITHM);
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : value.substring(SigV4.ALGORITHM.length()).split(",")) {
            String item = part.trim();
            int eq = item.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = item.substring(0, eq).trim();
            String v = item.substring(eq + 1).trim();
            switch (name) {
                case "Credential" -> credential = v;
                case "SignedHeaders" -> signedHeaders = v;
                case "Signature" -> signature = v;
                default -> {
                }
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw new AuthFailure(AuthFailure.Reason.MALFORMED,
                    "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.");
        }
        String amzDate = exchange.header("X-Amz-Date");
        if (amzDate == null) {
            amzDate = fromHttpDate(exchange.header("Date"));
        }
        if (amzDate == null) {
            throw new AuthFailure(AuthFailure.Reason.MALFORMED,
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        return build(credential, signedHeaders, signature, amzDate, false, 0, exchange.header("X-Amz-Security-Token"));
    }

    private SigV4Request parsePresigned(QueryString query) throws AuthFailure {
        String algorithm = query.get("X-Amz-Algorithm");
        if (!SigV4.ALGORITHM.equals(algorithm)) {
            throw new AuthFailure(AuthFailure.Reason.MALFORMED,
                    "X-Amz-Algorithm only supports \"" + SigV4.ALGORITHM + "\"");
        }
        String credential = query.get("X-Amz-Credential");
        String signedHeaders = query.get("X-Amz-SignedHeaders");
        String signature = query.get("X-Amz-Signature");
        String amzDate = query.get("X-Amz-Date");
        String expires = query.get("X-Amz-Expires");
        if (credential == null || signedHeaders == null || signature == null || amzDate == null) {
            throw new AuthFailure(AuthFailure.Reason.MALFORMED,
                    "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, "
                            + "X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.");
        }
        long expiresSeconds;
        try {
            expiresSeconds = expires == null ? 900 : Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw new AuthFailure(AuthFailure.Reason.MALFORMED, "X-Amz-Expires should be a number");
        }
        if (expiresSeconds < 0 || expiresSeconds > MAX_PRESIGNED_SECONDS) {
            throw new AuthFailure(AuthFailure.Reason.MALFORMED,
                    "X-Amz-Expires must be less than a week (in seconds) that is 604800");
        }
        return build(credential, signedHeaders, signature, amzDate, true, expiresSeconds, query.get("X-Amz-Security-Token"));
    }

    private SigV4Request build(String credential, String signedHeaders, String signature, String amzDate,
                                boolean presigned, long expires, String token) throws AuthFailure {
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4]) || scope[0].isEmpty()) {
            throw new AuthFailure(AuthFailure.Reason.MALFORMED,
                    "Credential should be scoped to a valid region, service and date: " + credential);
        }
        if (parseAmzDate(amzDate) == null) {
            throw new AuthFailure(AuthFailure.Reason.MALFORMED, "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }
        List<String> headers = Arrays.stream(signedHeaders.split(";"))
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
        return new SigV4Request(scope[0], scope[1], scope[2], scope[3], headers, signature, amzDate,
                presigned, expires, token);
    }

    /**
     * Checks the signature against the secret of the claimed key.
     *
     * @param payloadHash   the hash that was signed: the declared one for S3, the body's for other services
     * @param s3Style       S3 signs the path as sent; other services signed it encoded a second time
     * @param credentialNow the lab clock, against which temporary credentials expire
     * @param wallNow       the real clock, against which presigned URLs expire
     */
    public Authentication verify(SigV4Request signed, HttpExchange exchange, Supplier<String> payloadHash,
                                 boolean s3Style, Instant credentialNow, Instant wallNow) throws AuthFailure {
        Credential credential = credential(signed.accessKeyId(), signed.securityToken(), credentialNow);
        if (signed.presigned()) {
            Instant signedAt = parseAmzDate(signed.amzDate());
            if (signedAt.plusSeconds(signed.expiresSeconds()).isBefore(wallNow)) {
                throw new AuthFailure(AuthFailure.Reason.REQUEST_EXPIRED, "Request has expired");
            }
        }
        if (!signed.signedHeaders().contains("host")) {
            throw new AuthFailure(AuthFailure.Reason.MALFORMED, "'Host' must be a 'SignedHeader' in the AWS Authorization.");
        }
        byte[] key = SigV4.signingKey(credential.secretAccessKey(), signed.date(), signed.region(), signed.service());
        String hash = signed.presigned() && exchange.header("x-amz-content-sha256") == null
                ? "UNSIGNED-PAYLOAD" : payloadHash.get();
        String canonicalQuery = canonicalQuery(exchange.query(), signed.presigned());
        String canonicalHeaders = canonicalHeaders(exchange, signed.signedHeaders());
        String signedHeaderList = String.join(";", signed.signedHeaders());
        for (String uri : canonicalUris(exchange.rawPath(), s3Style)) {
            String canonicalRequest = exchange.method() + "\n" + uri + "\n" + canonicalQuery + "\n"
                    + canonicalHeaders + "\n" + signedHeaderList + "\n" + hash;
            String expected = SigV4.sign(key, SigV4.stringToSign(signed.amzDate(), signed.scope(), canonicalRequest));
            if (SigV4.sameSignature(expected, signed.signature())) {
                return new Authentication(credential, signed.region(), signed.service(), signed.amzDate(),
                        signed.scope(), key, expected);
            }
        }
        throw new AuthFailure(AuthFailure.Reason.BAD_SIGNATURE, "signature mismatch");
    }

    /**
     * Checks an S3 Signature Version 2 signature against the secret of the claimed key, with S3's errors for what
     * the claim lacks. The signature names no region: the request acts in {@code region}.
     *
     * @param resourcePath  the path with the bucket in it that S3 signs ({@code /bucket/key}; for a virtual-hosted
     *                      request, with the bucket of its Host)
     * @param credentialNow the lab clock, against which temporary credentials expire
     * @param wallNow       the real clock, against which presigned URLs expire, as SigV4 ones do: the client wrote
     *                      {@code Expires} from its own clock
     */
    public Authentication verify(SigV2Request signed, HttpExchange exchange, String resourcePath, String region,
                                 String service, Instant credentialNow, Instant wallNow) throws AuthFailure {
        String dateOrExpires;
        if (signed.presigned()) {
            if (signed.accessKeyId() == null || signed.signature() == null || signed.expires() == null) {
                throw new AuthFailure(AuthFailure.Reason.ACCESS_DENIED,
                        "Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters");
            }
            dateOrExpires = signed.expires();
        } else {
            if (signed.accessKeyId() == null) {
                throw new AuthFailure(AuthFailure.Reason.INVALID_ARGUMENT,
                        "AWS authorization header is invalid.  Expected AwsAccessKeyId:signature");
            }
            dateOrExpires = exchange.header("x-amz-date") != null ? "" : exchange.header("Date");
            if (dateOrExpires == null) {
                throw new AuthFailure(AuthFailure.Reason.ACCESS_DENIED,
                        "AWS authentication requires a valid Date or x-amz-date header");
            }
        }
        Credential credential = credential(signed.accessKeyId(), signed.securityToken(), credentialNow);
        if (signed.presigned()) {
            long expires;
            try {
                expires = Long.parseLong(signed.expires().trim());
            } catch (NumberFormatException e) {
                throw new AuthFailure(AuthFailure.Reason.ACCESS_DENIED,
                        "Invalid date (should be seconds since epoch): " + signed.expires());
            }
            if (expires < wallNow.getEpochSecond()) {
                throw new AuthFailure(AuthFailure.Reason.REQUEST_EXPIRED, "Request has expired");
            }
        }
        if (AwsChunkedInputStream.hasSignedChunks(exchange.header("x-amz-content-sha256"))) {
            throw new AuthFailure(AuthFailure.Reason.INVALID_ARGUMENT,
                    "Chunk signatures of x-amz-content-sha256 need a Signature Version 4 request");
        }
        SortedMap<String, List<String>> amzHeaders = amzHeaders(exchange, signed.presigned());
        String stringToSign = SigV2.stringToSign(exchange.method(), exchange.header("Content-MD5"),
                exchange.header("Content-Type"), dateOrExpires, amzHeaders,
                SigV2.canonicalResource(resourcePath, exchange.query()));
        if (!SigV2.sameSignature(SigV2.sign(credential.secretAccessKey(), stringToSign), signed.signature())) {
            throw new AuthFailure(AuthFailure.Reason.BAD_SIGNATURE, "signature mismatch");
        }
        return new Authentication(credential, region, service, null, null, null, null);
    }

    /**
     * Checks the signature of an S3 browser-form POST (SigV4): an HMAC-SHA256 of the base64 policy, exactly as the form
     * sent it, under the signing key of the credential's day, region and service.
     *
     * @param credentialNow the lab clock, against which temporary credentials expire
     */
    public Authentication verifyPolicy(String accessKeyId, String securityToken, String date, String region,
                                       String service, String amzDate, String policy, String signature,
                                       Instant credentialNow) throws AuthFailure {
        Credential credential = credential(accessKeyId, securityToken, credentialNow);
        byte[] key = SigV4.signingKey(credential.secretAccessKey(), date, region, service);
        String expected = SigV4.sign(key, policy);
        if (!SigV4.sameSignature(expected, signature)) {
            throw new AuthFailure(AuthFailure.Reason.BAD_SIGNATURE, "signature mismatch");
        }
        return new Authentication(credential, region, service, amzDate,
                date + "/" + region + "/" + service + "/aws4_request", key, expected);
    }

    /** Checks the signature of an S3 browser-form POST signed as Signature Version 2 did: HMAC-SHA1 of the policy. */
    public Authentication verifyPolicyV2(String accessKeyId, String securityToken, String region, String service,
                                         String policy, String signature, Instant credentialNow) throws AuthFailure {
        Credential credential = credential(accessKeyId, securityToken, credentialNow);
        if (!SigV2.sameSignature(SigV2.sign(credential.secretAccessKey(), policy), signature)) {
            throw new AuthFailure(AuthFailure.Reason.BAD_SIGNATURE, "signature mismatch");
        }
        return new Authentication(credential, region, service, null, null, null, null);
    }

    /**
     * The x-amz- headers a SigV2 signature covers. A presigned URL carries the ones its client signed
     * ({@code x-amz-security-token}) as query parameters.
     */
    private static SortedMap<String, List<String>> amzHeaders(HttpExchange exchange, boolean presigned) {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        for (String name : exchange.headerNames()) {
            sent.putIfAbsent(name.toLowerCase(Locale.ROOT), exchange.headers(name));
        }
        if (presigned) {
            for (QueryString.Pair pair : exchange.query().pairs()) {
                sent.merge(pair.name().toLowerCase(Locale.ROOT), List.of(pair.value()),
                        (before, more) -> concat(before, more));
            }
        }
        return SigV2.amzHeaders(sent);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** The claimed key's credential, whose session token, if it has one, the request must carry unexpired. */
    private Credential credential(String accessKeyId, String securityToken, Instant credentialNow) throws AuthFailure {
        Credential credential = credentials.find(accessKeyId)
                .orElseThrow(() -> new AuthFailure(AuthFailure.Reason.UNKNOWN_KEY, accessKeyId));
        if (credential.isTemporary()) {
            if (!credential.sessionToken().equals(securityToken)) {
                throw new AuthFailure(AuthFailure.Reason.UNKNOWN_KEY, accessKeyId);
            }
            if (credential.expiration() != null && credential.expiration().isBefore(credentialNow)) {
                throw new AuthFailure(AuthFailure.Reason.EXPIRED_TOKEN, accessKeyId);
            }
        }
        return credential;
    }

    /**
     * The candidate canonical URIs. Clients encode paths slightly differently (which characters they
     * leave alone), so the path as sent and its canonical re-encoding are both tried; neither weakens
     * the check, since each still has to match an HMAC under the caller's secret.
     */
    static List<String> canonicalUris(String rawPath, boolean s3Style) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        Set<String> candidates = new LinkedHashSet<>();
        if (s3Style) {
            candidates.add(path);
            candidates.add(SigV4.uriEncode(QueryString.decode(path, false), false));
        } else {
            String normalized = normalize(path);
            candidates.add(SigV4.uriEncode(normalized, false));
            candidates.add(SigV4.uriEncode(SigV4.uriEncode(QueryString.decode(normalized, false), false), false));
            candidates.add(normalized);
        }
        return new ArrayList<>(candidates);
    }

    private static String normalize(String path) {
        List<String> out = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.isEmpty()) {
                continue;
            }
            if (segment.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                continue;
            }
            out.add(segment);
        }
        String joined = "/" + String.join("/", out);
        return path.endsWith("/") && !joined.equals("/") ? joined + "/" : joined;
    }

    static String canonicalQuery(QueryString query, boolean presigned) {
        List<String[]> pairs = new ArrayList<>();
        for (QueryString.Pair pair : query.pairs()) {
            if (presigned && pair.name().equals("X-Amz-Signature")) {
                continue;
            }
            pairs.add(new String[] {
                    SigV4.uriEncode(QueryString.decode(pair.rawName(), false), true),
                    SigV4.uriEncode(QueryString.decode(pair.rawValue(), false), true)});
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder out = new StringBuilder();
        for (String[] pair : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    static String canonicalHeaders(HttpExchange exchange, List<String> signedHeaders) {
        StringBuilder out = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = exchange.headers(name);
            List<String> trimmed = new ArrayList<>(values.size());
            for (String value : values) {
                trimmed.add(value.trim().replaceAll("\\s+", " "));
            }
            out.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        return out.toString();
    }

    public static Instant parseAmzDate(String amzDate) {
        try {
            return LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    private static String fromHttpDate(String httpDate) {
        if (httpDate == null) {
            return null;
        }
        try {
            return AMZ_DATE.format(DateTimeFormatter.RFC_1123_DATE_TIME.parse(httpDate, Instant::from).atOffset(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
