package gluelab.cloud.services.glue.crawlers;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.crawlers.inference.GroupingPolicy;
import gluelab.cloud.state.Json;
import java.io.IOException;

/**
 * A crawler's {@code Configuration} JSON ("Setting crawler configuration options"):
 * <pre>{"Version": 1.0,
 *  "CrawlerOutput": {"Partitions": {"AddOrUpdateBehavior": "InheritFromTable"},
 *                    "Tables": {"AddOrUpdateBehavior": "MergeNewColumns"}},
 *  "Grouping": {"TableGroupingPolicy": "CombineCompatibleSchemas", "TableLevelConfiguration": 2}}</pre>
 * Anything that is not such an object is refused at CreateCrawler/UpdateCrawler, as Glue does. Options Lab
 * Cloud does not act on (TableThreshold, CreatePartitionIndex, …) are accepted and kept.
 *
 * @param partitionsInheritFromTable new and updated partitions take the table's columns
 * @param mergeNewColumns            a schema change adds new columns to the table, never removes or retypes any
 */
record CrawlerConfiguration(boolean partitionsInheritFromTable, boolean mergeNewColumns, GroupingPolicy grouping) {

    static final CrawlerConfiguration DEFAULT = new CrawlerConfiguration(false, false, GroupingPolicy.DEFAULT);

    /** The configuration of {@code json}, or DEFAULT for none; InvalidInputException when it is not valid. */
    static CrawlerConfiguration parse(String json) {
        if (json == null || json.isBlank()) {
            return DEFAULT;
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw invalid("it is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw invalid("it must be a JSON object");
        }
        JsonNode version = root.get("Version");
        if (version != null && !version.isNumber()) {
            throw invalid("Version must be a number, e.g. 1.0");
        }
        JsonNode output = object(root, "CrawlerOutput");
        boolean inherit = behavior(object(output, "Partitions"), "Partitions", "InheritFromTable");
        boolean merge = behavior(object(output, "Tables"), "Tables", "MergeNewColumns");
        JsonNode grouping = object(root, "Grouping");
        boolean combine = false;
        JsonNode policy = grouping.get("TableGroupingPolicy");
        if (policy != null) {
            if (!"CombineCompatibleSchemas".equals(policy.asText())) {
                throw invalid("Grouping.TableGroupingPolicy must be CombineCompatibleSchemas");
            }
            combine = true;
        }
        Integer level = null;
        JsonNode tableLevel = grouping.get("TableLevelConfiguration");
        if (tableLevel != null) {
            if (!tableLevel.canConvertToInt() || tableLevel.asInt() < 1) {
                throw invalid("Grouping.TableLevelConfiguration must be a positive integer");
            }
            level = tableLevel.asInt();
        }
        return new CrawlerConfiguration(inherit, merge, new GroupingPolicy(combine, level));
    }

    private static JsonNode object(JsonNode parent, String member) {
        JsonNode node = parent.get(member);
        if (node == null || node.isNull()) {
            return Json.object();
        }
        if (!node.isObject()) {
            throw invalid(member + " must be a JSON object");
        }
        return node;
    }

    private static boolean behavior(JsonNode part, String member, String only) {
        JsonNode behavior = part.get("AddOrUpdateBehavior");
        if (behavior == null) {
            return false;
        }
        if (!only.equals(behavior.asText())) {
            throw invalid("CrawlerOutput." + member + ".AddOrUpdateBehavior must be " + only);
        }
        return true;
    }

    private static RuntimeException invalid(String why) {
        return GlueErrors.invalidInput("Crawler configuration not valid: " + why + ".");
    }
}
