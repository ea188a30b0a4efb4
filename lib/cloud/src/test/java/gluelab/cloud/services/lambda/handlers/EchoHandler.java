package gluelab.cloud.services.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code RequestHandler} that answers with its input and what its execution environment told it: the environment
 * variables Lambda sets and the handler's context. It prints one line on stdout, one on stderr and logs one
 * through its context's logger, which the function's log must all show, each as a line of its own.
 */
public class EchoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static int invocations;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        invocations++;
        System.out.println("echo " + input);
        System.err.println("echo on stderr");
        context.getLogger().log("echo through the context logger");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("input", input);
        out.put("requestId", context.getAwsRequestId());
        out.put("functionName", context.getFunctionName());
        out.put("invokedFunctionArn", context.getInvokedFunctionArn());
        out.put("memoryLimitInMB", context.getMemoryLimitInMB());
        out.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
        out.put("invocationsInThisEnvironment", invocations);
        out.put("pid", ProcessHandle.current().pid());
        out.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        out.put("tmpdir", System.getProperty("java.io.tmpdir"));
        out.put("runtimeJniLibrary",
                System.getProperty("com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI"));
        Map<String, String> environment = new LinkedHashMap<>();
        for (String name : new String[] {"AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_REGION", "AWS_DEFAULT_REGION", "_HANDLER",
                "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY_ID", "AWS_SESSION_TOKEN",
                "AWS_ENDPOINT_URL", "AWS_EXECUTION_ENV", "GREETING", "LAMBDA_TASK_ROOT", "TMPDIR"}) {
            environment.put(name, System.getenv(name));
        }
        out.put("environment", environment);
        return out;
    }
}
