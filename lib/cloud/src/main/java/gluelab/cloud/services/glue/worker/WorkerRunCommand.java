package gluelab.cloud.services.glue.worker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.state.Json;
import java.util.List;

/**
 * The {@code run} command of the Glue worker protocol (lib/README.md): what the worker needs to execute
 * one run. Lab Cloud keeps the run's state; the worker only executes.
 *
 * @param jars           the job jar first, then {@code --extra-jars}, as s3:// paths
 * @param args           the job's {@code String[] args}
 * @param bookmarkState  the committed bookmark's JSON text, or null
 */
public record WorkerRunCommand(String runId, String jobName, int attempt, String className, List<String> jars,
                        boolean userJarsFirst, List<String> args, WorkerAwsSettings aws, String bookmarkOption,
                        String bookmarkState) {

    /** Where the run's AWS calls go and as whom: the edge, with credentials minted for the job's role. */
    public record WorkerAwsSettings(String endpoint, String region, String accessKeyId, String secretAccessKey,
                             String sessionToken) {
    }

    public WorkerRunCommand {
        jars = List.copyOf(jars);
        args = List.copyOf(args);
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("op", "run");
        json.put("runId", runId);
        json.put("jobName", jobName);
        json.put("attempt", attempt);
        json.put("className", className);
        ArrayNode jarList = json.putArray("jars");
        jars.forEach(jarList::add);
        json.put("userJarsFirst", userJarsFirst);
        ArrayNode argList = json.putArray("args");
        args.forEach(argList::add);
        ObjectNode awsJson = json.putObject("aws");
        awsJson.put("endpoint", aws.endpoint());
        awsJson.put("region", aws.region());
        awsJson.put("accessKeyId", aws.accessKeyId());
        awsJson.put("secretAccessKey", aws.secretAccessKey());
        awsJson.put("sessionToken", aws.sessionToken());
        ObjectNode bookmark = json.putObject("bookmark");
        bookmark.put("option", bookmarkOption);
        bookmark.put("state", bookmarkState);
        return json;
    }
}
