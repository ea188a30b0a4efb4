package gluelab.cloud.services.glue.dataquality;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.GluePages;
import gluelab.cloud.services.glue.PrefixReset;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.glue.model.CreateDataQualityRulesetRequest;
import software.amazon.awssdk.services.glue.model.CreateDataQualityRulesetResponse;
import software.amazon.awssdk.services.glue.model.DataQualityRulesetFilterCriteria;
import software.amazon.awssdk.services.glue.model.DataQualityRulesetListDetails;
import software.amazon.awssdk.services.glue.model.DataQualityTargetTable;
import software.amazon.awssdk.services.glue.model.DeleteDataQualityRulesetRequest;
import software.amazon.awssdk.services.glue.model.DeleteDataQualityRulesetResponse;
import software.amazon.awssdk.services.glue.model.GetDataQualityRulesetRequest;
import software.amazon.awssdk.services.glue.model.GetDataQualityRulesetResponse;
import software.amazon.awssdk.services.glue.model.ListDataQualityRulesetsRequest;
import software.amazon.awssdk.services.glue.model.ListDataQualityRulesetsResponse;
import software.amazon.awssdk.services.glue.model.UpdateDataQualityRulesetRequest;
import software.amazon.awssdk.services.glue.model.UpdateDataQualityRulesetResponse;

/**
 * Data Quality rulesets: CreateDataQualityRuleset, GetDataQualityRuleset, UpdateDataQualityRuleset,
 * DeleteDataQualityRuleset, ListDataQualityRulesets. Every ruleset given is checked with AWS's DQDL parser.
 */
public final class DataQualityRulesetOperations {

    private static final Pages.Limits LIST_RULESETS = new Pages.Limits("maxResults", 1000, 1000);
    private static final int MAX_RULESET_LENGTH = 65536;

    private final AccountRegionStore<DataQualityState> states;
    private final Supplier<Instant> clock;

    public DataQualityRulesetOperations(AccountRegionStore<DataQualityState> states, Supplier<Instant> clock) {
        this.states = states;
        this.clock = clock;
    }

    public CreateDataQualityRulesetResponse createDataQualityRuleset(RequestContext ctx, CreateDataQualityRulesetRequest request) {
        String name = GlueErrors.name(request.name(), "name");
        String ruleset = ruleset(request.ruleset());
        DataQualityTargetTable target = request.targetTable();
        if (target != null) {
            GlueErrors.name(target.databaseName(), "targetTable.databaseName");
            GlueErrors.name(target.tableName(), "targetTable.tableName");
        }
        DataQualityState state = states.get(ctx);
        Instant now = now();
        synchronized (state) {
            if (state.rulesets.containsKey(name)) {
                throw GlueErrors.alreadyExists("Another ruleset with the same name already exists: " + name);
            }
            state.rulesets.put(name, GetDataQualityRulesetResponse.builder()
                    .name(name).description(request.description()).ruleset(ruleset).targetTable(target)
                    .dataQualitySecurityConfiguration(request.dataQualitySecurityConfiguration())
                    .createdOn(now).lastModifiedOn(now).build());
        }
        return CreateDataQualityRulesetResponse.builder().name(name).build();
    }

    public GetDataQualityRulesetResponse getDataQualityRuleset(RequestContext ctx, GetDataQualityRulesetRequest request) {
        return states.get(ctx).requireRuleset(GlueErrors.name(request.name(), "name"));
    }

    /** Sets the description and ruleset the request gives and keeps the others. */
    public UpdateDataQualityRulesetResponse updateDataQualityRuleset(RequestContext ctx, UpdateDataQualityRulesetRequest request) {
        String name = GlueErrors.name(request.name(), "name");
        String ruleset = request.ruleset() == null ? null : ruleset(request.ruleset());
        DataQualityState state = states.get(ctx);
        GetDataQualityRulesetResponse updated;
        synchronized (state) {
            GetDataQualityRulesetResponse.Builder builder = state.requireRuleset(name).toBuilder().lastModifiedOn(now());
            if (request.description() != null) {
                builder.description(request.description());
            }
            if (ruleset != null) {
                builder.ruleset(ruleset);
            }
            updated = builder.build();
            state.rulesets.put(name, updated);
        }
        return UpdateDataQualityRulesetResponse.builder().name(name).description(updated.description())
                .ruleset(updated.ruleset()).build();
    }

