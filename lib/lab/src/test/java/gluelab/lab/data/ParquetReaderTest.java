package gluelab.lab.data;

import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT96;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.lab.Column;
import gluelab.lab.ColumnType;
import gluelab.lab.DataTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Files written by parquet-hadoop itself, shaped as Spark writes them (snappy, INT96 timestamps, 3-level lists). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParquetReaderTest {

    private static final MessageType SCHEMA = Types.buildMessage()
            .required(INT32).named("id")
            .optional(BINARY).as(LogicalTypeAnnotation.stringType()).named("name")
            .optional(INT64).as(LogicalTypeAnnotation.decimalType(2, 10)).named("amount")
            .optional(FIXED_LEN_BYTE_ARRAY).length(9).as(LogicalTypeAnnotation.decimalType(4, 20)).named("big_amount")
            .optional(INT32).as(LogicalTypeAnnotation.decimalType(1, 5)).named("small_amount")
            .optional(INT32).as(LogicalTypeAnnotation.dateType()).named("signup_date")
            .optional(INT96).named("updated_at")
            .optional(INT64).as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named("seen_at")
            .optional(INT64).as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MILLIS)).named("local_at")
            .optional(DOUBLE).named("score")
            .optional(BOOLEAN).named("vip")
            .optional(INT32).as(LogicalTypeAnnotation.intType(16, true)).named("age")
            .optionalGroup().as(LogicalTypeAnnotation.listType())
                .repeatedGroup().optional(INT32).named("element").named("list").named("tags")
            .optionalGroup().optional(BINARY).as(LogicalTypeAnnotation.stringType()).named("city").named("address")
            .named("spark_schema");

    @Test
    void sparkShapedFileDecodesDatesDecimalsAndTimestamps(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("part-00000-c000.snappy.parquet");
        write(file, List.of(fullRow(), nullRow()));

        DataTable table = ParquetReader.read(file);

        assertThat(table.columns()).containsExactly(
                new Column("id", ColumnType.INT, "int"),
                new Column("name", ColumnType.STRING, "string"),
                new Column("amount", ColumnType.DECIMAL, "decimal(10,2)"),
                new Column("big_amount", ColumnType.DECIMAL, "decimal(20,4)"),
                new Column("small_amount", ColumnType.DECIMAL, "decimal(5,1)"),
                new Column("signup_date", ColumnType.DATE, "date"),
                new Column("updated_at", ColumnType.TIMESTAMP, "timestamp"),
                new Column("seen_at", ColumnType.TIMESTAMP, "timestamp"),
                new Column("local_at", ColumnType.TIMESTAMP_NTZ, "timestamp_ntz"),
                new Column("score", ColumnType.DOUBLE, "double"),
                new Column("vip", ColumnType.BOOLEAN, "boolean"),
                new Column("age", ColumnType.INT, "smallint"),
                new Column("tags", ColumnType.LIST, "array"),
                new Column("address", ColumnType.STRUCT, "struct"));
        assertThat(table.rows().get(0)).containsExactly(1, "Zoë", new BigDecimal("1234.50"),
                new BigDecimal("-98765432109876.5432"), new BigDecimal("12.3"), LocalDate.of(2024, 1, 15),
                Instant.parse("2024-03-10T08:30:00.123456Z"), Instant.parse("2024-03-10T08:30:00.654321Z"),
                LocalDateTime.of(2024, 3, 10, 9, 30), 0.5, true, 42, List.of(3, 5), Map.of("city", "Lyon"));
        assertThat(table.rows().get(1)).containsExactly(2, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** First in this class: Hadoop logs its chattiest line on the first decompression in a JVM. */
    @Test
    @Order(1)
    void readingLogsNothingThatCouldReachStderr(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("quiet.parquet");
        write(file, List.of(fullRow()));
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        root.addHandler(capture);
        System.setErr(new PrintStream(err, true));
        try {
            ParquetReader.read(Files.readAllBytes(file), "quiet.parquet");
        } finally {
            System.setErr(original);
            root.removeHandler(capture);
        }
        assertThat(err.toString()).isEmpty();
        assertThat(records).extracting(LogRecord::getMessage).isEmpty();
    }

    @Test
    void somethingElseIsNotTakenForParquet() {
        assertThatThrownBy(() -> ParquetReader.read("id,name\n".getBytes(), "s3://b/k.parquet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("s3://b/k.parquet is not a Parquet file");
    }

    private static Group fullRow() {
        Group row = new SimpleGroupFactory(SCHEMA).newGroup()
                .append("id", 1)
                .append("name", "Zoë")
                .append("amount", 123_450L)
                .append("big_amount", Binary.fromConstantByteArray(fixed(new BigInteger("-987654321098765432"), 9)))
                .append("small_amount", 123)
                .append("signup_date", (int) LocalDate.of(2024, 1, 15).toEpochDay())
                .append("seen_at", Instant.parse("2024-03-10T08:30:00.654321Z").getEpochSecond() * 1_000_000L + 654_321L)
                .append("local_at", LocalDateTime.of(2024, 3, 10, 9, 30).toInstant(java.time.ZoneOffset.UTC).toEpochMilli())
                .append("score", 0.5)
                .append("vip", true)
                .append("age", 42);
        // Spark's INT96: the Julian day and the nanoseconds of that day.
        Instant updated = Instant.parse("2024-03-10T08:30:00.123456Z");
        long epochDay = Math.floorDiv(updated.getEpochSecond(), 86_400L);
        long nanosOfDay = (updated.getEpochSecond() - epochDay * 86_400L) * 1_000_000_000L + updated.getNano();
        row.add("updated_at", new NanoTime((int) (epochDay + 2_440_588L), nanosOfDay));
        Group list = row.addGroup("tags");
        list.addGroup("list").append("element", 3);
        list.addGroup("list").append("element", 5);
        row.addGroup("address").append("city", "Lyon");
        return row;
    }

    private static Group nullRow() {
        return new SimpleGroupFactory(SCHEMA).newGroup().append("id", 2);
    }

    private static byte[] fixed(BigInteger unscaled, int length) {
        byte[] bytes = unscaled.toByteArray();
        byte[] padded = new byte[length];
        byte fill = (byte) (unscaled.signum() < 0 ? 0xFF : 0x00);
        java.util.Arrays.fill(padded, fill);
        System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
        return padded;
    }

    static void write(Path file, List<Group> rows) throws Exception {
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(SCHEMA).withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            for (Group row : rows) {
                writer.write(row);
            }
        }
    }

    /** A local file as Parquet's output (parquet-hadoop 1.13 has no such class yet). */
    private record LocalOutputFile(Path path) implements OutputFile {

        @Override
        public PositionOutputStream create(long blockSizeHint) throws java.io.IOException {
            return stream(Files.newOutputStream(path, java.nio.file.StandardOpenOption.CREATE_NEW));
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) throws java.io.IOException {
            return stream(Files.newOutputStream(path));
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        private static PositionOutputStream stream(java.io.OutputStream out) {
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws java.io.IOException {
                    out.write(b);
                    position++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws java.io.IOException {
                    out.write(b, off, len);
                    position += len;
                }

                @Override
                public void close() throws java.io.IOException {
                    out.close();
                }
            };
        }
    }
}
