package gluelab.cloud.services.glue.crawlers.inference;

/**
 * How a crawl groups files into tables: the {@code Grouping} part of a crawler's {@code Configuration} JSON.
 *
 * @param combineCompatibleSchemas {@code "TableGroupingPolicy": "CombineCompatibleSchemas"}: one table per
 *        include path when the schemas are compatible, instead of Glue's similarity heuristic
 * @param tableLevel {@code "TableLevelConfiguration"}: the folder depth (bucket = 1) tables are made at, or null
 */
public record GroupingPolicy(boolean combineCompatibleSchemas, Integer tableLevel) {

    public static final GroupingPolicy DEFAULT = new GroupingPolicy(false, null);
}
