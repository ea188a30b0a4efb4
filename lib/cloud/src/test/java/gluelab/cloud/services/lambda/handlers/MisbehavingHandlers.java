package gluelab.cloud.services.lambda.handlers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code Class::method} handlers that fail in each way a Java function can: each must fail only its own invocation. */
public class MisbehavingHandlers {

    public String fail(Map<String, Object> input) {
        throw new IllegalStateException("boom: " + input.get("order"));
    }

    public String exit(Map<String, Object> input) {
        System.out.println("about to exit");
        System.exit(3);
        return "unreachable";
    }

    public String spin(Map<String, Object> input) {
        System.out.println("spinning");
        long spins = 0;
        while (!Thread.currentThread().isInterrupted()) {
            spins++;
        }
        return Long.toString(spins);
    }

    public String exhaustMemory(Map<String, Object> input) {
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new long[1_000_000]);
        }
    }

    public String answerTooMuch(Map<String, Object> input) {
        return "x".repeat(7 * 1024 * 1024);
    }

    public String greet(Map<String, Object> input) {
        return "hello " + input.get("name");
    }
}
