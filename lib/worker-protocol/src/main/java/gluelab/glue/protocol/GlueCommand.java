package gluelab.glue.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import gluelab.process.JsonLines;

/**
 * What Lab Cloud tells the Glue worker, one JSON line each on the worker's stdin, told apart by {@code op}
 * (lib/README.md, "Glue worker protocol"). Closing stdin is the same as {@link Shutdown}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "op")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RunCommand.class, name = "run"),
        @JsonSubTypes.Type(value = GlueCommand.Stop.class, name = "stop"),
        @JsonSubTypes.Type(value = GlueCommand.Shutdown.class, name = "shutdown")})
public sealed interface GlueCommand permits RunCommand, GlueCommand.Stop, GlueCommand.Shutdown {

    JsonLines<GlueCommand> LINES = JsonLines.of(GlueCommand.class);

    /**
     * Stop a run: cancel its Spark jobs and interrupt it, and kill what still runs after {@code graceMillis}
     * (null: the worker's default).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Stop(String runId, Long graceMillis) implements GlueCommand {

        public static Stop withDefaultGrace(String runId) {
            return new Stop(runId, null);
        }
    }

    /** Stop every run, then exit. */
    record Shutdown() implements GlueCommand {
    }
}
