package gluelab.cloud.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed query string or form body, keeping every pair in order with both its raw and decoded form.
 * SigV4 canonicalization needs the raw pairs; providers want the decoded values.
 */
public final class QueryString {

    public record Pair(String rawName, String rawValue, String name, String value, boolean hasValue) {
    }

    private final List<Pair> pairs;
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private QueryString(List<Pair> pairs) {
        this.pairs = List.copyOf(pairs);
        for (Pair pair : pairs) {
            values.computeIfAbsent(pair.name(), k -> new ArrayList<>()).add(pair.value());
        }
    }

    public static QueryString empty() {
        return new QueryString(List.of());
    }

    /** Parses a URL query. A {@code +} stays a plus: AWS clients encode spaces as {@code %20}. */
    public static QueryString parseUrlQuery(String raw) {
        return parse(raw, false);
    }

    /** Parses an {@code application/x-www-form-urlencoded} body, where {@code +} means a space. */
    public static QueryString parseForm(String raw) {
        return parse(raw, true);
    }

    private static QueryString parse(String raw, boolean plusIsSpace) {
        if (raw == null || raw.isEmpty()) {
            return empty();
        }
        List<Pair> pairs = new ArrayList<>();
        for (String part : raw.split("&", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String rawName = eq < 0 ? part : part.substring(0, eq);
            String rawValue = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(new Pair(rawName, rawValue, decode(rawName, plusIsSpace), decode(rawValue, plusIsSpace), eq >= 0));
        }
        return new QueryString(pairs);
    }

    public List<Pair> pairs() {
        return pairs;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String get(String name) {
        List<String> all = values.get(name);
        return all == null ? null : all.get(0);
    }

    public List<String> getAll(String name) {
        return values.getOrDefault(name, List.of());
    }

    public Map<String, List<String>> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    /** Percent-decodes as UTF-8; malformed escapes are kept literally rather than rejected. */
    public static String decode(String s, boolean plusIsSpace) {
        if (s.indexOf('%') < 0 && !(plusIsSpace && s.indexOf('+') >= 0)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream escaped = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                escaped.write(Integer.parseInt(s, i + 1, i + 3, 16));
                i += 2;
                continue;
            }
            flush(escaped, out);
            out.append(c == '+' && plusIsSpace ? ' ' : c);
        }
        flush(escaped, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream escaped, StringBuilder out) {
        if (escaped.size() > 0) {
            out.append(escaped.toString(StandardCharsets.UTF_8));
            escaped.reset();
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
