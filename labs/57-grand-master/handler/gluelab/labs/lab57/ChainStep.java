package gluelab.labs.lab57;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.CrawlerRunningException;
import software.amazon.awssdk.services.glue.model.DataQualityRuleResultStatus;
import software.amazon.awssdk.services.glue.model.GetDataQualityResultResponse;

/**
 * The target of the chain's three EventBridge rules, telling them apart by the event's {@code detail-type}:
 * <ul>
 * <li>{@code Glue Job State Change} (the curating job SUCCEEDED, a new partition is in S3): starts the crawler
 * {@code CRAWLER_NAME}, so that the catalog learns the partition;</li>
 * <li>{@code Glue Crawler State Change} (the crawl Succeeded): starts a Data Quality evaluation run of the ruleset
 * {@code RULESET_NAME} on the crawled table {@code DATABASE}.{@code TABLE}, as the role {@code GLUE_ROLE}, and marks
 * the batches it judges (items of {@code BATCH_TABLE} in status CURATED) EVALUATING with the run's id;</li>
 * <li>{@code Data Quality Evaluation Results Available}: reads the result ({@code GetDataQualityResult}) and records
 * it on the items the run judged: status PASSED or FAILED_DQ, the score, the result's id and the failed rules.</li>
 * </ul>
 */
public class ChainStep implements RequestHandler<Map<String, Object>, String> {

    /** Made once per execution environment and reused by its later invocations. */
    private static final GlueClient GLUE = GlueClient.create();
    private static final DynamoDbClient DYNAMO_DB = DynamoDbClient.create();

    @Override
    @SuppressWarnings("unchecked")
    public String handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        String type = String.valueOf(event.get("detail-type"));
        String batches = System.getenv("BATCH_TABLE");
        return switch (type) {
            case "Glue Job State Change" -> {
                System.out.println("Job " + detail.get("jobName") + " run " + detail.get("jobRunId") + " " + detail.get("state"));
                String crawler = System.getenv("CRAWLER_NAME");
                try {
                    GLUE.startCrawler(r -> r.name(crawler));
                    System.out.println("Started crawler " + crawler);
                    yield "crawl started";
                } catch (CrawlerRunningException running) {
                    // The crawl under way may have listed the folders already; the next run's success crawls again.
                    System.out.println("Crawler " + crawler + " is already running");
                    yield "already running";
                }
            }
            case "Glue Crawler State Change" -> {
                System.out.println("Crawler " + detail.get("crawlerName") + " " + detail.get("state"));
                List<Map<String, AttributeValue>> curated = DYNAMO_DB.scan(r -> r.tableName(batches).consistentRead(true)
                        .filterExpression("#s = :curated").expressionAttributeNames(Map.of("#s", "status"))
                        .expressionAttributeValues(Map.of(":curated", AttributeValue.fromS("CURATED")))).items();
                if (curated.isEmpty()) {
                    System.out.println("No curated batch waits for a judgement");
                    yield "nothing to evaluate";
                }
                String runId = startEvaluation(GLUE, System.getenv("RULESET_NAME"), System.getenv("DATABASE"),
                        System.getenv("TABLE"), System.getenv("GLUE_ROLE"));
                for (Map<String, AttributeValue> item : curated) {
                    DYNAMO_DB.updateItem(r -> r.tableName(batches).key(Map.of("file", item.get("file")))
                            .updateExpression("SET #s = :evaluating, dqRunId = :run")
                            .expressionAttributeNames(Map.of("#s", "status"))
                            .expressionAttributeValues(Map.of(":evaluating", AttributeValue.fromS("EVALUATING"),
                                    ":run", AttributeValue.fromS(runId))));
                    System.out.println("Evaluating " + item.get("file").s() + " in Data Quality run " + runId);
                }
                yield runId;
            }
            case "Data Quality Evaluation Results Available" -> {
                String runId = String.valueOf(((Map<String, Object>) detail.get("context")).get("runId"));
                String resultId = String.valueOf(detail.get("resultID"));
                GetDataQualityResultResponse result = GLUE.getDataQualityResult(r -> r.resultId(resultId));
                List<AttributeValue> failed = result.ruleResults().stream()
                        .filter(rule -> rule.result() != DataQualityRuleResultStatus.PASS)
                        .map(rule -> AttributeValue.fromS(rule.description())).toList();
                String status = failed.isEmpty() ? "PASSED" : "FAILED_DQ";
                List<Map<String, AttributeValue>> judged = DYNAMO_DB.scan(r -> r.tableName(batches).consistentRead(true)
                        .filterExpression("dqRunId = :run")
                        .expressionAttributeValues(Map.of(":run", AttributeValue.fromS(runId)))).items();
                for (Map<String, AttributeValue> item : judged) {
                    Map<String, AttributeValue> values = new HashMap<>();
                    values.put(":status", AttributeValue.fromS(status));
                    values.put(":score", AttributeValue.fromN(String.valueOf(result.score())));
                    values.put(":result", AttributeValue.fromS(resultId));
                    values.put(":failed", AttributeValue.fromL(failed));
                    DYNAMO_DB.updateItem(r -> r.tableName(batches).key(Map.of("file", item.get("file")))
                            .updateExpression("SET #s = :status, dqScore = :score, dqResultId = :result, failedRules = :failed")
                            .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(values));
                    System.out.println("Recorded " + status + " (score " + result.score() + ", " + failed.size()
                            + " failed rules) on " + item.get("file").s());
                }
                yield status;
            }
            default -> throw new IllegalArgumentException("Not an event this function handles: " + type);
        };
    }

    /**
     * Starts a Data Quality evaluation run of {@code ruleset} on the catalog table {@code database}.{@code table}, as
     * the Glue role {@code role}; returns the run's id. The run publishes one result per ruleset and announces it as
     * "Data Quality Evaluation Results Available".
     */
    static String startEvaluation(GlueClient glue, String ruleset, String database, String table, String role) {
        // BEGIN SOLUTION
        // StartDataQualityRulesetEvaluationRun: the table as the DataSource, the role, the ruleset's name
        return glue.startDataQualityRulesetEvaluationRun(r -> r.role(role)
                .dataSource(d -> d.glueTable(t -> t.databaseName(database).tableName(table)))
                .rulesetNames(ruleset)).runId();
        // END SOLUTION
    }
}
