package gluelab.cloud.services.dynamodb.expressions;

import gluelab.cloud.services.dynamodb.model.DynamoDbErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading and writing an item at a document path; items are immutable, so a write answers the new item. */
public final class Documents {

    private Documents() {
    }

    /** The value at the path, or null where the item has nothing there. */
    public static AttributeValue resolve(Map<String, AttributeValue> item, Path path) {
        AttributeValue current = item.get(path.top());
        for (Object element : path.elements().subList(1, path.elements().size())) {
            if (current == null) {
                return null;
            }
            if (element instanceof Integer index) {
                current = current.hasL() && index < current.l().size() ? current.l().get(index) : null;
            } else {
                current = current.hasM() ? current.m().get((String) element) : null;
            }
        }
        return current;
    }

    /**
     * The item with {@code value} at the path. Its parent must exist; an index past a list's end appends, as AWS
     * does.
     */
    static Map<String, AttributeValue> set(Map<String, AttributeValue> item, Path path, AttributeValue value) {
        Map<String, AttributeValue> updated = new LinkedHashMap<>(item);
        if (path.isTopLevel()) {
            updated.put(path.top(), value);
            return updated;
        }
        AttributeValue top = item.get(path.top());
        if (top == null) {
            throw invalidPath();
        }
        updated.put(path.top(), setWithin(top, path.elements(), 1, value));
        return updated;
    }

    private static AttributeValue setWithin(AttributeValue container, List<Object> elements, int at,
                                            AttributeValue value) {
        Object element = elements.get(at);
        boolean last = at == elements.size() - 1;
        if (element instanceof Integer index) {
            if (!container.hasL()) {
                throw invalidPath();
            }
            List<AttributeValue> list = new ArrayList<>(container.l());
            if (last) {
                if (index >= list.size()) {
                    list.add(value);
                } else {
                    list.set(index, value);
                }
            } else {
                if (index >= list.size()) {
                    throw invalidPath();
                }
                list.set(index, setWithin(list.get(index), elements, at + 1, value));
            }
            return AttributeValue.fromL(list);
        }
        if (!container.hasM()) {
            throw invalidPath();
        }
        Map<String, AttributeValue> map = new LinkedHashMap<>(container.m());
        if (last) {
            map.put((String) element, value);
        } else {
            AttributeValue child = map.get(element);
            if (child == null) {
                throw invalidPath();
            }
            map.put((String) element, setWithin(child, elements, at + 1, value));
        }
        return AttributeValue.fromM(map);
    }

    /** The item without what is at the path; nothing there is no change. */
    static Map<String, AttributeValue> remove(Map<String, AttributeValue> item, Path path) {
        if (path.isTopLevel()) {
            Map<String, AttributeValue> updated = new LinkedHashMap<>(item);
            updated.remove(path.top());
            return updated;
        }
        AttributeValue top = item.get(path.top());
        if (top == null) {
            return item;
        }
        AttributeValue changed = removeWithin(top, path.elements(), 1);
        if (changed == top) {
            return item;
        }
        Map<String, AttributeValue> updated = new LinkedHashMap<>(item);
        updated.put(path.top(), changed);
        return updated;
    }

    private static AttributeValue removeWithin(AttributeValue container, List<Object> elements, int at) {
        Object element = elements.get(at);
        boolean last = at == elements.size() - 1;
        if (element instanceof Integer index) {
            if (!container.hasL() || index >= container.l().size()) {
                return container;
            }
            List<AttributeValue> list = new ArrayList<>(container.l());
            if (last) {
                list.remove((int) index);
            } else {
                AttributeValue child = removeWithin(list.get(index), elements, at + 1);
                if (child == list.get(index)) {
                    return container;
                }
                list.set(index, child);
            }
            return AttributeValue.fromL(list);
        }
        if (!container.hasM() || !container.m().containsKey(element)) {
            return container;
        }
        Map<String, AttributeValue> map = new LinkedHashMap<>(container.m());
        if (last) {
            map.remove(element);
        } else {
            AttributeValue child = removeWithin(map.get(element), elements, at + 1);
            if (child == map.get(element)) {
                return container;
            }
            map.put((String) element, child);
        }
        return AttributeValue.fromM(map);
    }

    /**
     * Only the parts of the item at the given paths, nested as they were (a list keeps the chosen elements in
     * order): what a ProjectionExpression answers, and what UPDATED_OLD/UPDATED_NEW answer of an update.
     */
    public static Map<String, AttributeValue> project(Map<String, AttributeValue> item, List<Path> paths) {
        Map<String, AttributeValue> projected = new LinkedHashMap<>();
        for (Path path : paths) {
            AttributeValue top = item.get(path.top());
            if (top == null) {
                continue;
            }
            if (path.isTopLevel()) {
                projected.put(path.top(), top);
                continue;
            }
            AttributeValue part = projectWithin(top, path.elements(), 1);
            if (part != null) {
                AttributeValue already = projected.get(path.top());
                projected.put(path.top(), already == null ? part : merge(already, part));
            }
        }
        return projected;
    }

    private static AttributeValue projectWithin(AttributeValue container, List<Object> elements, int at) {
        if (at == elements.size()) {
            return container;
        }
        Object element = elements.get(at);
        if (element instanceof Integer index) {
            if (!container.hasL() || index >= container.l().size()) {
                return null;
            }
            AttributeValue child = projectWithin(container.l().get(index), elements, at + 1);
            return child == null ? null : AttributeValue.fromL(List.of(child));
        }
        if (!container.hasM() || !container.m().containsKey(element)) {
            return null;
        }
        AttributeValue child = projectWithin(container.m().get(element), elements, at + 1);
        return child == null ? null : AttributeValue.fromM(Map.of((String) element, child));
    }

    private static AttributeValue merge(AttributeValue left, AttributeValue right) {
        if (left.hasM() && right.hasM()) {
            Map<String, AttributeValue> map = new LinkedHashMap<>(left.m());
            right.m().forEach((key, value) -> map.merge(key, value, Documents::merge));
            return AttributeValue.fromM(map);
        }
        if (left.hasL() && right.hasL()) {
            List<AttributeValue> list = new ArrayList<>(left.l());
            list.addAll(right.l());
            return AttributeValue.fromL(list);
        }
        return right;
    }

    private static RuntimeException invalidPath() {
        return DynamoDbErrors.validation("The document path provided in the update expression is invalid for update");
    }
}
