package gluelab.lab.display;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where rich output goes. The Jupyter kernel and the headless runner install a sink that turns a bundle
 * into a {@code display_data} message; without one (plain Java, tests) the plain-text form is printed.
 */
public final class Display {

    private static volatile Consumer<MimeBundle> sink = bundle -> System.out.println(bundle.plainText());

    private Display() {
    }

    public static void setSink(Consumer<MimeBundle> newSink) {
        sink = Objects.requireNonNull(newSink);
    }

    public static void display(Object value) {
        sink.accept(bundleOf(value));
    }

    public static MimeBundle bundleOf(Object value) {
        if (value instanceof MimeBundle bundle) {
            return bundle;
        }
        if (value instanceof Renderable renderable) {
            return renderable.toMimeBundle();
        }
        return MimeBundle.text(String.valueOf(value));
    }
}
