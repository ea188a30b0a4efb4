package gluelab.cloud.services.events.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.state.Json;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eventbridge.model.InputTransformer;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * What a target receives for an event, as EventBridge makes it: the event itself, the target's constant
 * {@code Input}, the part of the event its {@code InputPath} selects, or its {@code InputTransformer}'s template
 * filled in.
 *
 * <p>AWS's quoting rules for a template: inside a JSON string (between quotes) a placeholder is inserted as text (a
 * string's characters, escaped for the string it sits in; anything else as its JSON); outside quotes it is inserted
 * as JSON (a string with its quotes). A value the path does not reach is an empty string. A template that is not JSON
 * at all ({@code <instance> is in state <status>}) gets every value as plain text. The reserved
 * {@code <aws.events.event>} (the envelope without {@code detail}, {@code detail-type} spelled {@code detailType})
 * and {@code <aws.events.event.json>} (the whole envelope) are inserted unescaped, so they only make sense as the
 * value of a JSON field.
 */
public final class TargetInput {

    public static final String RULE_ARN = "aws.events.rule-arn";
    public static final String RULE_NAME = "aws.events.rule-name";
    public static final String INGESTION_TIME = "aws.events.event.ingestion-time";
    public static final String EVENT = "aws.events.event";
    public static final String EVENT_JSON = "aws.events.event.json";

    private static final Pattern PLACEHOLDER = Pattern.compile("<([^<>\\s]+)>");

    private TargetInput() {
    }

    /** The placeholders a template uses, for checking them against the paths map when a target is put. */
    public static java.util.List<String> placeholders(String template) {
        java.util.List<String> names = new java.util.ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    public static boolean isReserved(String placeholder) {
        return placeholder.equals(RULE_ARN) || placeholder.equals(RULE_NAME) || placeholder.equals(INGESTION_TIME)
                || placeholder.equals(EVENT) || placeholder.equals(EVENT_JSON);
    }

    /**
     * The text the target receives for {@code event} (the envelope).
     *
     * @param ruleArn  the rule that matched, for the reserved placeholders
     */
    public static String render(Target target, JsonNode event, String ruleArn, String ruleName) {
        if (target.input() != null) {
            return target.input();
        }
        if (target.inputPath() != null) {
            return JsonPath.parse(target.inputPath()).flatMap(path -> path.read(event)).map(TargetInput::json).orElse("");
        }
        if (target.inputTransformer() != null) {
            return transform(target.inputTransformer(), event, ruleArn, ruleName);
        }
        return json(event);
    }

    static String transform(InputTransformer transformer, JsonNode event, String ruleArn, String ruleName) {
        Map<String, String> paths = transformer.hasInputPathsMap() ? transformer.inputPathsMap() : Map.of();
        String template = transformer.inputTemplate();
        String trimmed = template.strip();
        boolean jsonTemplate = trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("\"");
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '<') {
                Matcher matcher = PLACEHOLDER.matcher(template);
                if (matcher.find(i) && matcher.start() == i) {
                    String name = matcher.group(1);
                    JsonNode value = valueOf(name, paths, event, ruleArn, ruleName);
                    boolean raw = name.equals(EVENT) || name.equals(EVENT_JSON);
                    out.append(raw ? json(value) : insert(value, jsonTemplate && !inString, inString));
                    i = matcher.end();
                    continue;
                }
            }
            if (jsonTemplate && c == '"') {
                inString = !inString;
            } else if (jsonTemplate && inString && c == '\\' && i + 1 < template.length()) {
                out.append(c).append(template.charAt(i + 1));
                i += 2;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static JsonNode valueOf(String name, Map<String, String> paths, JsonNode event, String ruleArn,
                                    String ruleName) {
        switch (name) {
            case RULE_ARN:
                return Json.MAPPER.getNodeFactory().textNode(ruleArn);
            case RULE_NAME:
                return Json.MAPPER.getNodeFactory().textNode(ruleName);
            case INGESTION_TIME:
                return event.path("time");
            case EVENT_JSON:
                return event;
            case EVENT: {
                ObjectNode withoutDetail = Json.object();
                event.fields().forEachRemaining(field -> {
                    if (!field.getKey().equals("detail")) {
                        withoutDetail.set(field.getKey().equals("detail-type") ? "detailType" : field.getKey(),
                                field.getValue());
                    }
                });
                return withoutDetail;
            }
            default:
                String path = paths.get(name);
                return path == null ? null
                        : JsonPath.parse(path).flatMap(p -> p.read(event)).orElse(null);
        }
    }

    /**
     * @param asJson   outside quotes in a JSON template: the value's JSON
     * @param inString inside a JSON string: text escaped for that string
     */
    private static String insert(JsonNode value, boolean asJson, boolean inString) {
        if (value == null || value.isMissingNode()) {
            return asJson ? "\"\"" : "";
        }
        if (asJson) {
            return json(value);
        }
        String text = value.isTextual() ? value.asText() : json(value);
        if (!inString) {
            return text;
        }
        String quoted = json(Json.MAPPER.getNodeFactory().textNode(text));
        return quoted.substring(1, quoted.length() - 1);
    }

    private static String json(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
