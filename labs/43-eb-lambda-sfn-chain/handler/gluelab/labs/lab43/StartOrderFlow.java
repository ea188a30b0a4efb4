package gluelab.labs.lab43;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The target of an EventBridge rule on the web shop's "Order Placed" events: starts one execution of the order
 * flow (the state machine named by the function's {@code STATE_MACHINE_ARN} environment variable) with the order,
 * the event's {@code detail}, as its input. Returns the execution's ARN.
 * <p>
 * The execution's name is made from the order and the event's id. EventBridge delivers at least once, so the same
 * event may now and then arrive twice; {@code StartExecution} with the same name and the same input answers with the
 * execution it already started instead of starting a second one.
 */
public class StartOrderFlow implements RequestStreamHandler {

    /** Made once per execution environment and reused by its later invocations, as AWS recommends. */
    private static final SfnClient SFN = SfnClient.create();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = JsonNode.parser().parse(input);
        JsonNode order = field(event, "detail");
        String orderId = field(order, "order_id").asNumber();
        String eventId = field(event, "id").asString();
        System.out.println(field(event, "detail-type").asString() + ": order " + orderId + " (event " + eventId + ")");
        String executionArn = startFlow(SFN, System.getenv("STATE_MACHINE_ARN"), "order-" + orderId + "-" + eventId,
                order.toString());
        System.out.println("Started " + executionArn);
        output.write(("\"" + executionArn + "\"").getBytes(StandardCharsets.UTF_8));
    }

    /** Starts the execution {@code name} of {@code stateMachineArn} with {@code input} and returns its ARN. */
    static String startFlow(SfnClient sfn, String stateMachineArn, String name, String input) {
        // BEGIN SOLUTION
        // StartExecution of stateMachineArn with the name and the input (JSON text)
        return sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).name(name).input(input)).executionArn();
        // END SOLUTION
    }

    private static JsonNode field(JsonNode json, String name) {
        return json.field(name).orElseThrow(() -> new IllegalArgumentException("The event has no field '" + name
                + "': " + json));
    }
}
