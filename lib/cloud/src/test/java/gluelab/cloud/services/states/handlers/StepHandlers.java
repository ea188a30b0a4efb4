package gluelab.cloud.services.states.handlers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Lambda handlers the Step Functions tests call from Task states. */
public class StepHandlers {

    private static final Map<String, Integer> ATTEMPTS = new ConcurrentHashMap<>();

    /** Answers with {@code n} doubled. */
    public Map<String, Object> twice(Map<String, Object> input) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("doubled", ((Number) input.get("n")).intValue() * 2);
        return out;
    }

    /** Always fails, naming the order. */
    public String reject(Map<String, Object> input) {
        throw new IllegalArgumentException("no such order: " + input.get("order"));
    }

    /** Fails the first time it sees a {@code key}, and succeeds after. */
    public String flaky(Map<String, Object> input) {
        int attempt = ATTEMPTS.merge(String.valueOf(input.get("key")), 1, Integer::sum);
        if (attempt == 1) {
            throw new IllegalStateException("try again");
        }
        return "ok after " + attempt;
    }
}
