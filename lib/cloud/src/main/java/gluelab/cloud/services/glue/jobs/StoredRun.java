package gluelab.cloud.services.glue.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.shape.JsonShapeCodec;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.Json;
import gluelab.cloud.state.ShapeCodec;
import software.amazon.awssdk.services.glue.model.JobRun;

/**
 * A job run as stored: the {@code JobRun} Glue answers with, and its place in the order runs started
 * (two runs can start in the same millisecond; {@code GetJobRuns} lists the newest first).
 */
record StoredRun(long sequence, JobRun run) {

    static final Codec<StoredRun> CODEC = new Codec<>() {
        private final ShapeCodec<JobRun> runs = ShapeCodec.of(JobRun.class);

        @Override
        public JsonNode encode(StoredRun value) {
            ObjectNode json = Json.object();
            json.put("sequence", value.sequence());
            json.set("run", JsonShapeCodec.write(value.run()));
            return json;
        }

        @Override
        public StoredRun decode(JsonNode json) {
            return new StoredRun(json.path("sequence").asLong(), runs.decode(json.get("run")));
        }
    };

    StoredRun with(JobRun changed) {
        return new StoredRun(sequence, changed);
    }
}
