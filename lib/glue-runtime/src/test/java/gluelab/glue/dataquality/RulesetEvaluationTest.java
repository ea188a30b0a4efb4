package gluelab.glue.dataquality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How a DQDL ruleset's rules come out on small data sets, as Glue reports them. */
class RulesetEvaluationTest {

    static final String RULESET = "Rules = [ RowCount > 0, IsComplete \"id\", IsUnique \"id\", ColumnValues \"amount\" >= 0 ]";
    static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[1]").appName("dq-test")
                .config("spark.ui.enabled", "false").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    static Dataset<Row> orders(Object[]... rows) {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("amount", DataTypes.DoubleType);
        return spark.createDataFrame(java.util.Arrays.stream(rows).map(RowFactory::create).toList(), schema);
    }

    @Test
    void cleanDataPassesEveryRuleAndScoresOne() {
        RulesetOutcome outcome = RulesetEvaluation.evaluate(orders(new Object[]{1, 5.0}, new Object[]{2, 0.0}), RULESET);

        assertEquals(List.of("Rule_1", "Rule_2", "Rule_3", "Rule_4"), outcome.ruleResults().stream().map(RuleResult::name).toList());
        assertEquals(List.of("RowCount > 0", "IsComplete \"id\"", "IsUnique \"id\"", "ColumnValues \"amount\" >= 0"),
                outcome.ruleResults().stream().map(RuleResult::description).toList());
        outcome.ruleResults().forEach(r -> assertEquals(RuleResult.PASS, r.result(), r.toString()));
        assertEquals(1.0, outcome.score());
        assertEquals(Map.of("Dataset.*.RowCount", 2.0), outcome.ruleResults().get(0).evaluatedMetrics());
        assertNull(outcome.ruleResults().get(0).evaluationMessage());
    }

    @Test
    void aDuplicateIdAndANegativeAmountFailExactlyTheirRulesWithTheMetricsTheyWereJudgedOn() {
        RulesetOutcome outcome = RulesetEvaluation.evaluate(
                orders(new Object[]{1, 5.0}, new Object[]{2, -1.0}, new Object[]{2, 3.0}, new Object[]{null, 1.0}), RULESET);

        assertEquals(List.of(RuleResult.PASS, RuleResult.FAIL, RuleResult.FAIL, RuleResult.FAIL),
                outcome.ruleResults().stream().map(RuleResult::result).toList());
        assertEquals(0.25, outcome.score());
        assertEquals(0.75, outcome.ruleResults().get(1).evaluatedMetrics().get("Column.id.Completeness"));
        assertEquals(-1.0, outcome.ruleResults().get(3).evaluatedMetrics().get("Column.amount.Minimum"));
        assertTrue(outcome.ruleResults().get(2).evaluationMessage().contains("does not meet the constraint requirement"),
                outcome.ruleResults().get(2).evaluationMessage());
    }

    @Test
    void aRuleOnAColumnTheDataLacksIsAnErrorAndTheOtherRulesAreStillJudged() {
        RulesetOutcome outcome = RulesetEvaluation.evaluate(orders(new Object[]{1, 5.0}),
                "Rules = [ IsComplete \"customer\", RowCount = 1 ]");

        RuleResult missing = outcome.ruleResults().get(0);
        assertEquals(RuleResult.ERROR, missing.result());
        assertTrue(missing.evaluationMessage().contains("customer"), missing.evaluationMessage());
        assertEquals(RuleResult.PASS, outcome.ruleResults().get(1).result());
        assertEquals(0.5, outcome.score());
    }

    @Test
    void rowLevelOutcomesListThePassedAndFailedRulesOfEachRow() {
        Map<String, Dataset<Row>> frames = RulesetEvaluation.processRows(
                orders(new Object[]{1, 5.0}, new Object[]{2, -1.0}), "Rules = [ ColumnValues \"amount\" >= 0 ]");

        List<Row> rows = frames.get("rowLevelOutcomes").orderBy("id").collectAsList();
        assertEquals("Passed", rows.get(0).getString(rows.get(0).fieldIndex("DataQualityEvaluationResult")));
        assertEquals("Failed", rows.get(1).getString(rows.get(1).fieldIndex("DataQualityEvaluationResult")));
        assertEquals(List.of("ColumnValues \"amount\" >= 0"),
                rows.get(1).getList(rows.get(1).fieldIndex("DataQualityRulesFail")));
    }

    @Test
    void badDqdlIsRefusedWithTheParsersPosition() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RulesetEvaluation.evaluate(orders(new Object[]{1, 5.0}), "Rules = [ RowCount >> 0 ]"));
        assertTrue(refused.getMessage().contains("line 1:"), refused.getMessage());
    }
}
