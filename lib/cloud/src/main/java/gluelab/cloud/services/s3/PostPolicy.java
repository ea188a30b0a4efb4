package gluelab.cloud.services.s3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.provider.AwsServiceException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The policy of a browser-form POST: a base64 JSON document with an {@code expiration} and {@code conditions} that
 * the form must meet, judged as S3 judges it. A condition is an exact match ({@code {"acl": "public-read"}} or
 * {@code ["eq", "$acl", "public-read"]}), a prefix ({@code ["starts-with", "$key", "user/"]}, where each value of a
 * comma-separated Content-Type must have it) or the file's size ({@code ["content-length-range", 1, 10485760]}). Names
 * are matched in any case, values exactly. Every field the form sends must be named by some condition, but for the
 * signature, the policy, the file and {@code x-ignore-} fields.
 */
final class PostPolicy {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields no condition needs to name: the signature and what it covers, and those a toolkit asks S3 to ignore. */
    private static final Set<String> UNCOVERED = Set.of("x-amz-signature", "policy", "file", "awsaccesskeyid",
            "signature");

    /** The smallest and largest file the policy allows, inclusive. */
    record SizeRange(long min, long max) {
        static final SizeRange ANY = new SizeRange(0, Long.MAX_VALUE);
    }

    private final Instant expiration;
    private final List<JsonNode> conditions;

    private PostPolicy(Instant expiration, List<JsonNode> conditions) {
        this.expiration = expiration;
        this.conditions = conditions;
    }

    /** Reads the policy field as the form sent it, with S3's InvalidPolicyDocument for what is not a policy. */
    static PostPolicy parse(String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getMimeDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw invalid("invalid Base64 encoding.");
        }
        JsonNode document;
        try {
            document = JSON.readTree(new String(decoded, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw invalid("Invalid JSON.");
        }
        if (document == null || !document.isObject()) {
            throw invalid("Invalid JSON.");
        }
        JsonNode expiration = null;
        JsonNode conditions = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            switch (member.getKey().toLowerCase(Locale.ROOT)) {
                case "expiration" -> expiration = member.getValue();
                case "conditions" -> conditions = member.getValue();
                default -> throw invalid("Unexpected: '" + member.getKey().toLowerCase(Locale.ROOT) + "'");
            }
        }
        if (expiration == null) {
            throw invalid("Policy missing expiration.");
        }
        if (conditions == null) {
            throw invalid("Policy missing conditions.");
        }
        if (!conditions.isArray()) {
            throw invalid("Invalid 'conditions' value: must be a List.");
        }
        Instant expires;
        try {
            expires = Instant.parse(expiration.asText());
        } catch (DateTimeParseException e) {
            throw invalid("Invalid 'expiration' value: '" + expiration.asText() + "'");
        }
        List<JsonNode> all = new ArrayList<>();
        conditions.forEach(all::add);
        for (JsonNode condition : all) {
            checkShape(condition);
        }
        return new PostPolicy(expires, all);
    }

    /** What S3 refuses before it judges anything: conditions that are not conditions. */
    private static void checkShape(JsonNode condition) {
        if (condition.isObject()) {
            if (condition.size() != 1) {
                throw invalid("Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.");
            }
            JsonNode value = condition.elements().next();
            if (value.isNull()) {
                throw invalid("Invalid JSON.");
            }
            if (!value.isTextual()) {
                throw invalid("Invalid Simple-Condition: value must be a string.");
            }
            return;
        }
        if (!condition.isArray()) {
            throw invalid("Invalid condition test: must be a List or Object.");
        }
        if (condition.isEmpty()) {
            throw invalid("Invalid Condition: missing operation identifier.");
        }
        String operation = condition.get(0).asText().toLowerCase(Locale.ROOT);
        if (!Set.of("eq", "starts-with", "content-length-range").contains(operation)) {
            throw invalid("Invalid Condition: unknown operation '" + condition.get(0).asText() + "'.");
        }
        if (condition.size() != 3) {
            throw invalid("Invalid " + operation + ": wrong number of arguments.");
        }
        for (JsonNode operand : condition) {
            if (operand.isFloatingPointNumber() || operand.isContainerNode() || operand.isNull()) {
                throw invalid("Invalid JSON.");
            }
        }
    }

