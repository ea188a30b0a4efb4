package gluelab.cloud.services.sqs;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import java.util.regex.Pattern;

/**
 * Queue URLs, {@code http://<host:port>/<account>/<name>}: the host the client called, so the URL works for it in
 * both protocols (older clients post to the queue URL itself), and queue ARNs.
 */
final class QueueUrls {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern FIFO_NAME = Pattern.compile("[A-Za-z0-9_-]{1,75}\\.fifo");

    private QueueUrls() {
    }

    static String url(RequestContext context, String account, String name) {
        String host = context.exchange() == null ? null : context.exchange().header("Host");
        return "http://" + (host == null ? "localhost" : host) + "/" + account + "/" + name;
    }

    static Arn arn(Scope scope, String name) {
        return Arn.in(scope, "sqs", name);
    }

    /** The name of the caller's queue that {@code url} addresses; a queue of another account does not exist. */
    static String queueName(RequestContext context, String url) {
        if (url == null || url.isEmpty()) {
            throw SqsErrors.missingParameter("QueueUrl");
        }
        String[] parts = accountAndName(url);
        if (parts.length != 2 || !parts[0].equals(context.accountId())) {
            throw SqsErrors.queueDoesNotExist();
        }
        return parts[1];
    }

    /** The path of a queue URL, split: {@code [account, name]} for a well-formed one. */
    static String[] accountAndName(String url) {
        String path = url;
        int scheme = url.indexOf("://");
        if (scheme >= 0) {
            int slash = url.indexOf('/', scheme + 3);
            path = slash < 0 ? "" : url.substring(slash);
        }
        return path.replaceAll("^/+|/+$", "").split("/");
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw SqsErrors.missingParameter("QueueName");
        }
        if (name.endsWith(".fifo") ? !FIFO_NAME.matcher(name).matches() : !NAME.matcher(name).matches()) {
            throw SqsErrors.invalidParameterValue(
                    "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }
    }
}
