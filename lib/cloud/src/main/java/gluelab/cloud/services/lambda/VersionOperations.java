package gluelab.cloud.services.lambda;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.CreateAliasRequest;
import software.amazon.awssdk.services.lambda.model.CreateAliasResponse;
import software.amazon.awssdk.services.lambda.model.DeleteAliasRequest;
import software.amazon.awssdk.services.lambda.model.DeleteAliasResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAliasRequest;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.ListAliasesRequest;
import software.amazon.awssdk.services.lambda.model.ListAliasesResponse;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionRequest;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionResponse;
import software.amazon.awssdk.services.lambda.model.PublishVersionRequest;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.UpdateAliasRequest;
import software.amazon.awssdk.services.lambda.model.UpdateAliasResponse;

/**
 * Versions and aliases: PublishVersion freezes $LATEST's code and configuration as the next number (or answers the
 * latest version again when nothing changed since, as Lambda does), and an alias names a version. Invoke, GetFunction
 * and GetFunctionConfiguration take either as their qualifier.
 */
public final class VersionOperations {

    private static final String ALIAS_PATTERN = "(?!^[0-9]+$)([a-zA-Z0-9-_]+)";
    private static final Pages PAGES = new Pages(LambdaErrors.VALIDATION,
            token -> LambdaErrors.invalidParameter("Invalid pagination token"));

    private final AccountRegionStore<LambdaState> states;

    VersionOperations(AccountRegionStore<LambdaState> states) {
        this.states = states;
    }

