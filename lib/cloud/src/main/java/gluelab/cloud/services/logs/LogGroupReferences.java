package gluelab.cloud.services.logs;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import java.util.Optional;

/**
 * How requests name log groups: by name, or by ARN ({@code arn:aws:logs:<region>:<account>:log-group:<name>}, with
 * or without the older trailing {@code :*}), and the ARNs of groups and streams as CloudWatch Logs writes them.
 */
final class LogGroupReferences {

    private static final String LOG_GROUP = "log-group";
    private static final String WILDCARD = ":*";

    private LogGroupReferences() {
    }

    /** The log group's ARN, as {@code logGroupArn} gives it: no trailing {@code :*}. */
    static Arn arn(Scope scope, String group) {
        return Arn.in(scope, LogsProvider.SERVICE, LOG_GROUP + ":" + group);
    }

    /** The older {@code arn} member of a log group, which ends in {@code :*}. */
    static Arn wildcardArn(Scope scope, String group) {
        return Arn.in(scope, LogsProvider.SERVICE, LOG_GROUP + ":" + group + WILDCARD);
    }

    static Arn streamArn(Scope scope, String group, String stream) {
        return Arn.in(scope, LogsProvider.SERVICE, LOG_GROUP + ":" + group + ":log-stream:" + stream);
    }

    /** The log group an ARN names (with or without {@code :*}), or empty if it names none. */
    static Optional<String> groupName(Arn arn) {
        if (!arn.partition().startsWith(Arn.PARTITION) || !arn.service().equals(LogsProvider.SERVICE)
                || arn.region().isEmpty() || !arn.account().matches("\\d{12}") || !arn.resourceType().equals(LOG_GROUP)) {
            return Optional.empty();
        }
        String name = arn.resourceId();
        if (name.endsWith(WILDCARD)) {
            name = name.substring(0, name.length() - WILDCARD.length());
        }
        return name.isEmpty() || name.contains(":") ? Optional.empty() : Optional.of(name);
    }

    /**
     * The log group named by {@code logGroupName} or {@code logGroupIdentifier} (a name or an ARN): exactly one of
     * them. A group of another account or region does not exist here.
     */
    static String resolve(RequestContext ctx, String name, String identifier) {
        if (name != null && identifier != null) {
            throw LogsErrors.invalidParameter("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (name == null && identifier == null) {
            throw LogsErrors.invalidParameter("Should provide either name or ARN of LogGroup.");
        }
        if (name != null) {
            return name;
        }
        Optional<Arn> arn = Arn.parse(identifier);
        Optional<String> named = arn.flatMap(LogGroupReferences::groupName);
        if (named.isEmpty()) {
            LogsErrors.validation().satisfies(LogNames.requiredGroupName("logGroupIdentifier", identifier)).orThrow();
            return identifier;
        }
        if (!arn.get().isIn(ctx.scope())) {
            throw LogsErrors.groupNotFound();
        }
        return named.get();
    }

    /** The log group a tagging request's {@code resourceArn} names, in the caller's account and region. */
    static String ofResourceArn(RequestContext ctx, String resourceArn) {
        Optional<Arn> arn = Arn.parse(resourceArn);
        String group = arn.flatMap(LogGroupReferences::groupName)
                .orElseThrow(() -> LogsErrors.invalidParameter("Invalid resource arn: " + resourceArn));
        if (!arn.get().isIn(ctx.scope())) {
            throw LogsErrors.groupNotFound();
        }
        return group;
    }
}
