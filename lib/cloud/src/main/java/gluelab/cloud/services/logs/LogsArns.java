package gluelab.cloud.services.logs;

import gluelab.cloud.provider.Scope;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ARNs of log groups and streams, and reading a log group back from an ARN. */
final class LogsArns {

    private static final Pattern LOG_GROUP_ARN =
            Pattern.compile("arn:aws[a-z-]*:logs:([a-z0-9-]+):(\\d{12}):log-group:([^:]+)(:\\*)?");

    /** A log group named by an ARN: where it lives and its name. */
    record LogGroupArn(Scope scope, String name) {
    }

    private LogsArns() {
    }

    /** The log group ARN AWS returns in {@code logGroupArn}: no trailing {@code :*}. */
    static String logGroup(Scope scope, String name) {
        return "arn:aws:logs:" + scope.region() + ":" + scope.account() + ":log-group:" + name;
    }

    /** The older {@code arn} member of a log group, which ends in {@code :*}. */
    static String logGroupWildcard(Scope scope, String name) {
        return logGroup(scope, name) + ":*";
    }

    static String logStream(Scope scope, String group, String stream) {
        return logGroup(scope, group) + ":log-stream:" + stream;
    }

    /** Reads a log group ARN (with or without {@code :*}), or returns null if it is not one. */
    static LogGroupArn parseLogGroup(String arn) {
        if (arn == null) {
            return null;
        }
        Matcher m = LOG_GROUP_ARN.matcher(arn);
        return m.matches() ? new LogGroupArn(new Scope(m.group(2), m.group(1)), m.group(3)) : null;
    }
}