    /** Whether the policy has expired at {@code now}. */
    boolean expiredAt(Instant now) {
        return !now.isBefore(expiration);
    }

    /**
     * Judges the form's fields (with {@code ${filename}} already put in) against every condition, then checks that
     * every field is named by one.
     *
     * @param values a field's value by its name in any case, the bucket's from the address; null where it was not sent
     * @param sent   the names of the fields the form sent, as sent
     * @return the file sizes the policy allows
     */
    SizeRange judge(Function<String, String> values, Iterable<String> sent) {
        Set<String> named = new HashSet<>();
        SizeRange range = SizeRange.ANY;
        for (JsonNode condition : conditions) {
            if (condition.isObject()) {
                Map.Entry<String, JsonNode> only = condition.fields().next();
                String field = only.getKey();
                named.add(field.toLowerCase(Locale.ROOT));
                String value = values.apply(field);
                if (value == null || !value.equals(only.getValue().asText())) {
                    throw conditionFailed("[\"eq\", " + quote("$" + field) + ", " + quote(only.getValue().asText()) + "]");
                }
                continue;
            }
            String operation = condition.get(0).asText().toLowerCase(Locale.ROOT);
            if (operation.equals("content-length-range")) {
                range = sizeRange(condition);
                continue;
            }
            String target = condition.get(1).asText();
            String expected = condition.get(2).asText();
            if (!target.startsWith("$")) {
                throw conditionFailed(print(condition));
            }
            String field = target.substring(1);
            named.add(field.toLowerCase(Locale.ROOT));
            String value = values.apply(field);
            boolean holds = value != null && (operation.equals("eq") ? value.equals(expected)
                    : startsWith(field, value, expected));
            if (!holds) {
                throw conditionFailed(print(condition));
            }
        }
        for (String field : sent) {
            String lower = field.toLowerCase(Locale.ROOT);
            if (!UNCOVERED.contains(lower) && !lower.startsWith("x-ignore-") && !named.contains(lower)) {
                throw new AwsServiceException("AccessDenied", "Invalid according to Policy: Extra input fields: " + field,
                        403);
            }
        }
        return range;
    }

    /** A Content-Type with commas is a list, each of whose types must have the prefix; any other value is one string. */
    private static boolean startsWith(String field, String value, String prefix) {
        if (!field.equalsIgnoreCase("Content-Type")) {
            return value.startsWith(prefix);
        }
        for (String type : value.split(",", -1)) {
            if (!type.trim().startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    private static SizeRange sizeRange(JsonNode condition) {
        try {
            long min = Long.parseLong(condition.get(1).asText().trim());
            long max = Long.parseLong(condition.get(2).asText().trim());
            return new SizeRange(min, max);
        } catch (NumberFormatException e) {
            throw conditionFailed(print(condition));
        }
    }

    /** A condition as S3 quotes it: {@code ["starts-with", "$key", "user/"]}. */
    private static String print(JsonNode condition) {
        List<String> operands = new ArrayList<>();
        for (JsonNode operand : condition) {
            operands.add(operand.isTextual() ? quote(operand.asText()) : operand.toString());
        }
        return "[" + String.join(", ", operands) + "]";
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static AwsServiceException expired() {
        return new AwsServiceException("AccessDenied", "Invalid according to Policy: Policy expired.", 403);
    }

    private static AwsServiceException conditionFailed(String condition) {
        return new AwsServiceException("AccessDenied", "Invalid according to Policy: Policy Condition failed: "
                + condition, 403);
    }

    private static AwsServiceException invalid(String why) {
        return new AwsServiceException("InvalidPolicyDocument", "Invalid Policy: " + why, 400);
    }
}
