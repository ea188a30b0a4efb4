package gluelab.cloud.services.glue.crawlers.inference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Util;

/**
 * Glue's built-in Parquet classifier: the schema, row count and codec come from the footer alone, read
 * with two ranged reads (the last 8 bytes: footer length and {@code PAR1}; then the footer itself).
 */
final class ParquetFooterClassifier {

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private ParquetFooterClassifier() {
    }

    /** The file's schema, or null when it does not end like a Parquet file. */
    static FileSchema classify(CrawlObjects objects, S3ObjectSummary object) throws IOException {
        if (object.size() < 12) {
            return null;
        }
        byte[] tail = objects.read(object, object.size() - 8, 8);
        if (tail.length != 8 || !java.util.Arrays.equals(tail, 4, 8, MAGIC, 0, 4)) {
            return null;
        }
        int footerLength = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (footerLength <= 0 || footerLength > object.size() - 12) {
            throw new IOException("corrupt Parquet footer length " + footerLength);
        }
        byte[] footer = objects.read(object, object.size() - 8 - footerLength, footerLength);
        FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(footer));
        return new FileSchema("parquet", columns(metadata.getSchema()), StorageFormat.parquet(), Map.of(),
                metadata.getNum_rows(), compression(metadata));
    }

    private static String compression(FileMetaData metadata) {
        if (metadata.getRow_groups() == null || metadata.getRow_groups().isEmpty()
                || metadata.getRow_groups().get(0).getColumns().isEmpty()) {
            return "none";
        }
        var codec = metadata.getRow_groups().get(0).getColumns().get(0).getMeta_data().getCodec();
        return switch (codec) {
            case UNCOMPRESSED -> "none";
            default -> codec.name().toLowerCase(Locale.ROOT);
        };
    }

    /** The top-level columns: the schema list is the tree flattened depth first, the root first. */
    private static Map<String, HiveType> columns(List<SchemaElement> schema) {
        Cursor cursor = new Cursor(schema);
        SchemaElement root = cursor.next();
        Map<String, HiveType> columns = new LinkedHashMap<>();
        for (int i = 0; i < root.getNum_children(); i++) {
            SchemaElement element = cursor.peek();
            columns.put(element.getName().toLowerCase(Locale.ROOT), field(cursor));
        }
        return columns;
    }

    private static final class Cursor {
        private final List<SchemaElement> elements;
        private int position;

        Cursor(List<SchemaElement> elements) {
            this.elements = elements;
        }

        SchemaElement next() {
            return elements.get(position++);
        }

        SchemaElement peek() {
            return elements.get(position);
        }
    }

    /** A field's type, a repeated field outside a LIST annotation being an array of it. */
    private static HiveType field(Cursor cursor) {
        SchemaElement element = cursor.peek();
        HiveType type = element.isSetNum_children() ? group(cursor) : primitive(cursor.next());
        return element.getRepetition_type() == FieldRepetitionType.REPEATED ? new HiveType.ArrayOf(type) : type;
    }

    private static HiveType group(Cursor cursor) {
        SchemaElement group = cursor.next();
        LogicalType logical = group.getLogicalType();
        ConvertedType converted = group.getConverted_type();
        if ((logical != null && logical.isSetLIST()) || converted == ConvertedType.LIST) {
            return list(cursor, group);
        }
        if ((logical != null && logical.isSetMAP()) || converted == ConvertedType.MAP
                || converted == ConvertedType.MAP_KEY_VALUE) {
            return map(cursor, group);
        }
        return new HiveType.Struct(children(cursor, group.getNum_children()));
    }

    private static Map<String, HiveType> children(Cursor cursor, int count) {
        Map<String, HiveType> fields = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = cursor.peek().getName().toLowerCase(Locale.ROOT);
            fields.put(name, field(cursor));
        }
        return fields;
    }

    /**
     * {@code LIST}: the standard three levels ({@code repeated group list { element }}), or the legacy
     * two where the repeated child is itself the element (a primitive, or a group of several fields).
     */
    private static HiveType list(Cursor cursor, SchemaElement list) {
        SchemaElement repeated = cursor.next();
        if (!repeated.isSetNum_children()) {
            return new HiveType.ArrayOf(primitive(repeated));
        }
        if (repeated.getNum_children() == 1 && !repeated.getName().equals("array")
                && !repeated.getName().endsWith("_tuple")) {
            return new HiveType.ArrayOf(field(cursor));
        }
        return new HiveType.ArrayOf(new HiveType.Struct(children(cursor, repeated.getNum_children())));
    }

    private static HiveType map(Cursor cursor, SchemaElement map) {
        SchemaElement keyValue = cursor.next();
        HiveType key = null;
        HiveType value = null;
        for (int i = 0; i < keyValue.getNum_children(); i++) {
            if (i == 0) {
                key = field(cursor);
            } else {
                value = field(cursor);
            }
        }
        return new HiveType.MapOf(key, value);
    }

    /** Physical plus logical (or legacy converted) type, mapped as Glue's crawler maps them. */
    private static HiveType primitive(SchemaElement element) {
        LogicalType logical = element.getLogicalType();
        ConvertedType converted = element.getConverted_type();
        if ((logical != null && logical.isSetDECIMAL()) || converted == ConvertedType.DECIMAL) {
            int precision = logical != null && logical.isSetDECIMAL() ? logical.getDECIMAL().getPrecision() : element.getPrecision();
            int scale = logical != null && logical.isSetDECIMAL() ? logical.getDECIMAL().getScale() : element.getScale();
            return new HiveType.Primitive("decimal(" + precision + "," + scale + ")");
        }
        if ((logical != null && logical.isSetDATE()) || converted == ConvertedType.DATE) {
            return new HiveType.Primitive("date");
        }
        if ((logical != null && logical.isSetTIMESTAMP()) || converted == ConvertedType.TIMESTAMP_MILLIS
                || converted == ConvertedType.TIMESTAMP_MICROS) {
            return new HiveType.Primitive("timestamp");
        }
        if ((logical != null && (logical.isSetSTRING() || logical.isSetENUM() || logical.isSetJSON()))
                || converted == ConvertedType.UTF8 || converted == ConvertedType.ENUM || converted == ConvertedType.JSON) {
            return HiveType.STRING;
        }
        if ((logical != null && logical.isSetINTEGER()) || isIntegerConverted(converted)) {
            int bits = logical != null && logical.isSetINTEGER() ? logical.getINTEGER().getBitWidth() : bitsOf(converted);
            boolean signed = logical != null && logical.isSetINTEGER() ? logical.getINTEGER().isIsSigned()
                    : converted.name().startsWith("INT");
            return switch (bits) {
                case 8 -> new HiveType.Primitive(signed ? "tinyint" : "smallint");
                case 16 -> new HiveType.Primitive(signed ? "smallint" : "int");
                case 32 -> signed ? HiveType.INT : HiveType.BIGINT;
                default -> signed ? HiveType.BIGINT : new HiveType.Primitive("decimal(20,0)");
            };
        }
        return switch (element.getType()) {
            case BOOLEAN -> HiveType.BOOLEAN;
            case INT32 -> HiveType.INT;
            case INT64 -> HiveType.BIGINT;
            case INT96 -> new HiveType.Primitive("timestamp");
            case FLOAT -> new HiveType.Primitive("float");
            case DOUBLE -> HiveType.DOUBLE;
            case BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY -> new HiveType.Primitive("binary");
        };
    }

    private static boolean isIntegerConverted(ConvertedType converted) {
        return converted != null && (converted.name().startsWith("INT_") || converted.name().startsWith("UINT_"));
    }

    private static int bitsOf(ConvertedType converted) {
        return Integer.parseInt(converted.name().substring(converted.name().indexOf('_') + 1));
    }
}
