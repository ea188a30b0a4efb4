package gluelab.lab;

import gluelab.lab.display.Html;
import gluelab.lab.display.MimeBundle;
import gluelab.lab.display.Renderable;
import gluelab.lab.display.TextTable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Glue run read and wrote, from the {@code glue_lab_metric} lines the runtime prints to the driver log
 * (lib/README.md, "Job-run metrics").
 *
 * @param runId       the run
 * @param filesRead   files read by all sources
 * @param rowsRead    rows read by all sources
 * @param rowsWritten rows written by all sinks
 * @param sources     each source
 * @param sinks       each sink
 * @param found       whether the run printed its totals line (false: not finished, or not a gluelab.glue job)
 */
public record RunMetrics(String runId, long filesRead, long rowsRead, long rowsWritten, List<Source> sources,
                         List<Sink> sinks, boolean found) implements Renderable {

    /**
     * One source of the run.
     *
     * @param transformationContext its {@code transformation_ctx}
     * @param files                 the files it read
     * @param rows                  the rows it read
     */
    public record Source(String transformationContext, List<String> files, long rows) {
        public Source {
            files = List.copyOf(files);
        }
    }

    /**
     * One sink of the run.
     *
     * @param transformationContext its {@code transformation_ctx}
     * @param path                  where it wrote
     * @param rows                  the rows it wrote
     */
    public record Sink(String transformationContext, String path, long rows) {
    }

    public RunMetrics {
        sources = List.copyOf(sources);
        sinks = List.copyOf(sinks);
    }

    /** Every file any source read. */
    public List<String> filesReadList() {
        return sources.stream().flatMap(s -> s.files().stream()).toList();
    }

    @Override
    public MimeBundle toMimeBundle() {
        List<String> headers = List.of("", "transformation_ctx", "files / path", "rows");
        boolean[] right = {false, false, false, true};
        List<List<String>> rows = new ArrayList<>();
        for (Source source : sources) {
            rows.add(List.of("source", String.valueOf(source.transformationContext()),
                    source.files().size() + " file" + (source.files().size() == 1 ? "" : "s")
                            + (source.files().isEmpty() ? "" : ": " + String.join(", ", source.files())),
                    String.valueOf(source.rows())));
        }
        for (Sink sink : sinks) {
            rows.add(List.of("sink", String.valueOf(sink.transformationContext()), String.valueOf(sink.path()),
                    String.valueOf(sink.rows())));
        }
        String caption = found
                ? "Run " + runId + ": " + filesRead + " file" + (filesRead == 1 ? "" : "s") + " read, " + rowsRead + " rows in, "
                + rowsWritten + " rows out"
                : "Run " + runId + ": no metrics in its driver log (not finished yet, or not a gluelab.glue job)";
        List<List<String>> escaped = rows.stream().map(r -> r.stream().map(Html::escape).toList()).toList();
        return MimeBundle.html(Html.table(Html.escape(caption), headers, null, escaped, right, null),
                caption + (rows.isEmpty() ? "" : "\n" + TextTable.render(headers, rows, right)));
    }

    @Override
    public String toString() {
        return toMimeBundle().plainText();
    }
}
