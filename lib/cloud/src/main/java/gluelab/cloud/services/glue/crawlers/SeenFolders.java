package gluelab.cloud.services.glue.crawlers;

import java.util.Set;
import java.util.TreeSet;

/** The S3 folders ({@code s3://bucket/prefix/}) a crawler's earlier crawls read, for CRAWL_NEW_FOLDERS_ONLY. */
record SeenFolders(Set<String> folders) {

    SeenFolders {
        folders = folders == null ? Set.of() : Set.copyOf(folders);
    }

    SeenFolders plus(Set<String> more) {
        Set<String> all = new TreeSet<>(folders);
        all.addAll(more);
        return new SeenFolders(all);
    }
}
