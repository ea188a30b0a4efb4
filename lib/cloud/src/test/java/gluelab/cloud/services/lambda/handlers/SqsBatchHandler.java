package gluelab.cloud.services.lambda.handlers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An SQS batch handler whose messages say what becomes of them: a body starting {@code fail} fails the whole
 * invocation, {@code reject} is reported as a batch item failure, {@code unknown} reports an item identifier that is no
 * message of the batch; anything else succeeds. Each message is logged as {@code message <body>}, in batch order.
 */
public class SqsBatchHandler {

    @SuppressWarnings("unchecked")
    public Map<String, Object> handle(Map<String, Object> event) {
        List<Map<String, Object>> records = (List<Map<String, Object>>) event.get("Records");
        List<Map<String, String>> failures = new ArrayList<>();
        for (Map<String, Object> record : records) {
            String body = (String) record.get("body");
            System.out.println("message " + body);
            if (body.startsWith("fail")) {
                throw new IllegalStateException("cannot process " + body);
            }
            if (body.startsWith("reject")) {
                failures.add(Map.of("itemIdentifier", (String) record.get("messageId")));
            }
            if (body.startsWith("unknown")) {
                failures.add(Map.of("itemIdentifier", "no-message-of-this-batch"));
            }
        }
        Map<String, Object> response = new HashMap<>();
        response.put("batchItemFailures", failures);
        return response;
    }
}
