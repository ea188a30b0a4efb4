package gluelab.cloud.services.glue.crawlers.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A folder of an include path as the crawl sees it: its classified files and its sub-folders, in key order. */
final class S3Folder {

    /** One crawled file and the schema its classifier found. */
    record CrawledFile(S3ObjectSummary object, FileSchema schema) {
    }

    /** A file below a folder, with the folder names between them. */
    record FileBelow(List<String> folders, CrawledFile file) {
    }

    final String name;
    final String location;
    final int level;
    final Map<String, S3Folder> children = new TreeMap<>();
    final List<CrawledFile> files = new ArrayList<>();

    /** @param level the folder's depth, the bucket being level 1, as in TableLevelConfiguration */
    S3Folder(String name, String location, int level) {
        this.name = name;
        this.location = location;
        this.level = level;
    }

    S3Folder child(String folderName) {
        return children.computeIfAbsent(folderName,
                n -> new S3Folder(n, location + n + "/", level + 1));
    }

    Stream<FileBelow> filesBelow() {
        Stream<FileBelow> here = files.stream().map(file -> new FileBelow(List.of(), file));
        Stream<FileBelow> deeper = children.values().stream().flatMap(child -> child.filesBelow()
                .map(below -> new FileBelow(prepend(child.name, below.folders()), below.file())));
        return Stream.concat(here, deeper);
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
