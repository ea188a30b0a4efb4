package gluelab.lab;

import gluelab.lab.display.Html;
import gluelab.lab.display.MimeBundle;
import gluelab.lab.display.Renderable;
import java.util.List;

/**
 * The last lines of a CloudWatch Logs stream, such as a Glue run's driver output
 * ({@code /aws-glue/jobs/output}, stream = run id) or its errors ({@code /aws-glue/jobs/error}).
 *
 * @param logGroup  the log group
 * @param logStream the stream
 * @param lines     the lines shown, oldest first
 * @param exists    whether the stream exists (a run that has not started yet has none)
 */
public record LogTail(String logGroup, String logStream, List<String> lines, boolean exists) implements Renderable {

    public LogTail {
        lines = List.copyOf(lines);
    }

    /** Whether some line contains {@code text}. */
    public boolean contains(String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }

    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public MimeBundle toMimeBundle() {
        String caption = caption();
        String body = !exists ? "(no such log stream yet)" : lines.isEmpty() ? "(empty)" : text();
        return MimeBundle.html(Html.pre(Html.escape(caption), body), caption + "\n" + body);
    }

    private String caption() {
        return logGroup + " · " + logStream + (exists ? " · last " + lines.size() + " line" + (lines.size() == 1 ? "" : "s") : "");
    }

    @Override
    public String toString() {
        return toMimeBundle().plainText();
    }
}
