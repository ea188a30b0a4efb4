package gluelab.glue.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import gluelab.process.JsonLines;

/**
 * What the Glue worker reports, one JSON line each on its stdout, told apart by {@code ev} (lib/README.md,
 * "Glue worker protocol"). Every run gets exactly one {@link Finished}, after all of its {@link Log} and
 * {@link Bookmark} events. Absent fields are left out of the line.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "ev")
@JsonSubTypes({
        @JsonSubTypes.Type(value = GlueEvent.Ready.class, name = "ready"),
        @JsonSubTypes.Type(value = GlueEvent.Running.class, name = "running"),
        @JsonSubTypes.Type(value = GlueEvent.Log.class, name = "log"),
        @JsonSubTypes.Type(value = GlueEvent.Bookmark.class, name = "bookmark"),
        @JsonSubTypes.Type(value = GlueEvent.DataQualityResult.class, name = "dataQualityResult"),
        @JsonSubTypes.Type(value = GlueEvent.Finished.class, name = "finished"),
        @JsonSubTypes.Type(value = GlueEvent.CommandError.class, name = "error")})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface GlueEvent {

    JsonLines<GlueEvent> LINES = JsonLines.of(GlueEvent.class);

    /** The run the event is about; null for {@link Ready} and for an error that is about no run. */
    String runId();

    /** How a run ended, as the worker saw it. Lab Cloud records a stop it made for a timeout as TIMEOUT. */
    enum RunState { SUCCEEDED, FAILED, STOPPED }

    /** Spark is up (and warmed): the worker takes commands. */
    record Ready(String sparkVersion, long startupMillis) implements GlueEvent {
        @Override
        public String runId() {
            return null;
        }
    }

    /** The jars are fetched and the job class loaded; its {@code main} is about to be called. */
    record Running(String runId) implements GlueEvent {
    }

    /** One line the run wrote to {@link #OUTPUT} (its System.out) or {@link #ERROR} (System.err and its logs). */
    record Log(String runId, String stream, String message) implements GlueEvent {
        public static final String OUTPUT = "output";
        public static final String ERROR = "error";
    }

    /** The {@code JobBookmark} text {@code Job.commit()} sent; committed only if the run ends SUCCEEDED. */
    record Bookmark(String runId, String state) implements GlueEvent {
    }

    /**
     * A Data Quality result the run published (its {@code EvaluateDataQuality} transform, or an evaluation run):
     * the JSON text of Glue's {@code DataQualityResult} shape without the ids Lab Cloud gives it.
     */
    record DataQualityResult(String runId, String result) implements GlueEvent {
    }

    /**
     * @param errorMessage only when FAILED: the root cause as Glue shows it, {@code <SimpleClassName>: <message>}
     */
    record Finished(String runId, RunState state, String errorMessage) implements GlueEvent {
    }

    /** A command the worker could not act on: malformed, an unknown op, a stop of no active run, a duplicate run. */
    record CommandError(String runId, String message) implements GlueEvent {
    }
}
