package gluelab.lab.display;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rich output, as Jupyter stores it: MIME type to content, plus per-type metadata.
 * Every bundle carries a {@code text/plain} fallback so it reads well in a terminal and in graders.
 */
public record MimeBundle(Map<String, String> data, Map<String, Object> metadata) {

    public MimeBundle {
        data = Map.copyOf(data);
        metadata = Map.copyOf(metadata);
    }

    public static MimeBundle of(String mimeType, String content, String plainText) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(mimeType, content);
        data.put("text/plain", plainText);
        return new MimeBundle(data, Map.of());
    }

    public static MimeBundle html(String html, String plainText) {
        return of("text/html", html, plainText);
    }

    public static MimeBundle svg(String svg, String plainText) {
        return of("image/svg+xml", svg, plainText);
    }

    public static MimeBundle markdown(String markdown) {
        return of("text/markdown", markdown, markdown);
    }

    public static MimeBundle text(String text) {
        return new MimeBundle(Map.of("text/plain", text), Map.of());
    }

    public String plainText() {
        return data.getOrDefault("text/plain", "");
    }
}
