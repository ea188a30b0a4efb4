package gluelab.cloud.services.glue.crawlers.inference;

import gluelab.cloud.services.glue.crawlers.inference.S3Folder.FileBelow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * How the classified files of one include path become tables (AWS: "How does a crawler determine when to
 * create partitions?"). A folder is one table, its sub-folders partitions, when every file below it has
 * the same format, all leaf folders are at the same depth and each leaf folder's schema is at least 70 %
 * similar to the first one's; otherwise each sub-folder is tried on its own. {@code CombineCompatibleSchemas}
 * drops the similarity test (one table per include path when the formats agree), and
 * {@code TableLevelConfiguration} puts tables at a fixed folder depth whatever the schemas.
 */
final class S3TableGrouping {

    static final double SIMILARITY_THRESHOLD = 0.7;

    private final GroupingPolicy policy;
    private final TableNames names;
    private final Consumer<String> log;

    S3TableGrouping(GroupingPolicy policy, TableNames names, Consumer<String> log) {
        this.policy = policy;
        this.names = names;
        this.log = log;
    }

    List<InferredTable> tables(S3Folder includeRoot) {
        List<InferredTable> tables = new ArrayList<>();
        if (policy.tableLevel() != null) {
            atLevel(includeRoot, policy.tableLevel(), tables);
        } else {
            heuristic(includeRoot, tables);
        }
        return tables;
    }

    private void atLevel(S3Folder folder, int level, List<InferredTable> tables) {
        if (folder.level >= level) {
            tablesOfFormats(folder, folder.filesBelow().toList(), tables);
            return;
        }
        filesHere(folder, tables);
        folder.children.values().forEach(child -> atLevel(child, level, tables));
    }

    private void heuristic(S3Folder folder, List<InferredTable> tables) {
        List<FileBelow> files = folder.filesBelow().toList();
        if (files.isEmpty()) {
            return;
        }
        if (isOneTable(files)) {
            tables.add(table(folder, folder.name, folder.location, files));
            return;
        }
        filesHere(folder, tables);
        folder.children.values().forEach(child -> heuristic(child, tables));
    }

    /** Files directly in a folder that is not one table: one table if they agree, else a table per file. */
    private void filesHere(S3Folder folder, List<InferredTable> tables) {
        List<FileBelow> here = folder.files.stream().map(file -> new FileBelow(List.of(), file)).toList();
        if (here.isEmpty()) {
            return;
        }
        if (isOneTable(here)) {
            tables.add(table(folder, folder.name, folder.location, here));
            return;
        }
        for (FileBelow file : here) {
            String fileName = file.file().object().key().substring(file.file().object().key().lastIndexOf('/') + 1);
            tables.add(table(folder, fileName, file.file().object().uri(), List.of(file)));
        }
    }

    /** A forced table level: one table per format found below the folder. */
    private void tablesOfFormats(S3Folder folder, List<FileBelow> files, List<InferredTable> tables) {
        List<List<FileBelow>> byFormat = new ArrayList<>();
        for (FileBelow file : files) {
            byFormat.stream().filter(group -> group.get(0).file().schema().sameFormatAs(file.file().schema()))
                    .findFirst().ifPresentOrElse(group -> group.add(file), () -> byFormat.add(new ArrayList<>(List.of(file))));
        }
        if (byFormat.size() > 1) {
            log.accept("Files of " + byFormat.size() + " formats under " + folder.location + ": one table per format");
        }
        byFormat.forEach(group -> tables.add(table(folder, folder.name, folder.location, group)));
    }

    private boolean isOneTable(List<FileBelow> files) {
        FileSchema first = files.get(0).file().schema();
        if (!files.stream().allMatch(file -> file.file().schema().sameFormatAs(first))) {
            return false;
        }
        if (policy.combineCompatibleSchemas()) {
            return true;
        }
        if (files.stream().map(file -> file.folders().size()).distinct().count() > 1) {
            return false;
        }
        Map<List<String>, FileSchema> leafSchemas = leafSchemas(files);
        var firstColumns = leafSchemas.values().iterator().next().columns().keySet();
        return leafSchemas.values().stream().allMatch(leaf ->
                HiveType.similarity(firstColumns, leaf.columns().keySet()) >= SIMILARITY_THRESHOLD);
    }

    private static Map<List<String>, FileSchema> leafSchemas(List<FileBelow> files) {
        Map<List<String>, FileSchema> leaves = new LinkedHashMap<>();
        for (FileBelow file : files) {
            leaves.merge(file.folders(), file.file().schema(), FileSchema::mergedWith);
        }
        return leaves;
    }

    private InferredTable table(S3Folder folder, String nameSource, String location, List<FileBelow> files) {
        String name = names.claim(nameSource, location);
        InferredTable table = new S3TableBuilder(location, files).build(name);
        log.accept("Inferred table " + name + " (" + table.classification() + ") at " + location + " from "
                + files.size() + " files, " + table.partitions().size() + " partitions"
                + (table.partitionKeys().isEmpty() ? "" : " by " + table.partitionKeys().stream()
                        .map(c -> c.name()).collect(Collectors.joining(", "))));
        return table;
    }
}
