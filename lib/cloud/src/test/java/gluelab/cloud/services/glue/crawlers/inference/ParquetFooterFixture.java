package gluelab.cloud.services.glue.crawlers.inference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.DateType;
import org.apache.parquet.format.DecimalType;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.ListType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.MapType;
import org.apache.parquet.format.MicroSeconds;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.StringType;
import org.apache.parquet.format.TimeUnit;
import org.apache.parquet.format.TimestampType;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;

/**
 * Parquet files for crawl tests, written with Parquet's own footer structures: {@code PAR1}, opaque
 * column data, then a real Thrift footer (schema, row count, codec), its length and {@code PAR1}. The
 * crawler reads footers only, so the column bytes are filler; a real reader would reject them.
 */
public final class ParquetFooterFixture {

    private final List<SchemaElement> schema = new ArrayList<>();
    private long rows = 100;
    private CompressionCodec codec = CompressionCodec.SNAPPY;
    private int dataBytes = 4096;

    public static ParquetFooterFixture parquet() {
        ParquetFooterFixture fixture = new ParquetFooterFixture();
        fixture.schema.add(new SchemaElement("spark_schema"));
        return fixture;
    }

    public ParquetFooterFixture rows(long count) {
        rows = count;
        return this;
    }

    public ParquetFooterFixture codec(CompressionCodec value) {
        codec = value;
        return this;
    }

    public ParquetFooterFixture dataBytes(int count) {
        dataBytes = count;
        return this;
    }

    public ParquetFooterFixture column(String name, Type type) {
        return element(primitive(name, type));
    }

    public ParquetFooterFixture string(String name) {
        return element(primitive(name, Type.BYTE_ARRAY).setLogicalType(LogicalType.STRING(new StringType()))
                .setConverted_type(ConvertedType.UTF8));
    }

    public ParquetFooterFixture decimal(String name, int precision, int scale) {
        return element(primitive(name, Type.FIXED_LEN_BYTE_ARRAY)
                .setLogicalType(LogicalType.DECIMAL(new DecimalType(scale, precision))));
    }

    public ParquetFooterFixture date(String name) {
        return element(primitive(name, Type.INT32).setLogicalType(LogicalType.DATE(new DateType())));
    }

    public ParquetFooterFixture timestampMicros(String name) {
        return element(primitive(name, Type.INT64).setLogicalType(
                LogicalType.TIMESTAMP(new TimestampType(true, TimeUnit.MICROS(new MicroSeconds())))));
    }

    /** {@code optional group name { fields }}: a struct. */
    ParquetFooterFixture struct(String name, SchemaElement... fields) {
        element(group(name, fields.length));
        for (SchemaElement field : fields) {
            element(field);
        }
        return this;
    }

    /** The standard three-level list: {@code optional group name (LIST) { repeated group list { element } }}. */
    ParquetFooterFixture list(String name, SchemaElement element) {
        element(group(name, 1).setLogicalType(LogicalType.LIST(new ListType())));
        element(group("list", 1).setRepetition_type(FieldRepetitionType.REPEATED));
        return element(element.setName("element"));
    }

    /** {@code optional group name (MAP) { repeated group key_value { required key; optional value } }}. */
    ParquetFooterFixture map(String name, SchemaElement key, SchemaElement value) {
        element(group(name, 1).setLogicalType(LogicalType.MAP(new MapType())));
        element(group("key_value", 2).setRepetition_type(FieldRepetitionType.REPEATED));
        element(key.setName("key").setRepetition_type(FieldRepetitionType.REQUIRED));
        return element(value.setName("value"));
    }

    static SchemaElement primitive(String name, Type type) {
        return new SchemaElement(name).setType(type).setRepetition_type(FieldRepetitionType.OPTIONAL);
    }

    static SchemaElement utf8(String name) {
        return primitive(name, Type.BYTE_ARRAY).setLogicalType(LogicalType.STRING(new StringType()));
    }

    private static SchemaElement group(String name, int children) {
        return new SchemaElement(name).setNum_children(children).setRepetition_type(FieldRepetitionType.OPTIONAL);
    }

    private ParquetFooterFixture element(SchemaElement element) {
        schema.add(element);
        return this;
    }

    public byte[] bytes() {
        schema.get(0).setNum_children(topLevelCount());
        ColumnMetaData chunk = new ColumnMetaData(Type.INT32, List.of(Encoding.PLAIN), List.of("c"), codec,
                rows, dataBytes, dataBytes, 4);
        FileMetaData metadata = new FileMetaData(1, schema, rows,
                List.of(new RowGroup(List.of(new ColumnChunk(4).setMeta_data(chunk)), dataBytes, rows)));
        try {
            ByteArrayOutputStream footer = new ByteArrayOutputStream();
            Util.writeFileMetaData(metadata, footer);
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            file.write("PAR1".getBytes(StandardCharsets.US_ASCII));
            file.write(new byte[dataBytes]);
            file.write(footer.toByteArray());
            file.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size()).array());
            file.write("PAR1".getBytes(StandardCharsets.US_ASCII));
            return file.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The root's children: elements not inside a group, counted by walking the flattened tree. */
    private int topLevelCount() {
        int count = 0;
        int i = 1;
        while (i < schema.size()) {
            i = skip(i);
            count++;
        }
        return count;
    }

    private int skip(int index) {
        SchemaElement element = schema.get(index);
        int next = index + 1;
        if (element.isSetNum_children()) {
            for (int c = 0; c < element.getNum_children(); c++) {
                next = skip(next);
            }
        }
        return next;
    }
}
