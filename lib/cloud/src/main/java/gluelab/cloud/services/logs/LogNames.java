package gluelab.cloud.services.logs;

import gluelab.cloud.provider.Validation;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** The model's constraints on log group and log stream names, as CloudWatch Logs checks them in every request. */
final class LogNames {

    static final String LOG_GROUP_NAME_PATTERN = "[\\.\\-_/#A-Za-z0-9]+";
    static final Pattern LOG_GROUP_NAME = Pattern.compile(LOG_GROUP_NAME_PATTERN);
    static final String LOG_STREAM_NAME_PATTERN = "[^:*]*";
    static final Pattern LOG_STREAM_NAME = Pattern.compile(LOG_STREAM_NAME_PATTERN);
    static final int MAX_NAME_LENGTH = 512;

    private LogNames() {
    }

    /** A log group name, if given: 1 to 512 characters of {@code [.-_/#A-Za-z0-9]}. */
    static Consumer<Validation> groupName(String member, String value) {
        return validation -> validation.length(member, value, 1, MAX_NAME_LENGTH)
                .pattern(member, value, LOG_GROUP_NAME, LOG_GROUP_NAME_PATTERN);
    }

    /** A log group name that must be given. */
    static Consumer<Validation> requiredGroupName(String member, String value) {
        return validation -> validation.required(member, value).satisfies(groupName(member, value));
    }

    /** A log stream name, if given: 1 to 512 characters, none of them {@code :} or {@code *}. */
    static Consumer<Validation> streamName(String member, String value) {
        return validation -> validation.length(member, value, 1, MAX_NAME_LENGTH)
                .pattern(member, value, LOG_STREAM_NAME, LOG_STREAM_NAME_PATTERN);
    }

    /** A log stream name that must be given. */
    static Consumer<Validation> requiredStreamName(String member, String value) {
        return validation -> validation.required(member, value).satisfies(streamName(member, value));
    }
}
