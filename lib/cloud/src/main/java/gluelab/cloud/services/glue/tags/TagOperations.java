package gluelab.cloud.services.glue.tags;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.provider.Validation;
import gluelab.cloud.services.glue.GlueErrors;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.glue.model.GetTagsRequest;
import software.amazon.awssdk.services.glue.model.GetTagsResponse;
import software.amazon.awssdk.services.glue.model.TagResourceRequest;
import software.amazon.awssdk.services.glue.model.TagResourceResponse;
import software.amazon.awssdk.services.glue.model.UntagResourceRequest;
import software.amazon.awssdk.services.glue.model.UntagResourceResponse;

/**
 * Glue's tagging operations: TagResource, UntagResource, GetTags, addressing a resource by its ARN
 * ({@code arn:aws:glue:us-east-1:123456789012:job/etl}). The resource must exist in the caller's account and
 * region; a database is found whatever the case of its name, as Glue finds databases. Tags given at creation are
 * the same tags.
 */
public final class TagOperations {

    /** ResourceArn's pattern in the Glue model, which AWS's message quotes. */
    private static final String GLUE_ARN = "arn:aws(-(cn|us-gov|iso(-[bef])?))?:glue:.*";
    private static final Pattern GLUE_ARN_PATTERN = Pattern.compile(GLUE_ARN);
    private static final int MAX_ARN_LENGTH = 10240;

    private final Tagging tagging;

    public TagOperations(Tagging tagging) {
        this.tagging = tagging;
    }

    /** Adds tags, or gives existing keys new values; a resource holds no more than 50. */
    public TagResourceResponse tagResource(RequestContext context, TagResourceRequest request) {
        Map<String, String> added = request.hasTagsToAdd() ? request.tagsToAdd() : null;
        checkArn(request.resourceArn()).required("tagsToAdd", added).orThrow();
        Tagging.checkModel("tagsToAdd", added);
        tagging.add(context.scope(), () -> resolve(context, request.resourceArn()), added);
        return TagResourceResponse.builder().build();
    }

    /** Removes the tags with the given keys; keys the resource does not have are ignored. */
    public UntagResourceResponse untagResource(RequestContext context, UntagResourceRequest request) {
        List<String> keys = request.hasTagsToRemove() ? request.tagsToRemove() : null;
        checkArn(request.resourceArn())
                .required("tagsToRemove", keys)
                .size("tagsToRemove", keys, 0, Tagging.MAX_TAGS)
                .orThrow();
        tagging.remove(context.scope(), () -> resolve(context, request.resourceArn()), keys);
        return UntagResourceResponse.builder().build();
    }

    /** The resource's tags; none is an empty map. */
    public GetTagsResponse getTags(RequestContext context, GetTagsRequest request) {
        checkArn(request.resourceArn()).orThrow();
        String arn = resolve(context, request.resourceArn());
        return GetTagsResponse.builder().tags(tagging.of(context.scope(), arn).tags()).build();
    }

    private static Validation checkArn(String resourceArn) {
        return Validation.of(GlueErrors.VALIDATION)
                .required("resourceArn", resourceArn)
                .length("resourceArn", resourceArn, 1, MAX_ARN_LENGTH)
                .pattern("resourceArn", resourceArn, GLUE_ARN_PATTERN, GLUE_ARN);
    }

    /**
     * The ARN under which a resource's tags are kept: the resource must be of a kind Glue tags, in the caller's
     * account and region, and exist.
     */
    private String resolve(RequestContext context, String resourceArn) {
        Arn arn = Arn.parse(resourceArn)
                .filter(a -> !a.region().isEmpty() && !a.account().isEmpty() && !a.resourceId().isEmpty())
                .orElseThrow(() -> GlueErrors.invalidInput("Invalid ARN: " + resourceArn));
        if (!arn.account().equals(context.accountId())) {
            throw GlueErrors.accessDenied(context, resourceArn);
        }
        TaggedType type = TaggedType.ofArn(arn).orElseThrow(() -> GlueErrors.invalidInput("Resource " + resourceArn
                + " cannot be tagged: Glue tags connections, databases, crawlers, sessions, development endpoints, jobs,"
                + " triggers, workflows, blueprints, ML transforms, data quality rulesets, schemas and registries."));
        Tagging.Kind kind = tagging.kind(type).orElseThrow(() -> GlueErrors.entityNotFound(
                "Entity not found: " + resourceArn + " (Lab Cloud's Glue has no " + arn.resourceType() + " resources yet)"));
        Scope scope = context.scope();
        String name = arn.region().equals(scope.region())
                ? kind.resources().find(scope, arn.resourceId()).orElse(null)
                : null;
        if (name == null) {
            throw kind.notFound().apply(arn.resourceId());
        }
        return type.arn(scope, name).toString();
    }
}
