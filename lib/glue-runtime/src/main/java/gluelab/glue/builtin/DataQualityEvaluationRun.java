package gluelab.glue.builtin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import gluelab.glue.GlueContext;
import gluelab.glue.dataquality.DataQualityPublication;
import gluelab.glue.dataquality.RulesetEvaluation;
import gluelab.glue.util.GlueArgParser;

/**
 * The run behind {@code StartDataQualityRulesetEvaluationRun}: reads a catalog table as the run's role, evaluates
 * each ruleset on it and publishes one result per ruleset. Lab Cloud starts it on the warm worker like a job run,
 * from the worker's own class path.
 */
public final class DataQualityEvaluationRun {

    public static final String DATABASE = "DQ_DATABASE";
    public static final String TABLE = "DQ_TABLE";
    /** Optional: the EvaluationContext the results carry. */
    public static final String EVALUATION_CONTEXT = "DQ_EVALUATION_CONTEXT";
    /** A JSON object: ruleset name → DQDL, in the order the results are published. */
    public static final String RULESETS = "DQ_RULESETS";

    private DataQualityEvaluationRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = GlueArgParser.getResolvedOptions(args, new String[]{DATABASE, TABLE, RULESETS});
        String evaluationContext = GlueArgParser.parse(args).get(EVALUATION_CONTEXT);
        Map<String, String> rulesets = new ObjectMapper().readValue(options.get(RULESETS),
                new TypeReference<java.util.LinkedHashMap<String, String>>() { });
        String database = options.get(DATABASE);
        String table = options.get(TABLE);
        // The table with the types its catalog entry declares: rules compare values as the catalog types them, and
        // no record-by-record typing pass reads the table before the rules do.
        Dataset<Row> read = GlueContext.getOrCreate().getCatalogSource(database, table).getDataFrame();
        // Deequ reads its input once per analysis; only several rulesets are worth keeping the table in memory for.
        Dataset<Row> data = rulesets.size() > 1 ? read.cache() : read;
        try {
            for (Map.Entry<String, String> ruleset : rulesets.entrySet()) {
                Instant startedOn = Instant.now();
                new DataQualityPublication(ruleset.getKey(), evaluationContext,
                        RulesetEvaluation.evaluate(data, ruleset.getValue()), startedOn, Instant.now(),
                        List.of(database, table)).publish();
            }
        } finally {
            data.unpersist();
        }
    }
}
