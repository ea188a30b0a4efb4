package gluelab.lab.display;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The renderers registered with {@link Display#register}, by type. A value gets the renderer of its own class,
 * else of the nearest superclass, else of an interface it implements (nearest first). Types are held weakly:
 * a notebook's classes, and their renderers, go when the notebook's session does.
 */
final class Renderers {

    private final Map<Class<?>, Renderer<?>> byType = new WeakHashMap<>();

    synchronized <T> void register(Class<T> type, Renderer<? super T> renderer) {
        byType.put(type, renderer);
    }

    synchronized Optional<Renderer<Object>> find(Class<?> type) {
        if (byType.isEmpty()) {
            return Optional.empty();
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Renderer<?> renderer = byType.get(c);
            if (renderer != null) {
                return Optional.of(unchecked(renderer));
            }
        }
        Deque<Class<?>> interfaces = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            interfaces.addAll(List.of(c.getInterfaces()));
        }
        while (!interfaces.isEmpty()) {
            Class<?> candidate = interfaces.removeFirst();
            if (!seen.add(candidate)) {
                continue;
            }
            Renderer<?> renderer = byType.get(candidate);
            if (renderer != null) {
                return Optional.of(unchecked(renderer));
            }
            interfaces.addAll(List.of(candidate.getInterfaces()));
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Renderer<Object> unchecked(Renderer<?> renderer) {
        // Registered for a supertype of the value's class, so it accepts the value.
        return (Renderer<Object>) renderer;
    }
}
