package gluelab.cloud.provider;

import gluelab.cloud.console.ConsoleBlock.LogLine;
import gluelab.cloud.console.ConsoleBlock.LogLines;
import gluelab.cloud.console.ConsoleRequest;
import gluelab.cloud.console.ConsoleTimes;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;

/**
 * A log stream as a console block, read through CloudWatch Logs' GetLogEvents as the console's account: the log
 * lines of a job run, a crawler or a function, shown where their resource is.
 */
public final class ConsoleLogs {

    private static final int LINES = 1000;

    private final ConsoleReads reads;

    public ConsoleLogs(ConsoleReads reads) {
        this.reads = reads;
    }

    /** The first lines of {@code group}'s {@code stream}, oldest first; none when the stream does not exist (yet). */
    public LogLines stream(ConsoleRequest request, String title, String group, String stream, String empty) {
        try {
            GetLogEventsResponse events = reads.call("logs", request, GetLogEventsRequest.builder()
                    .logGroupName(group).logStreamName(stream).startFromHead(true).limit(LINES).build());
            List<LogLine> lines = events.events().stream()
                    .map(event -> new LogLine(ConsoleTimes.ofEpochMillis(event.timestamp()), event.message()))
                    .toList();
            return new LogLines(title + " (" + group + ")", lines, empty);
        } catch (AwsServiceException noStream) {
            return missing(noStream, title, group, empty);
        }
    }

    /** The first lines of every stream of {@code group}, interleaved in time order; none when the group does not exist. */
    public LogLines group(ConsoleRequest request, String title, String group, String empty) {
        try {
            FilterLogEventsResponse events = reads.call("logs", request, FilterLogEventsRequest.builder()
                    .logGroupName(group).limit(LINES).build());
            List<LogLine> lines = events.events().stream()
                    .map(event -> new LogLine(ConsoleTimes.ofEpochMillis(event.timestamp()), event.message()))
                    .toList();
            return new LogLines(title + " (" + group + ")", lines, empty);
        } catch (AwsServiceException noGroup) {
            return missing(noGroup, title, group, empty);
        }
    }

    private static LogLines missing(AwsServiceException error, String title, String group, String empty) {
        if (!error.code().equals("ResourceNotFoundException")) {
            throw error;
        }
        return new LogLines(title + " (" + group + ")", List.of(), empty);
    }
}
