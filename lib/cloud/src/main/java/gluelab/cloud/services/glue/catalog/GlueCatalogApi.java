package gluelab.cloud.services.glue.catalog;

import gluelab.cloud.service.Platform;

/** The Glue Data Catalog operations: databases, tables and partitions. */
public final class GlueCatalogApi {

    private final Platform platform;

    public GlueCatalogApi(Platform platform) {
        this.platform = platform;
    }

    /** Removes databases (with their tables and partitions) whose name starts with {@code prefix}, or all. */
    public int reset(String prefix) {
        return 0;
    }
}
