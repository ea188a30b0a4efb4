package gluelab.labs.lab33;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.math.BigDecimal;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Function A: settles one payment from the payment provider's export (the event is the payment, as a map). An amount
 * that is not a number fails the invocation. Before failing, the catch block tells function B at once, with a
 * synchronous Invoke of the function named by {@code FAILURE_FUNCTION}, and logs B's answer; then it rethrows, so
 * that Lambda still sees the failure, retries an asynchronous event and, in the end, sends its record to the
 * on-failure destination.
 */
public class SettlePayment implements RequestHandler<Map<String, Object>, String> {

    private final LambdaClient lambda = LambdaClient.create();

    @Override
    public String handleRequest(Map<String, Object> payment, Context context) {
        String id = String.valueOf(payment.get("payment_id"));
        try {
            BigDecimal amount = amountOf(id, String.valueOf(payment.get("amount")));
            System.out.println("settled payment " + id + ": " + amount + " " + payment.get("currency"));
            return "settled " + id;
        } catch (IllegalArgumentException e) {
            // BEGIN SOLUTION
            // Invoke FAILURE_FUNCTION synchronously (RequestResponse) with a notice: source catch-block, requestId, error; log its answer.
            String notice = "{\"source\": \"catch-block\", \"function\": \"" + context.getFunctionName()
                    + "\", \"requestId\": \"" + context.getAwsRequestId() + "\", \"error\": \"" + quoted(e.getMessage()) + "\"}";
            InvokeResponse answer = lambda.invoke(r -> r.functionName(System.getenv("FAILURE_FUNCTION"))
                    .invocationType(InvocationType.REQUEST_RESPONSE)
                    .payload(SdkBytes.fromUtf8String(notice)));
            System.out.println("told " + System.getenv("FAILURE_FUNCTION") + " (status " + answer.statusCode() + "): "
                    + answer.payload().asUtf8String());
            // END SOLUTION
            throw e;
        }
    }

    /** The amount as an exact decimal, or an error that names the payment and the text. */
    static BigDecimal amountOf(String paymentId, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("payment " + paymentId + ": amount '" + text + "' is not a number");
        }
    }

    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
