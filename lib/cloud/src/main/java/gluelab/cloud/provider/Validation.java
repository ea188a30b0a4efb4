package gluelab.cloud.provider;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A request's model constraints (required members, lengths, patterns, ranges, enum values), collected and
 * reported in AWS's own words: one error reading {@code 2 validation errors detected: Value 'a:b' at
 * 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: …; Value null at
 * 'roleArn' failed to satisfy constraint: Member must not be null}. Most services answer it as
 * {@code ValidationException}; some with their own code (CloudWatch Logs: {@code InvalidParameterException};
 * Query services: {@code ValidationError}). IAM leaves the offending value out of its words ({@code Value at
 * 'roleName' failed to satisfy constraint: …}): {@link #withoutValues}.
 *
 * <pre>{@code
 * Validation.of("ValidationException")
 *         .required("roleArn", request.roleArn())
 *         .range("durationSeconds", request.durationSeconds(), 900, 43_200)
 *         .orThrow();
 * }</pre>
 */
public final class Validation {

    private final String errorCode;
    private final int status;
    private final boolean quotesValues;
    private final List<String> violations = new ArrayList<>();

    private Validation(String errorCode, int status, boolean quotesValues) {
        this.errorCode = errorCode;
        this.status = status;
        this.quotesValues = quotesValues;
    }

    /** Constraints reported with HTTP 400 and {@code errorCode}. */
    public static Validation of(String errorCode) {
        return new Validation(errorCode, 400, true);
    }

    /** As {@link #of}, in the words of a service that never quotes the value it refuses (IAM). */
    public static Validation withoutValues(String errorCode) {
        return new Validation(errorCode, 400, false);
    }

    /** The usual {@code ValidationException}. */
    public static Validation check() {
        return of("ValidationException");
    }

    public Validation required(String member, Object value) {
        if (value == null) {
            fail(member, null, "Member must not be null");
        }
        return this;
    }

    public Validation length(String member, String value, int min, int max) {
        if (value != null && value.length() < min) {
            fail(member, value, "Member must have length greater than or equal to " + min);
        } else if (value != null && value.length() > max) {
            fail(member, value, "Member must have length less than or equal to " + max);
        }
        return this;
    }

    public Validation size(String member, Collection<?> value, int min, int max) {
        if (value != null && value.size() < min) {
            fail(member, "[...]", "Member must have length greater than or equal to " + min);
        } else if (value != null && value.size() > max) {
            fail(member, "[...]", "Member must have length less than or equal to " + max);
        }
        return this;
    }

    public Validation size(String member, Map<?, ?> value, int min, int max) {
        return size(member, value == null ? null : value.keySet(), min, max);
    }

    /** @param patternText the pattern as the AWS model writes it, which is what AWS's message quotes */
    public Validation pattern(String member, String value, Pattern pattern, String patternText) {
        if (value != null && !pattern.matcher(value).matches()) {
            fail(member, value, "Member must satisfy regular expression pattern: " + patternText);
        }
        return this;
    }

    /** A pattern whose model text is exactly the regular expression Java reads. */
    public Validation pattern(String member, String value, String regularExpression) {
        return pattern(member, value, Pattern.compile(regularExpression), regularExpression);
    }

    public Validation range(String member, Number value, long min, long max) {
        if (value != null && value.longValue() < min) {
            fail(member, value, "Member must have value greater than or equal to " + min);
        } else if (value != null && value.longValue() > max) {
            fail(member, value, "Member must have value less than or equal to " + max);
        }
        return this;
    }

    public Validation oneOf(String member, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            fail(member, value, "Member must satisfy enum value set: " + allowed);
        }
        return this;
    }

    /**
     * A set of constraints a service names once and checks in many requests (CloudWatch Logs: a log group name's
     * length and pattern), e.g. {@code .satisfies(LogNames.groupName("logGroupName", name))}.
     */
    public Validation satisfies(Consumer<Validation> constraints) {
        constraints.accept(this);
        return this;
    }

    /** A constraint of the service's own, worded by the caller in AWS's form ("Member must …"). */
    public Validation constraint(String member, Object value, boolean satisfied, String constraint) {
        if (!satisfied) {
            fail(member, value, constraint);
        }
        return this;
    }

    public boolean isValid() {
        return violations.isEmpty();
    }

    /** Throws the error listing every violation, if there were any. */
    public void orThrow() {
        if (!violations.isEmpty()) {
            throw error();
        }
    }

    /** The error listing every violation so far. */
    public AwsServiceException error() {
        String count = violations.size() == 1 ? "1 validation error detected: "
                : violations.size() + " validation errors detected: ";
        return new AwsServiceException(errorCode, count + String.join("; ", violations), status);
    }

    /** One violation as its own error, for checks that cannot wait for the rest. */
    public static AwsServiceException single(String errorCode, String member, Object value, String constraint) {
        Validation validation = of(errorCode);
        validation.fail(member, value, constraint);
        return validation.error();
    }

    private void fail(String member, Object value, String constraint) {
        String shown = !quotesValues ? "" : value == null ? " null" : " '" + value + "'";
        violations.add("Value" + shown + " at '" + member + "' failed to satisfy constraint: " + constraint);
    }
}
