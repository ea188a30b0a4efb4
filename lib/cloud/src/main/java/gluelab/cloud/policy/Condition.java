package gluelab.cloud.policy;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One condition of a statement: an operator, a context key and the values the statement names, as in
 * {@code "StringEquals": {"sts:ExternalId": ["x"]}}. Every operator of the IAM policy language is supported, with
 * the {@code IfExists} suffix and the {@code ForAnyValue:}/{@code ForAllValues:} set qualifiers. Keys are matched
 * without regard to case; values follow the operator.
 */
record Condition(String operator, String key, List<String> values) {

    private static final Set<String> OPERATORS = Set.of(
            "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike",
            "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
            "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan",
            "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress",
            "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null");

    /** The keys that, fixed to known values, keep a grant to everyone from being public. */
    private static final Set<String> CALLER_KEYS = Set.of("aws:sourceip", "aws:sourcearn", "aws:sourcevpc",
            "aws:sourcevpce", "aws:sourceowner", "aws:sourceaccount", "aws:principalaccount", "aws:principalorgid",
            "aws:principalarn", "aws:userid", "s3:dataaccesspointarn", "s3:dataaccesspointaccount");
    private static final Set<String> PINNING_OPERATORS = Set.of("StringEquals", "StringEqualsIgnoreCase",
            "StringLike", "ArnEquals", "ArnLike", "IpAddress");

