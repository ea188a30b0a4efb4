package gluelab.labs.lab33;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Function B: where failed payments are reported. It receives two kinds of event: Lambda's invocation record, when
 * it is A's on-failure destination ({@code requestContext}, {@code requestPayload}, {@code responseContext},
 * {@code responsePayload}; typed, that is {@code LambdaDestinationEvent} of aws-lambda-java-events), and the notice A's
 * catch block sends it directly. A stream handler, it logs each exactly as it arrived, on one line.
 */
public class RecordFailure implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8).replace('\n', ' ');
        String kind = event.contains("\"requestContext\"") ? "destination record" : "direct notice";
        System.out.println("received " + kind + ": " + event);
        output.write(("{\"recorded\": \"" + kind + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
