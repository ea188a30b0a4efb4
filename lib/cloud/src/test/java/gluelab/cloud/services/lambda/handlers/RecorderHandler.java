package gluelab.cloud.services.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A stream handler that writes the event it got, exactly, to its log: what a destination function receives. */
public class RecorderHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        System.out.println("record " + event.replace('\n', ' '));
        output.write("{}".getBytes(StandardCharsets.UTF_8));
    }
}
