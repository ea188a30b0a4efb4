package gluelab.cloud.services.logs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The model constraints of a request (required members, lengths, patterns, ranges, enums), collected and
 * reported the way CloudWatch Logs reports them: one InvalidParameterException reading
 * {@code 2 validation errors detected: Value 'a:b' at 'logGroupName' failed to satisfy constraint: …; …}.
 */
final class Constraints {

    static final Pattern LOG_GROUP_NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");
    static final String LOG_GROUP_NAME_TEXT = "[\\.\\-_/#A-Za-z0-9]+";
    static final Pattern LOG_STREAM_NAME = Pattern.compile("[^:*]*");
    static final String LOG_STREAM_NAME_TEXT = "[^:*]*";

    private final List<String> violations = new ArrayList<>();

    static Constraints check() {
        return new Constraints();
    }

    Constraints required(String member, Object value) {
        if (value == null) {
            violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    Constraints length(String member, String value, int min, int max) {
        if (value != null && value.length() < min) {
            fail(member, value, "Member must have length greater than or equal to " + min);
        } else if (value != null && value.length() > max) {
            fail(member, value, "Member must have length less than or equal to " + max);
        }
        return this;
    }

    Constraints size(String member, Collection<?> value, int min, int max) {
        if (value != null && value.size() < min) {
            fail(member, "[...]", "Member must have length greater than or equal to " + min);
        } else if (value != null && value.size() > max) {
            fail(member, "[...]", "Member must have length less than or equal to " + max);
        }
        return this;
    }

    Constraints size(String member, Map<?, ?> value, int min, int max) {
        return size(member, value == null ? null : value.keySet(), min, max);
    }

    Constraints pattern(String member, String value, Pattern pattern, String patternText) {
        if (value != null && !pattern.matcher(value).matches()) {
            fail(member, value, "Member must satisfy regular expression pattern: " + patternText);
        }
        return this;
    }

    Constraints range(String member, Number value, long min, long max) {
        if (value != null && value.longValue() < min) {
            fail(member, value, "Member must have value greater than or equal to " + min);
        } else if (value != null && value.longValue() > max) {
            fail(member, value, "Member must have value less than or equal to " + max);
        }
        return this;
    }

    Constraints oneOf(String member, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            fail(member, value, "Member must satisfy enum value set: " + allowed);
        }
        return this;
    }

    /** A log group name: required, 1 to 512 characters of {@code [.-_/#A-Za-z0-9]}. */
    Constraints logGroupName(String member, String value, boolean required) {
        if (required) {
            required(member, value);
        }
        return length(member, value, 1, 512).pattern(member, value, LOG_GROUP_NAME, LOG_GROUP_NAME_TEXT);
    }

    /** A log stream name: required, 1 to 512 characters, no {@code :} or {@code *}. */
    Constraints logStreamName(String member, String value, boolean required) {
        if (required) {
            required(member, value);
        }
        return length(member, value, 1, 512).pattern(member, value, LOG_STREAM_NAME, LOG_STREAM_NAME_TEXT);
    }

    private void fail(String member, Object value, String constraint) {
        violations.add("Value '" + value + "' at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    /** Throws InvalidParameterException listing every violation, if there were any. */
    void orThrow() {
        if (violations.isEmpty()) {
            return;
        }
        String count = violations.size() == 1 ? "1 validation error detected: "
                : violations.size() + " validation errors detected: ";
        throw LogsErrors.invalidParameter(count + String.join("; ", violations));
    }
}
