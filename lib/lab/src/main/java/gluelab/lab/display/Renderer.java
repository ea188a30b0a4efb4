package gluelab.lab.display;

/**
 * How values of one type are shown in a notebook, for types that cannot implement {@link Renderable} themselves
 * (or whose built-in rendering should change). Register it with {@link Display#register}:
 * <pre>{@code
 * Display.register(Order.class, order -> MimeBundle.html("<b>" + order.id() + "</b>", order.toString()));
 * }</pre>
 * A bundle without {@code text/plain} gets {@code String.valueOf(value)} as its plain-text form.
 */
@FunctionalInterface
public interface Renderer<T> {
    MimeBundle render(T value);
}