    public DeleteDataQualityRulesetResponse deleteDataQualityRuleset(RequestContext ctx, DeleteDataQualityRulesetRequest request) {
        String name = GlueErrors.name(request.name(), "name");
        DataQualityState state = states.get(ctx);
        synchronized (state) {
            state.requireRuleset(name);
            state.rulesets.remove(name);
        }
        return DeleteDataQualityRulesetResponse.builder().build();
    }

    /** Rulesets by name, narrowed by the filter's name, description, target table and dates. */
    public ListDataQualityRulesetsResponse listDataQualityRulesets(RequestContext ctx, ListDataQualityRulesetsRequest request) {
        DataQualityRulesetFilterCriteria filter = request.filter();
        List<GetDataQualityRulesetResponse> rulesets = states.get(ctx).rulesets.values().stream()
                .filter(r -> filter == null || matches(filter, r))
                .sorted(java.util.Comparator.comparing(GetDataQualityRulesetResponse::name)).toList();
        Pages.Page<GetDataQualityRulesetResponse> page = GluePages.PAGES.page(rulesets, GetDataQualityRulesetResponse::name,
                request.nextToken(), request.maxResults(), LIST_RULESETS);
        return ListDataQualityRulesetsResponse.builder()
                .rulesets(page.items().stream().map(DataQualityRulesetOperations::details).toList())
                .nextToken(page.nextToken()).build();
    }

    public int reset(String prefix) {
        return PrefixReset.remove(states, state -> state.rulesets.keys(), prefix, (state, name) -> state.rulesets.remove(name));
    }

    private static boolean matches(DataQualityRulesetFilterCriteria filter, GetDataQualityRulesetResponse ruleset) {
        DataQualityTargetTable target = filter.targetTable();
        return (filter.name() == null || filter.name().equals(ruleset.name()))
                && (filter.description() == null || filter.description().equals(ruleset.description()))
                && (filter.createdBefore() == null || ruleset.createdOn().isBefore(filter.createdBefore()))
                && (filter.createdAfter() == null || ruleset.createdOn().isAfter(filter.createdAfter()))
                && (filter.lastModifiedBefore() == null || ruleset.lastModifiedOn().isBefore(filter.lastModifiedBefore()))
                && (filter.lastModifiedAfter() == null || ruleset.lastModifiedOn().isAfter(filter.lastModifiedAfter()))
                && (target == null || ruleset.targetTable() != null
                        && Objects.equals(target.databaseName(), ruleset.targetTable().databaseName())
                        && Objects.equals(target.tableName(), ruleset.targetTable().tableName()));
    }

    private static DataQualityRulesetListDetails details(GetDataQualityRulesetResponse ruleset) {
        return DataQualityRulesetListDetails.builder().name(ruleset.name()).description(ruleset.description())
                .createdOn(ruleset.createdOn()).lastModifiedOn(ruleset.lastModifiedOn()).targetTable(ruleset.targetTable())
                .recommendationRunId(ruleset.recommendationRunId()).ruleCount(DqdlRulesets.ruleCount(ruleset.ruleset()))
                .build();
    }

    private static String ruleset(String ruleset) {
        GlueErrors.required(ruleset, "ruleset");
        if (ruleset.isEmpty() || ruleset.length() > MAX_RULESET_LENGTH) {
            throw GlueErrors.validation("ruleset", ruleset.length() > 40 ? ruleset.substring(0, 40) + "…" : ruleset,
                    "Member must have length between 1 and " + MAX_RULESET_LENGTH);
        }
        DqdlRulesets.ruleCount(ruleset);
        return ruleset;
    }

    private Instant now() {
        return clock.get().truncatedTo(ChronoUnit.MILLIS);
    }
}
