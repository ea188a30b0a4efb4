package gluelab.cloud.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The condition keys a request carries ({@code aws:SourceAccount}, {@code aws:PrincipalArn},
 * {@code sts:ExternalId}, {@code s3:prefix}, …): names are case-insensitive, and a key may have several values.
 * Policy variables such as {@code ${aws:PrincipalAccount}} in resources and condition values are replaced from
 * the same keys, with {@code ${*}}, {@code ${?}} and {@code ${$}} standing for those characters.
 */
public final class RequestContextKeys {

    private final Map<String, List<String>> keys = new LinkedHashMap<>();

    public RequestContextKeys put(String key, String value) {
        if (value != null) {
            keys.put(key.toLowerCase(Locale.ROOT), List.of(value));
        }
        return this;
    }

    public RequestContextKeys putAll(String key, List<String> values) {
        if (values != null) {
            keys.put(key.toLowerCase(Locale.ROOT), List.copyOf(values));
        }
        return this;
    }

    /** The key's values, or null when the request does not carry it. */
    public List<String> values(String key) {
        return keys.get(key.toLowerCase(Locale.ROOT));
    }

    public Map<String, List<String>> asMap() {
        return Map.copyOf(keys);
    }

    /**
     * {@code text} with its policy variables replaced. A variable the request does not carry makes the text match
     * nothing, as on AWS (unless it has a default: {@code ${aws:username, 'none'}}).
     */
    String substitute(String text) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            int end = start < 0 ? -1 : text.indexOf('}', start);
            if (start < 0 || end < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            String variable = text.substring(start + 2, end).trim();
            out.append(resolve(variable));
            i = end + 1;
        }
        return out.toString();
    }

    private String resolve(String variable) {
        switch (variable) {
            case "*":
                return "*";
            case "?":
                return "?";
            case "$":
                return "$";
            default:
                break;
        }
        String fallback = null;
        int comma = variable.indexOf(',');
        String name = variable;
        if (comma >= 0) {
            name = variable.substring(0, comma).trim();
            fallback = variable.substring(comma + 1).trim().replaceAll("^'|'$", "");
        }
        List<String> values = values(name);
        if (values != null && values.size() == 1) {
            return values.get(0);
        }
        // An unresolvable variable must not match anything: a character no ARN or key contains.
        return fallback != null ? fallback : "\u0000";
    }
}
