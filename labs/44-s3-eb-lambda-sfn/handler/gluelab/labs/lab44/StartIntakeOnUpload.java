package gluelab.labs.lab44;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The target of an EventBridge rule on S3's "Object Created" events: starts one execution of the file intake (the
 * state machine named by the function's {@code STATE_MACHINE_ARN} environment variable) for the object that
 * arrived, with its bucket, key and size as the execution's input. Returns the execution's ARN.
 * <p>
 * EventBridge hands the function the whole event, as JSON; the S3 part is under {@code detail}:
 * <pre>
 * {"id": "…", "source": "aws.s3", "detail-type": "Object Created", "resources": ["arn:aws:s3:::bucket"],
 *  "detail": {"bucket": {"name": "…"}, "object": {"key": "…", "size": …, "etag": "…"}, "reason": "PutObject", …}}
 * </pre>
 * The execution is named after the event's id: EventBridge delivers at least once, and a second
 * {@code StartExecution} with the same name and input answers with the execution already started.
 */
public class StartIntakeOnUpload implements RequestStreamHandler {

    /** Made once per execution environment and reused by its later invocations, as AWS recommends. */
    private static final SfnClient SFN = SfnClient.create();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = JsonNode.parser().parse(input);
        JsonNode detail = field(event, "detail");
        String eventId = field(event, "id").asString();
        System.out.println("Object Created: s3://" + field(field(detail, "bucket"), "name").asString() + "/"
                + field(field(detail, "object"), "key").asString() + " (event " + eventId + ")");
        String executionArn = startIntake(SFN, System.getenv("STATE_MACHINE_ARN"), eventId, detail);
        System.out.println("Started " + executionArn);
        output.write(("\"" + executionArn + "\"").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Starts the execution {@code name} of {@code stateMachineArn} for the object of an "Object Created" event's
     * {@code detail}, with the input {@code {"bucket": …, "key": …, "size": …}}, and returns its ARN.
     */
    static String startIntake(SfnClient sfn, String stateMachineArn, String name, JsonNode detail) {
        // BEGIN SOLUTION
        // The input: detail.bucket.name as "bucket", detail.object.key as "key", detail.object.size as "size";
        // then StartExecution with the name and that input.
        // A node of the parsed event prints as JSON: a key's toString() is the key quoted and escaped.
        JsonNode object = field(detail, "object");
        String input = "{\"bucket\": " + field(field(detail, "bucket"), "name") + ", \"key\": " + field(object, "key")
                + ", \"size\": " + field(object, "size") + "}";
        return sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).name(name).input(input)).executionArn();
        // END SOLUTION
    }

    private static JsonNode field(JsonNode json, String name) {
        return json.field(name).orElseThrow(() -> new IllegalArgumentException("The event has no field '" + name
                + "': " + json));
    }
}
