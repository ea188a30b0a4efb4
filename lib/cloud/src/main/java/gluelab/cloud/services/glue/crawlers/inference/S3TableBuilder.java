package gluelab.cloud.services.glue.crawlers.inference;

import gluelab.cloud.services.glue.crawlers.inference.S3Folder.FileBelow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;

/**
 * One table from the files grouped under its folder: the merged schema, partition keys from the folders
 * between the table and its files ({@code key=value} gives {@code key}, others {@code partition_N}, all
 * {@code string} as Glue types them), one partition per folder path, and the properties Glue writes.
 */
final class S3TableBuilder {

    private final String location;
    private final List<FileBelow> files;

    S3TableBuilder(String location, List<FileBelow> files) {
        this.location = location;
        this.files = files;
    }

    InferredTable build(String name) {
        int depth = files.stream().mapToInt(file -> file.folders().size()).min().orElse(0);
        FileSchema schema = merged(files);
        List<Column> partitionKeys = partitionKeys(depth);
        Map<List<String>, List<FileBelow>> byPartition = new LinkedHashMap<>();
        for (FileBelow file : files) {
            byPartition.computeIfAbsent(file.folders().subList(0, depth), k -> new ArrayList<>()).add(file);
        }
        List<InferredPartition> partitions = new ArrayList<>();
        if (depth > 0) {
            byPartition.forEach((folders, partitionFiles) -> partitions.add(new InferredPartition(
                    folders.stream().map(S3TableBuilder::partitionValue).toList(),
                    storageDescriptor(merged(partitionFiles), location + String.join("/", folders) + "/",
                            properties(merged(partitionFiles), partitionFiles)))));
        }
        Map<String, String> parameters = properties(schema, files);
        return new InferredTable(name, location, schema.classification(),
                storageDescriptor(schema, location, parameters), partitionKeys, List.copyOf(partitions), parameters);
    }

    private List<Column> partitionKeys(int depth) {
        List<Column> keys = new ArrayList<>();
        for (int level = 0; level < depth; level++) {
            int at = level;
            List<String> keyNames = files.stream().map(file -> file.folders().get(at))
                    .map(folder -> folder.contains("=") ? folder.substring(0, folder.indexOf('=')) : null)
                    .distinct().toList();
            String key = keyNames.size() == 1 && keyNames.get(0) != null && !keyNames.get(0).isEmpty()
                    ? TableNames.sanitise(keyNames.get(0)) : "partition_" + level;
            keys.add(Column.builder().name(key).type("string").build());
        }
        return keys;
    }

    private static String partitionValue(String folder) {
        return folder.contains("=") ? folder.substring(folder.indexOf('=') + 1) : folder;
    }

    private static FileSchema merged(List<FileBelow> files) {
        return files.stream().map(file -> file.file().schema()).reduce(FileSchema::mergedWith).orElseThrow();
    }

    /** The table (or partition) properties the crawler writes, in its table and StorageDescriptor parameters. */
    private static Map<String, String> properties(FileSchema schema, List<FileBelow> files) {
        long size = files.stream().mapToLong(file -> file.file().object().size()).sum();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("classification", schema.classification());
        parameters.put("compressionType", schema.compressionType());
        parameters.put("typeOfData", "file");
        parameters.put("objectCount", String.valueOf(files.size()));
        parameters.put("sizeKey", String.valueOf(size));
        parameters.put("recordCount", String.valueOf(schema.recordCount()));
        parameters.put("averageRecordSize", String.valueOf(schema.recordCount() == 0 ? 0 : size / schema.recordCount()));
        parameters.put("CrawlerSchemaSerializerVersion", "1.0");
        parameters.put("CrawlerSchemaDeserializerVersion", "1.0");
        parameters.putAll(schema.formatParameters());
        return java.util.Collections.unmodifiableMap(parameters);
    }

    private static StorageDescriptor storageDescriptor(FileSchema schema, String location, Map<String, String> parameters) {
        List<Column> columns = schema.columns().entrySet().stream()
                .map(column -> Column.builder().name(column.getKey()).type(HiveType.render(column.getValue())).build())
                .toList();
        StorageFormat format = schema.format();
        return StorageDescriptor.builder()
                .columns(columns)
                .location(location)
                .inputFormat(format.inputFormat())
                .outputFormat(format.outputFormat())
                // Glue marks gzip text compressed; Parquet's codecs are inside the file, so it is not.
                .compressed(!"none".equals(schema.compressionType()) && !"parquet".equals(schema.classification()))
                .numberOfBuckets(-1)
                .serdeInfo(format.serializationLib() == null ? null
                        : SerDeInfo.builder().serializationLibrary(format.serializationLib())
                                .parameters(format.serdeParameters()).build())
                .bucketColumns(List.of())
                .sortColumns(List.of())
                .parameters(parameters)
                .storedAsSubDirectories(false)
                .build();
    }
}
