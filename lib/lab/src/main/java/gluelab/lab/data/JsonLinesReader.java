package gluelab.lab.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.lab.Column;
import gluelab.lab.ColumnType;
import gluelab.lab.DataTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON lines (one object per line, as Spark writes JSON) into a table. Columns are the union of the
 * objects' fields in order of first appearance, typed as Spark infers them: whole numbers bigint, other
 * numbers double, objects structs, arrays lists; a field holding different kinds of values is text.
 */
public final class JsonLinesReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLinesReader() {
    }

    public static DataTable read(String text, String source) {
        List<Map<String, JsonNode>> objects = new ArrayList<>();
        Map<String, ColumnType> types = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(source + ", line " + (i + 1) + ": not JSON (" + e.getOriginalMessage() + ")");
            }
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(source + ", line " + (i + 1) + ": a JSON line must be an object");
            }
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), field.getValue());
                if (!field.getValue().isNull()) {
                    types.merge(field.getKey(), typeOf(field.getValue()), JsonLinesReader::widen);
                } else {
                    types.putIfAbsent(field.getKey(), null);
                }
            }
            objects.add(fields);
        }
        List<Column> columns = new ArrayList<>();
        types.forEach((name, type) -> columns.add(new Column(name, type == null ? ColumnType.STRING : type)));
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, JsonNode> object : objects) {
            List<Object> row = new ArrayList<>(columns.size());
            for (Column column : columns) {
                row.add(value(object.get(column.name()), column.type()));
            }
            rows.add(row);
        }
        return DataTable.of(columns, rows);
    }

    private static ColumnType typeOf(JsonNode node) {
        if (node.isIntegralNumber()) {
            return ColumnType.LONG;
        }
        if (node.isNumber()) {
            return ColumnType.DOUBLE;
        }
        if (node.isBoolean()) {
            return ColumnType.BOOLEAN;
        }
        if (node.isObject()) {
            return ColumnType.STRUCT;
        }
        if (node.isArray()) {
            return ColumnType.LIST;
        }
        return ColumnType.STRING;
    }

    private static ColumnType widen(ColumnType a, ColumnType b) {
        if (a == null || a == b) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.isNumeric() && b.isNumeric()) {
            return ColumnType.DOUBLE;
        }
        return ColumnType.STRING;
    }

    private static Object value(JsonNode node, ColumnType type) {
        if (node == null || node.isNull()) {
            return null;
        }
        return switch (type) {
            case LONG -> node.asLong();
            case DOUBLE -> node.asDouble();
            case BOOLEAN -> node.asBoolean();
            case STRUCT, LIST -> plain(node);
            default -> node.isTextual() ? node.asText() : node.toString();
        };
    }

    /** A JSON value as plain Java: maps, lists, strings, numbers, booleans. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(plain(element)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.isNull() ? null : node.asText();
    }
}
