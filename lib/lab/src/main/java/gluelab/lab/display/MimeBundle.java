package gluelab.lab.display;

import java.util.LinkedHashMap;
import java.util.List;
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

    /** The same text as each of {@code mimeTypes}, and as plain text: a string shown as HTML, Markdown, … */
    public static MimeBundle sameText(String text, List<String> mimeTypes) {
        Map<String, String> data = new LinkedHashMap<>();
        mimeTypes.forEach(type -> data.put(type, text));
        data.put("text/plain", text);
        return new MimeBundle(data, Map.of());
    }

    /** This bundle with only the forms of {@code mimeTypes}, and its plain text, which every bundle keeps. */
    public MimeBundle restrictedTo(List<String> mimeTypes) {
        Map<String, String> kept = new LinkedHashMap<>();
        data.forEach((type, content) -> {
            if (type.equals("text/plain") || mimeTypes.contains(type)) {
                kept.put(type, content);
            }
        });
        Map<String, Object> keptMetadata = new LinkedHashMap<>();
        metadata.forEach((type, value) -> {
            // Metadata of a dropped form goes with it; metadata of the whole output stays.
            if (kept.containsKey(type) || !data.containsKey(type)) {
                keptMetadata.put(type, value);
            }
        });
        return new MimeBundle(kept, keptMetadata);
    }

    /** This bundle, with {@code plainText} as its plain-text form if it has none. */
    public MimeBundle withPlainText(String plainText) {
        if (data.containsKey("text/plain")) {
            return this;
        }
        Map<String, String> completed = new LinkedHashMap<>(data);
        completed.put("text/plain", plainText);
        return new MimeBundle(completed, metadata);
    }

    public String plainText() {
        return data.getOrDefault("text/plain", "");
    }
}
