package gluelab.cloud.services.lambda;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Scope;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function as a request names it: {@code my-function}, {@code 123456789012:function:my-function} or the whole ARN,
 * each optionally with {@code :qualifier} (a version or alias), or a separate Qualifier member.
 *
 * @param qualifier {@code $LATEST}, a version number or an alias name; null when none was given
 */
public record FunctionName(String name, String qualifier) {

    /** The model's FunctionName pattern (its longest form), which AWS's validation message quotes. */
    static final String PATTERN_TEXT = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?"
            + "(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
    private static final Pattern FORM = Pattern.compile(PATTERN_TEXT);
    static final Pattern PLAIN_NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");

    /**
     * Reads {@code text} (the FunctionName member) and {@code qualifier} (the Qualifier member, or null).
     *
     * @throws gluelab.cloud.provider.AwsServiceException ValidationException when the text is no function name
     */
    public static FunctionName parse(String member, String text, String qualifier, Scope scope) {
        LambdaErrors.validation().required(member, text).length(member, text, 1, 170)
                .pattern(member, text, FORM, PATTERN_TEXT).orThrow();
        Matcher m = FORM.matcher(text);
        m.matches();
        String account = m.group(5);
        if (account != null && !account.equals(scope.account() + ":")) {
            throw LambdaErrors.invalidParameter("The account ID in the function ARN does not match the caller's account");
        }
        String name = m.group(7);
        String inline = m.group(9);
        if (inline != null && qualifier != null && !inline.equals(qualifier)) {
            throw LambdaErrors.invalidParameter("The derived qualifier from the function name does not match the "
                    + "specified qualifier.");
        }
        return new FunctionName(name, inline != null ? inline : qualifier);
    }

    /** The unqualified function ARN. */
    public Arn arn(Scope scope) {
        return Arn.in(scope, "lambda", "function:" + name);
    }

    /** The ARN with the qualifier, if one was given: what Lambda's errors and the invoked-function ARN name. */
    public Arn qualifiedArn(Scope scope) {
        return qualifier == null ? arn(scope) : Arn.in(scope, "lambda", "function:" + name + ":" + qualifier);
    }

    public boolean latest() {
        return qualifier == null || qualifier.equals("$LATEST");
    }
}
