package gluelab.cloud.services.glue.crawlers.inference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Hive/Glue column type as a tree ({@code struct<a:int>}, {@code array<bigint>}, …), so schemas of
 * several files can be merged the way Glue's crawler widens them: {@code int → bigint → double},
 * structs by the union of their fields, arrays by their elements, and any other conflict to {@code string}.
 */
sealed interface HiveType {

    HiveType STRING = new Primitive("string");
    HiveType INT = new Primitive("int");
    HiveType BIGINT = new Primitive("bigint");
    HiveType DOUBLE = new Primitive("double");
    HiveType BOOLEAN = new Primitive("boolean");

    /** The type as Glue writes it in a column's {@code Type}. */
    String render();

    record Primitive(String name) implements HiveType {
        public String render() {
            return name;
        }
    }

    record Struct(Map<String, HiveType> fields) implements HiveType {
        public String render() {
            return fields.entrySet().stream()
                    .map(field -> field.getKey() + ":" + HiveType.render(field.getValue()))
                    .collect(Collectors.joining(",", "struct<", ">"));
        }
    }

    record ArrayOf(HiveType element) implements HiveType {
        public String render() {
            return "array<" + HiveType.render(element) + ">";
        }
    }

    record MapOf(HiveType key, HiveType value) implements HiveType {
        public String render() {
            return "map<" + HiveType.render(key) + "," + HiveType.render(value) + ">";
        }
    }

    /** A type as Glue writes it; a field only ever seen as null is a {@code string}, as Glue types it. */
    static String render(HiveType type) {
        return type == null ? "string" : type.render();
    }

    /** The numeric widening order Glue's crawler applies; a number meeting anything else becomes a string. */
    List<String> NUMERIC_ORDER = List.of("tinyint", "smallint", "int", "bigint", "float", "double");

    /** The one type both {@code a} and {@code b} fit in; null stands for "only nulls seen". */
    static HiveType widen(HiveType a, HiveType b) {
        if (a == null) {
            return b;
        }
        if (b == null || a.equals(b)) {
            return a;
        }
        if (a instanceof Primitive pa && b instanceof Primitive pb) {
            int ia = NUMERIC_ORDER.indexOf(pa.name());
            int ib = NUMERIC_ORDER.indexOf(pb.name());
            if (ia >= 0 && ib >= 0) {
                String wider = NUMERIC_ORDER.get(Math.max(ia, ib));
                return new Primitive(wider.equals("float") && Math.min(ia, ib) >= 3 ? "double" : wider);
            }
            return STRING;
        }
        if (a instanceof Struct sa && b instanceof Struct sb) {
            return new Struct(mergeFields(sa.fields(), sb.fields()));
        }
        if (a instanceof ArrayOf aa && b instanceof ArrayOf ab) {
            return new ArrayOf(widen(aa.element(), ab.element()));
        }
        if (a instanceof MapOf ma && b instanceof MapOf mb) {
            return new MapOf(widen(ma.key(), mb.key()), widen(ma.value(), mb.value()));
        }
        return STRING;
    }

    /** Columns or fields of two schemas in first-seen order, same names widened. */
    static Map<String, HiveType> mergeFields(Map<String, HiveType> first, Map<String, HiveType> second) {
        Map<String, HiveType> merged = new LinkedHashMap<>(first);
        // Not Map.merge: a null type (only nulls seen so far) is a value here.
        second.forEach((name, type) -> merged.put(name, widen(merged.get(name), type)));
        return merged;
    }

    /** Jaccard similarity of two schemas' column names: Glue groups folders into one table at 70 %. */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        long common = a.stream().filter(b::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }
}