    /**
     * Whether this condition admits only callers named by fixed values of a key that says who or where they are:
     * positive operators, no wildcard in the values, and no IP range wider than a /8.
     */
    boolean pinsTheCaller() {
        String base = base(operator);
        if (operator.endsWith("IfExists") || !PINNING_OPERATORS.contains(base)
                || !CALLER_KEYS.contains(key.toLowerCase(Locale.ROOT)) || values.isEmpty()) {
            return false;
        }
        for (String value : values) {
            if (value.contains("*") || value.contains("?")) {
                return false;
            }
            int slash = value.indexOf('/');
            if (base.equals("IpAddress") && slash >= 0) {
                String bits = value.substring(slash + 1).trim();
                if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) < (value.contains(":") ? 32 : 8)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether {@code operator} is one IAM knows, with its qualifiers. */
    static boolean isKnownOperator(String operator) {
        return OPERATORS.contains(base(operator));
    }

    /** Whether the condition holds for a request with this context (keys in lower case). */
    boolean holds(RequestContextKeys context) {
        String base = base(operator);
        List<String> present = context.values(key);
        boolean ifExists = operator.endsWith("IfExists");
        if (base.equals("Null")) {
            boolean wantsAbsent = values.stream().anyMatch(v -> v.equalsIgnoreCase("true"));
            return wantsAbsent == (present == null || present.isEmpty());
        }
        boolean negated = isNegated(base);
        if (present == null || present.isEmpty()) {
            if (operator.startsWith("ForAllValues:")) {
                return true;
            }
            return ifExists || negated && !operator.startsWith("ForAnyValue:");
        }
        List<String> expected = values.stream().map(context::substitute).toList();
        if (operator.startsWith("ForAllValues:")) {
            return present.stream().allMatch(actual -> matchesAny(base, actual, expected));
        }
        // A single-valued key, or ForAnyValue: some value of the request matches some value of the statement.
        boolean any = present.stream().anyMatch(actual -> matchesAny(positive(base), actual, expected));
        return negated ? !any : any;
    }

    private static boolean matchesAny(String base, String actual, List<String> expected) {
        for (String value : expected) {
            if (compare(base, actual, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean compare(String base, String actual, String expected) {
        return switch (base) {
            case "StringEquals" -> actual.equals(expected);
            case "StringNotEquals" -> !actual.equals(expected);
            case "StringEqualsIgnoreCase" -> actual.equalsIgnoreCase(expected);
            case "StringNotEqualsIgnoreCase" -> !actual.equalsIgnoreCase(expected);
            case "StringLike" -> Wildcard.matches(expected, actual, false);
            case "StringNotLike" -> !Wildcard.matches(expected, actual, false);
            case "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan",
                 "NumericGreaterThanEquals" -> numeric(base, actual, expected);
            case "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
                 "DateGreaterThanEquals" -> date(base, actual, expected);
            case "Bool" -> actual.equalsIgnoreCase(expected);
            case "BinaryEquals" -> binaryEquals(actual, expected);
            case "IpAddress" -> inCidr(actual, expected);
            case "NotIpAddress" -> !inCidr(actual, expected);
            case "ArnEquals", "ArnLike" -> arnLike(expected, actual);
            case "ArnNotEquals", "ArnNotLike" -> !arnLike(expected, actual);
            default -> false;
        };
    }

    private static boolean numeric(String base, String actual, String expected) {
        try {
            int order = new BigDecimal(actual.trim()).compareTo(new BigDecimal(expected.trim()));
            return switch (base) {
                case "NumericEquals" -> order == 0;
                case "NumericNotEquals" -> order != 0;
                case "NumericLessThan" -> order < 0;
                case "NumericLessThanEquals" -> order <= 0;
                case "NumericGreaterThan" -> order > 0;
                default -> order >= 0;
            };
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean date(String base, String actual, String expected) {
        Instant a = instant(actual);
        Instant e = instant(expected);
        if (a == null || e == null) {
            return false;
        }
        int order = a.compareTo(e);
        return switch (base) {
            case "DateEquals" -> order == 0;
            case "DateNotEquals" -> order != 0;
            case "DateLessThan" -> order < 0;
            case "DateLessThanEquals" -> order <= 0;
            case "DateGreaterThan" -> order > 0;
            default -> order >= 0;
        };
    }

    /** ISO 8601, or seconds since the epoch (as {@code aws:EpochTime} is). */
    private static Instant instant(String text) {
        String value = text.trim();
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(value));
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static boolean binaryEquals(String actual, String expected) {
        try {
            return java.util.Arrays.equals(Base64.getDecoder().decode(actual), Base64.getDecoder().decode(expected));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean inCidr(String address, String cidr) {
        try {
            int slash = cidr.indexOf('/');
            byte[] network = InetAddress.getByName(slash < 0 ? cidr : cidr.substring(0, slash)).getAddress();
            byte[] candidate = InetAddress.getByName(address).getAddress();
            if (network.length != candidate.length) {
                return false;
            }
            int bits = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            for (int i = 0; i < network.length; i++) {
                int remaining = Math.max(0, Math.min(8, bits - i * 8));
                int mask = remaining == 0 ? 0 : (0xff << (8 - remaining)) & 0xff;
                if ((network[i] & mask) != (candidate[i] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }

    /** Each of an ARN's six parts matched on its own, with wildcards. */
    static boolean arnLike(String pattern, String arn) {
        String[] p = pattern.split(":", 6);
        String[] a = arn.split(":", 6);
        if (p.length != 6 || a.length != 6) {
            return Wildcard.matches(pattern, arn, false);
        }
        for (int i = 0; i < 6; i++) {
            if (!Wildcard.matches(p[i], a[i], false)) {
                return false;
            }
        }
        return true;
    }

    private static String base(String operator) {
        String base = operator;
        if (base.startsWith("ForAnyValue:")) {
            base = base.substring("ForAnyValue:".length());
        } else if (base.startsWith("ForAllValues:")) {
            base = base.substring("ForAllValues:".length());
        }
        return base.endsWith("IfExists") ? base.substring(0, base.length() - "IfExists".length()) : base;
    }

    private static boolean isNegated(String base) {
        return base.contains("Not");
    }

    /** The positive operator a negated one negates (StringNotLike → StringLike). */
    private static String positive(String base) {
        return switch (base) {
            case "NotIpAddress" -> "IpAddress";
            default -> base.replace("NotEquals", "Equals").replace("NotLike", "Like");
        };
    }

    @Override
    public String toString() {
        return operator + " " + key.toLowerCase(Locale.ROOT) + " " + values;
    }
}
