package gluelab.labs.lab43;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three steps of the order flow, one Lambda function each (the same package, three handlers). Each gets what its
 * Task state's {@code Parameters} pass as the payload and answers with a small JSON object; where that answer goes
 * in the execution's state is the state machine's business ({@code ResultSelector}, {@code ResultPath},
 * {@code OutputPath}), not the function's.
 */
public class OrderSteps {

    /** ValidateOrder: an order needs a customer and at least one line, each with a quantity and a unit price. */
    public Map<String, Object> validate(Map<String, Object> order) {
        List<Map<String, Object>> lines = lines(order);
        if (!(order.get("customer") instanceof Map) || lines.isEmpty()) {
            throw new IllegalArgumentException("Order " + order.get("order_id") + " has no customer or no lines");
        }
        for (Map<String, Object> line : lines) {
            if (!(line.get("quantity") instanceof Number) || !(line.get("unit_price") instanceof Number)) {
                throw new IllegalArgumentException("Order " + order.get("order_id") + ": line " + line.get("sku")
                        + " has no quantity or no unit price");
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("valid", true);
        answer.put("line_count", lines.size());
        return answer;
    }

    /** PriceOrder: the order's total, the sum of quantity × unit price over its lines, in cents and rounded. */
    public Map<String, Object> price(Map<String, Object> order) {
        long cents = 0;
        for (Map<String, Object> line : lines(order)) {
            cents += Math.round(((Number) line.get("quantity")).doubleValue()
                    * ((Number) line.get("unit_price")).doubleValue() * 100);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total_cents", cents);
        answer.put("priced_lines", lines(order).size());
        return answer;
    }

    /** ConfirmOrder: the confirmation the shop sends the customer. */
    public Map<String, Object> confirm(Map<String, Object> request) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("confirmation_id", "C-" + request.get("order_id"));
        answer.put("order_id", request.get("order_id"));
        answer.put("customer", request.get("customer"));
        answer.put("line_count", request.get("line_count"));
        answer.put("total_cents", request.get("total_cents"));
        return answer;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> order) {
        Object lines = order.get("lines");
        return lines instanceof List ? (List<Map<String, Object>>) lines : List.of();
    }
}
