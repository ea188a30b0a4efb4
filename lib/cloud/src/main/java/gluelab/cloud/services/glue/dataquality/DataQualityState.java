package gluelab.cloud.services.glue.dataquality;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.ShapeCodec;
import gluelab.cloud.state.StateStore;
import software.amazon.awssdk.services.glue.model.DataQualityResult;
import software.amazon.awssdk.services.glue.model.GetDataQualityRulesetEvaluationRunResponse;
import software.amazon.awssdk.services.glue.model.GetDataQualityRulesetResponse;

/**
 * Glue Data Quality in one account and region: rulesets (by name), ruleset evaluation runs (by RunId) and
 * results (by ResultId), all durable. Compound changes hold this object's monitor.
 */
public final class DataQualityState {

    private static final String SERVICE = "glue";

    final Scope scope;
    final DurableMap<GetDataQualityRulesetResponse> rulesets;
    final DurableMap<GetDataQualityRulesetEvaluationRunResponse> runs;
    final DurableMap<DataQualityResult> results;

    public DataQualityState(Scope scope, StateStore store) {
        this.scope = scope;
        this.rulesets = store.map(scope.mapName(SERVICE, "data-quality/rulesets"), ShapeCodec.of(GetDataQualityRulesetResponse.class));
        this.runs = store.map(scope.mapName(SERVICE, "data-quality/evaluation-runs"),
                ShapeCodec.of(GetDataQualityRulesetEvaluationRunResponse.class));
        this.results = store.map(scope.mapName(SERVICE, "data-quality/results"), ShapeCodec.of(DataQualityResult.class));
    }

    GetDataQualityRulesetResponse requireRuleset(String name) {
        GetDataQualityRulesetResponse ruleset = rulesets.get(name);
        if (ruleset == null) {
            throw GlueErrors.entityNotFound("Cannot find Data Quality Ruleset in account " + scope.account() + " with name " + name);
        }
        return ruleset;
    }
}
