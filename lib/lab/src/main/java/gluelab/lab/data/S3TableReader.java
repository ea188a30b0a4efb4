package gluelab.lab.data;

import gluelab.lab.Column;
import gluelab.lab.ColumnType;
import gluelab.lab.DataTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads a job's output straight from S3 into one table: every data file under a prefix (or one object),
 * skipping Spark's bookkeeping ({@code _SUCCESS}, {@code _temporary/}, {@code .crc} files), with the
 * {@code name=value} folders of a partitioned write added as columns, as Spark reads them back.
 */
public final class S3TableReader {

    private static final String HIVE_NULL = "__HIVE_DEFAULT_PARTITION__";

    private final S3Client s3;

    public S3TableReader(S3Client s3) {
        this.s3 = s3;
    }

    /**
     * @param uri    {@code s3://bucket/prefix/} (every data file under it) or {@code s3://bucket/key} (one object)
     * @param format the format, or null to tell it from each file's name
     */
    public DataTable read(String uri, DataFormat format) {
        S3Location location = S3Location.parse(uri);
        List<S3Object> files = dataFiles(location);
        List<DataTable> parts = new ArrayList<>();
        List<Map<String, String>> partitions = new ArrayList<>();
        DataFormat seen = null;
        for (S3Object file : files) {
            DataFormat fileFormat = format != null ? format : DataFormat.ofFileName(file.key());
            if (fileFormat == null) {
                throw new IllegalArgumentException("Cannot tell the format of s3://" + location.bucket() + "/" + file.key()
                        + " from its name; use readParquet, readCsv or readJsonLines.");
            }
            seen = seen == null ? fileFormat : seen;
            parts.add(readObject(location.bucket(), file.key(), fileFormat));
            partitions.add(partitionValues(location.directoryKey(), file.key()));
        }
        String description = "s3://" + location.bucket() + "/" + location.key() + " · " + (files.isEmpty() ? "no data files"
                : files.size() + " " + (seen == null ? "" : seen.displayName() + " ") + "file" + (files.size() == 1 ? "" : "s"));
        return union(parts, partitions).from(description);
    }

    private List<S3Object> dataFiles(S3Location location) {
        List<S3Object> exact = new ArrayList<>();
        List<S3Object> under = new ArrayList<>();
        String directory = location.directoryKey();
        s3.listObjectsV2Paginator(r -> r.bucket(location.bucket()).prefix(location.key())).contents().forEach(object -> {
            if (object.key().equals(location.key()) && !object.key().endsWith("/")) {
                exact.add(object);
            } else if (object.key().startsWith(directory) && isDataFile(object.key().substring(directory.length()))) {
                under.add(object);
            }
        });
        return exact.isEmpty() ? under : exact;
    }

    /** Not a folder marker, and no part of the path is hidden (Spark's {@code _SUCCESS}, {@code _temporary}, {@code .crc}). */
    static boolean isDataFile(String relativeKey) {
        if (relativeKey.isEmpty() || relativeKey.endsWith("/")) {
            return false;
        }
        for (String segment : relativeKey.split("/")) {
            if (segment.startsWith("_") || segment.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private DataTable readObject(String bucket, String key, DataFormat format) {
        byte[] bytes = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
        if (key.endsWith(".gz")) {
            bytes = gunzip(bytes, key);
        }
        String name = "s3://" + bucket + "/" + key;
        return switch (format) {
            case PARQUET -> ParquetReader.read(bytes, name);
            case CSV -> CsvParser.parse(new String(bytes, StandardCharsets.UTF_8), CsvFormat.SPARK, name);
            case JSON_LINES -> JsonLinesReader.read(new String(bytes, StandardCharsets.UTF_8), name);
        };
    }

    /** The {@code name=value} folders between the prefix and the file, as Spark writes partitions. */
    static Map<String, String> partitionValues(String directoryKey, String key) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!key.startsWith(directoryKey)) {
            // One object read by its own key: no folders between the prefix and the file.
            return values;
        }
        String[] segments = key.substring(directoryKey.length()).split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            int equals = segments[i].indexOf('=');
            if (equals > 0) {
                String value = URLDecoder.decode(segments[i].substring(equals + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
                values.put(segments[i].substring(0, equals), HIVE_NULL.equals(value) ? null : value);
            }
        }
        return values;
    }

    /** All parts in one table: the union of their columns (first seen first), then the partition columns. */
    static DataTable union(List<DataTable> parts, List<Map<String, String>> partitions) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (DataTable part : parts) {
            part.columns().forEach(column -> columns.putIfAbsent(column.name(), column));
        }
        Map<String, List<String>> partitionTexts = new LinkedHashMap<>();
        for (Map<String, String> values : partitions) {
            values.forEach((name, value) -> partitionTexts.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
        }
        Map<String, ColumnType> partitionTypes = new LinkedHashMap<>();
        partitionTexts.forEach((name, texts) -> {
            if (!columns.containsKey(name)) {
                ColumnType type = Values.inferType(texts);
                partitionTypes.put(name, type);
                columns.put(name, new Column(name, type));
            }
        });
        List<Column> allColumns = new ArrayList<>(columns.values());
        List<List<Object>> rows = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            DataTable part = parts.get(p);
            Map<String, String> values = partitions.get(p);
            for (List<Object> partRow : part.rows()) {
                List<Object> row = new ArrayList<>(allColumns.size());
                for (Column column : allColumns) {
                    if (partitionTypes.containsKey(column.name())) {
                        row.add(Values.parse(values.get(column.name()), partitionTypes.get(column.name())));
                    } else {
                        row.add(part.hasColumn(column.name()) ? partRow.get(part.columnNames().indexOf(column.name())) : null);
                    }
                }
                rows.add(row);
            }
        }
        return DataTable.of(allColumns, rows);
    }

    private static byte[] gunzip(byte[] bytes, String key) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(key + " is not gzip data: " + e.getMessage(), e);
        }
    }
}
