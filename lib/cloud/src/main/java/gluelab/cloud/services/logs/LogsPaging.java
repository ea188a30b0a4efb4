package gluelab.cloud.services.logs;

import gluelab.cloud.provider.Pages;

/**
 * CloudWatch Logs' {@code nextToken}s of the Describe operations and FilterLogEvents, from the framework's
 * {@link Pages}: a token Lab Cloud did not hand out is InvalidParameterException. GetLogEvents has tokens of its
 * own ({@link StreamPage}).
 */
final class LogsPaging {

    static final Pages PAGES = new Pages(LogsErrors.INVALID_PARAMETER, token -> LogsErrors.invalidNextToken());
    /** DescribeLogGroups and DescribeLogStreams: {@code limit} 1 to 50, 50 by default. */
    static final Pages.Limits DESCRIBE = new Pages.Limits("limit", 50, 50);

    private LogsPaging() {
    }
}