    public PublishVersionResponse publishVersion(RequestContext context, PublishVersionRequest request) {
        FunctionName name = FunctionName.parse("functionName", request.functionName(), null, context.scope());
        LambdaState state = states.get(context);
        synchronized (state) {
            FunctionConfiguration latest = state.require(name);
            if (FunctionStateMachine.updateInProgress(latest)) {
                throw LambdaErrors.conflict("The operation cannot be performed at this time. An update is in progress "
                        + "for resource: " + latest.functionArn());
            }
            if (request.codeSha256() != null && !request.codeSha256().equals(latest.codeSha256())) {
                throw LambdaErrors.invalidParameter("CodeSHA256 (" + request.codeSha256() + ") is different from "
                        + "current CodeSHA256 in $LATEST (" + latest.codeSha256() + "). Please try again with the "
                        + "CodeSHA256 in $LATEST.");
            }
            if (request.revisionId() != null && !request.revisionId().equals(latest.revisionId())) {
                throw LambdaErrors.preconditionFailed("The Revision Id provided does not match the latest Revision Id. "
                        + "Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
            }
            List<FunctionConfiguration> published = versionsOf(state, name.name());
            FunctionConfiguration newest = published.isEmpty() ? null : published.get(published.size() - 1);
            if (newest != null && newest.codeSha256().equals(latest.codeSha256())
                    && newest.lastModified().equals(latest.lastModified())) {
                return PublishVersionResponse.builder().applyMutation(b -> ShapeCopy.members(newest, b)).build();
            }
            String version = Integer.toString(newest == null ? 1 : Integer.parseInt(newest.version()) + 1);
            FunctionConfiguration frozen = latest.toBuilder().version(version)
                    .functionArn(latest.functionArn() + ":" + version)
                    .description(request.description() == null ? latest.description() : request.description())
                    .revisionId(UUID.randomUUID().toString()).build();
            state.versions.put(name.name() + ":" + version, frozen);
            return PublishVersionResponse.builder().applyMutation(b -> ShapeCopy.members(frozen, b)).build();
        }
    }

    public ListVersionsByFunctionResponse listVersionsByFunction(RequestContext context,
                                                                 ListVersionsByFunctionRequest request) {
        FunctionName name = FunctionName.parse("functionName", request.functionName(), null, context.scope());
        LambdaState state = states.get(context);
        List<FunctionConfiguration> all = new ArrayList<>();
        all.add(state.require(name));
        all.addAll(versionsOf(state, name.name()));
        Pages.Page<FunctionConfiguration> page = PAGES.page(all, f -> sortKey(f.version()), Comparator.naturalOrder(),
                request.marker(), request.maxItems(), new Pages.Limits("maxItems", 50, 10_000));
        return ListVersionsByFunctionResponse.builder().versions(page.items()).nextMarker(page.nextToken()).build();
    }

    public CreateAliasResponse createAlias(RequestContext context, CreateAliasRequest request) {
        LambdaErrors.validation().required("name", request.name()).required("functionVersion", request.functionVersion())
                .pattern("name", request.name(), ALIAS_PATTERN).length("name", request.name(), 1, 128).orThrow();
        FunctionName name = FunctionName.parse("functionName", request.functionName(), null, context.scope());
        LambdaState state = states.get(context);
        synchronized (state) {
            requireVersion(context, state, name, request.functionVersion());
            AliasConfiguration alias = AliasConfiguration.builder()
                    .aliasArn(name.arn(context.scope()) + ":" + request.name()).name(request.name())
                    .functionVersion(request.functionVersion()).description(request.description() == null ? ""
                            : request.description()).revisionId(UUID.randomUUID().toString()).build();
            if (state.aliases.putIfAbsent(name.name() + ":" + request.name(), alias) != null) {
                throw LambdaErrors.conflict("Alias already exists: " + alias.aliasArn());
            }
            return CreateAliasResponse.builder().applyMutation(b -> ShapeCopy.members(alias, b)).build();
        }
    }

    public GetAliasResponse getAlias(RequestContext context, GetAliasRequest request) {
        AliasConfiguration alias = requireAlias(context, request.functionName(), request.name());
        return GetAliasResponse.builder().applyMutation(b -> ShapeCopy.members(alias, b)).build();
    }

    public ListAliasesResponse listAliases(RequestContext context, ListAliasesRequest request) {
        FunctionName name = FunctionName.parse("functionName", request.functionName(), null, context.scope());
        LambdaState state = states.get(context);
        state.require(name);
        List<AliasConfiguration> aliases = state.aliases.values().stream()
                .filter(a -> a.aliasArn().startsWith(name.arn(context.scope()) + ":"))
                .filter(a -> request.functionVersion() == null || request.functionVersion().equals(a.functionVersion()))
                .sorted(Comparator.comparing(AliasConfiguration::name)).toList();
        Pages.Page<AliasConfiguration> page = PAGES.page(aliases, AliasConfiguration::name, Comparator.naturalOrder(),
                request.marker(), request.maxItems(), new Pages.Limits("maxItems", 50, 10_000));
        return ListAliasesResponse.builder().aliases(page.items()).nextMarker(page.nextToken()).build();
    }

    public UpdateAliasResponse updateAlias(RequestContext context, UpdateAliasRequest request) {
        LambdaState state = states.get(context);
        synchronized (state) {
            AliasConfiguration current = requireAlias(context, request.functionName(), request.name());
            if (request.revisionId() != null && !request.revisionId().equals(current.revisionId())) {
                throw LambdaErrors.preconditionFailed("The Revision Id provided does not match the latest Revision Id. "
                        + "Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
            }
            FunctionName name = FunctionName.parse("functionName", request.functionName(), null, context.scope());
            AliasConfiguration.Builder next = current.toBuilder().revisionId(UUID.randomUUID().toString());
            if (request.functionVersion() != null) {
                requireVersion(context, state, name, request.functionVersion());
                next.functionVersion(request.functionVersion());
            }
            if (request.description() != null) {
                next.description(request.description());
            }
            AliasConfiguration updated = next.build();
            state.aliases.put(name.name() + ":" + request.name(), updated);
            return UpdateAliasResponse.builder().applyMutation(b -> ShapeCopy.members(updated, b)).build();
        }
    }

    public DeleteAliasResponse deleteAlias(RequestContext context, DeleteAliasRequest request) {
        FunctionName name = FunctionName.parse("functionName", request.functionName(), null, context.scope());
        LambdaState state = states.get(context);
        state.require(name);
        state.aliases.remove(name.name() + ":" + request.name());
        return DeleteAliasResponse.builder().build();
    }

    private AliasConfiguration requireAlias(RequestContext context, String functionName, String aliasName) {
        FunctionName name = FunctionName.parse("functionName", functionName, null, context.scope());
        LambdaState state = states.get(context);
        state.require(name);
        AliasConfiguration alias = state.aliases.get(name.name() + ":" + aliasName);
        if (alias == null) {
            throw LambdaErrors.notFound("Cannot find alias arn: " + name.arn(context.scope()) + ":" + aliasName);
        }
        return alias;
    }

    private static void requireVersion(RequestContext context, LambdaState state, FunctionName name, String version) {
        state.require(name);
        if (!version.equals("$LATEST") && !state.versions.containsKey(name.name() + ":" + version)) {
            throw LambdaErrors.notFound("Function not found: " + name.arn(context.scope()) + ":" + version);
        }
    }

    /** The published versions of a function, oldest first. */
    static List<FunctionConfiguration> versionsOf(LambdaState state, String functionName) {
        return state.versions.view().entrySet().stream()
                .filter(e -> e.getKey().startsWith(functionName + ":"))
                .map(java.util.Map.Entry::getValue)
                .sorted(Comparator.comparingInt(f -> Integer.parseInt(f.version()))).toList();
    }

    /** $LATEST first, then versions in number order. */
    private static String sortKey(String version) {
        return version.equals("$LATEST") ? "0000000000" : String.format("%010d", Integer.parseInt(version));
    }
}
