package gluelab.lab.display;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Rich output in a notebook, with IJava's functions: {@code display}, {@code render} and {@code updateDisplay}.
 * A value is shown by the {@link Renderer} registered for its type, else as the {@link MimeBundle} it is or
 * makes ({@link Renderable}), else as text. Output goes to the {@link DisplaySink} the kernel or the headless
 * runner installs; without one (plain Java, tests) the plain-text form is printed.
 */
public final class Display {

    private static final Renderers RENDERERS = new Renderers();
    private static volatile DisplaySink sink = DisplaySink.PLAIN_TEXT;

    private Display() {
    }

    public static void setSink(DisplaySink newSink) {
        sink = Objects.requireNonNull(newSink);
    }

    /** Shows {@code type}'s values with {@code renderer} from now on, in cells' results and in {@code display}. */
    public static <T> void register(Class<T> type, Renderer<? super T> renderer) {
        RENDERERS.register(Objects.requireNonNull(type), Objects.requireNonNull(renderer));
    }

    /** Shows {@code value} in all the forms its renderer gives; returns the id {@link #updateDisplay} takes. */
    public static String display(Object value) {
        return show(render(value));
    }

    /**
     * Shows {@code value} only as {@code mimeTypes} (and plain text): {@code display("<b>hi</b>", "text/html")}.
     * Text is shown as whichever types are asked for; other values keep only those of their forms that were asked.
     */
    public static String display(Object value, String... mimeTypes) {
        return show(render(value, mimeTypes));
    }

    /** {@code value} in all the forms its renderer gives, without showing it: a cell that ends with it shows it. */
    public static MimeBundle render(Object value) {
        if (value instanceof MimeBundle bundle) {
            return bundle;
        }
        if (value != null) {
            var renderer = RENDERERS.find(value.getClass());
            if (renderer.isPresent()) {
                return renderer.get().render(value).withPlainText(String.valueOf(value));
            }
        }
        if (value instanceof Renderable renderable) {
            return renderable.toMimeBundle();
        }
        return MimeBundle.text(String.valueOf(value));
    }

    /** {@code value} as {@code mimeTypes} (see {@link #display(Object, String...)}), without showing it. */
    public static MimeBundle render(Object value, String... mimeTypes) {
        if (mimeTypes.length == 0) {
            return render(value);
        }
        List<String> types = List.of(mimeTypes);
        if (value instanceof CharSequence text && RENDERERS.find(value.getClass()).isEmpty()) {
            return MimeBundle.sameText(text.toString(), types);
        }
        return render(value).restrictedTo(types);
    }

    /** Replaces what {@link #display} showed under {@code displayId} with {@code value}, where it was shown. */
    public static void updateDisplay(String displayId, Object value) {
        sink.update(Objects.requireNonNull(displayId), render(value));
    }

    /** Like {@link #updateDisplay(String, Object)}, as {@code mimeTypes}. */
    public static void updateDisplay(String displayId, Object value, String... mimeTypes) {
        sink.update(Objects.requireNonNull(displayId), render(value, mimeTypes));
    }

    /** Whether {@link #updateDisplay} redraws an output in place here: in a notebook, not in plain Java. */
    public static boolean updatesInPlace() {
        return sink.updatesInPlace();
    }

    private static String show(MimeBundle bundle) {
        String displayId = UUID.randomUUID().toString();
        sink.display(bundle, displayId);
        return displayId;
    }
}
