package gluelab.cloud.policy;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One statement of a policy: its effect, whom it names (resource and trust policies only), which actions and
 * resources it covers (each possibly negated with {@code NotAction}/{@code NotResource}/{@code NotPrincipal}), and
 * its conditions, all of which must hold.
 *
 * @param principals principal types ({@code AWS}, {@code Service}, {@code Federated}, {@code *}) to their
 *                   values; empty when the statement names no principal
 * @param resources  null when the statement has neither Resource nor NotResource (a trust policy's statement,
 *                   which is about the role it belongs to)
 */
public record Statement(String sid, Effect effect, Map<String, List<String>> principals, boolean notPrincipal,
                        List<String> actions, boolean notAction, List<String> resources, boolean notResource,
                        List<Condition> conditions) {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    public boolean hasPrincipal() {
        return !principals.isEmpty();
    }

    /** Whether the statement covers this request: its principal (if it names one), action, resource and conditions. */
    boolean applies(AccessRequest request) {
        if (hasPrincipal() && namesPrincipal(request.principal()) == notPrincipal) {
            return false;
        }
        if (coversAction(request.action()) == notAction) {
            return false;
        }
        if (resources != null && coversResource(request.resource(), request.context()) == notResource) {
            return false;
        }
        for (Condition condition : conditions) {
            if (!condition.holds(request.context())) {
                return false;
            }
        }
        return true;
    }

    private boolean coversAction(String action) {
        for (String pattern : actions) {
            if (Wildcard.matches(pattern, action, true)) {
                return true;
            }
        }
        return false;
    }

    private boolean coversResource(String resource, RequestContextKeys context) {
        for (String pattern : resources) {
            if (Wildcard.matches(context.substitute(pattern), resource, false)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code principal} is one the statement names. */
    boolean namesPrincipal(Principal principal) {
        for (Map.Entry<String, List<String>> entry : principals.entrySet()) {
            for (String value : entry.getValue()) {
                if (names(entry.getKey(), value, principal)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the statement names this principal itself (its ARN, its role's ARN, its service, or everyone), rather
     * than only the account it belongs to.
     */
    boolean namesPrincipalItself(Principal principal) {
        for (Map.Entry<String, List<String>> entry : principals.entrySet()) {
            for (String value : entry.getValue()) {
                boolean account = ACCOUNT_ID.matcher(value).matches() || value.endsWith(":root");
                if (!account && names(entry.getKey(), value, principal)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean names(String type, String value, Principal principal) {
        if (type.equals("*") || value.equals("*") && type.equals("AWS")) {
            return true;
        }
        return switch (type) {
            case "Service" -> principal.kind() == Principal.Kind.SERVICE && value.equals(principal.service());
            case "AWS" -> namesAwsPrincipal(value, principal);
            default -> false;
        };
    }

    private static boolean namesAwsPrincipal(String value, Principal principal) {
        if (principal.account() == null) {
            return false;
        }
        if (ACCOUNT_ID.matcher(value).matches() || value.equals("arn:aws:iam::" + principal.account() + ":root")) {
            // An account as principal delegates to that account: any of its principals, as its own policies allow.
            return value.equals(principal.account()) || value.endsWith(":" + principal.account() + ":root");
        }
        return value.equals(principal.arn()) || value.equals(principal.roleArn());
    }
    /**
     * Whether this statement grants access to the public, as S3 Block Public Access and Access Analyzer judge it
     * ("The meaning of public"): an Allow to every principal ({@code *}, or a wildcard) that no condition pins to
     * fixed values of a key naming who or where the caller is ({@code aws:SourceIp}, {@code aws:PrincipalAccount},
     * {@code aws:SourceArn}, …). An allow to an IP range wider than a /8 is public too.
     */
    boolean grantsPublicAccess() {
        if (effect != Effect.ALLOW || notPrincipal || !namesEveryone()) {
            return effect == Effect.ALLOW && notPrincipal;
        }
        for (Condition condition : conditions) {
            if (condition.pinsTheCaller()) {
                return false;
            }
        }
        return true;
    }

    private boolean namesEveryone() {
        for (Map.Entry<String, List<String>> entry : principals.entrySet()) {
            if (entry.getKey().equals("*")) {
                return true;
            }
            for (String value : entry.getValue()) {
                if (entry.getKey().equals("AWS") && (value.contains("*") || value.contains("?"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
