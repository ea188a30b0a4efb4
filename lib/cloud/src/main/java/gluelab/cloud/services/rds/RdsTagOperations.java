package gluelab.cloud.services.rds;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.RequestContext;
import software.amazon.awssdk.services.rds.model.AddTagsToResourceRequest;
import software.amazon.awssdk.services.rds.model.AddTagsToResourceResponse;
import software.amazon.awssdk.services.rds.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.rds.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.rds.model.RemoveTagsFromResourceRequest;
import software.amazon.awssdk.services.rds.model.RemoveTagsFromResourceResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/** The tags of DB instances, by ARN: AddTagsToResource, ListTagsForResource and RemoveTagsFromResource (50 at most). */
public final class RdsTagOperations {

    private static final int MAX_TAGS = 50;

    private final AccountRegionStore<RdsState> states;

    RdsTagOperations(AccountRegionStore<RdsState> states) {
        this.states = states;
    }

    public AddTagsToResourceResponse addTagsToResource(RequestContext context, AddTagsToResourceRequest request) {
        RdsState state = states.get(context);
        String identifier = instanceOf(state, request.resourceName());
        Map<String, String> added = DBInstanceOperations.tags(request.tags());
        synchronized (state) {
            Map<String, String> tags = new LinkedHashMap<>(state.require(identifier).tags());
            tags.putAll(added);
            if (tags.size() > MAX_TAGS) {
                throw RdsErrors.tagQuotaExceeded(
                        "Cannot add tags: a resource may have at most " + MAX_TAGS + " tags.");
            }
            state.update(identifier, instance -> instance.withTags(tags));
        }
        return AddTagsToResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(RequestContext context, ListTagsForResourceRequest request) {
        RdsState state = states.get(context);
        DBInstanceRecord instance = state.require(instanceOf(state, request.resourceName()));
        return ListTagsForResourceResponse.builder()
                .tagList(DBInstanceOperations.tagList(instance.tags()))
                .build();
    }

    public RemoveTagsFromResourceResponse removeTagsFromResource(RequestContext context,
                                                                 RemoveTagsFromResourceRequest request) {
        RdsState state = states.get(context);
        String identifier = instanceOf(state, request.resourceName());
        synchronized (state) {
            Map<String, String> tags = new LinkedHashMap<>(state.require(identifier).tags());
            request.tagKeys().forEach(tags::remove);
            state.update(identifier, instance -> instance.withTags(tags));
        }
        return RemoveTagsFromResourceResponse.builder().build();
    }

    /** The DB instance an ARN of this account and region names; another's is not found, as on AWS. */
    private static String instanceOf(RdsState state, String resourceName) {
        if (resourceName == null || resourceName.isEmpty()) {
            throw RdsErrors.missingParameter("ResourceName");
        }
        Arn arn = Arn.parse(resourceName).filter(parsed -> "rds".equals(parsed.service()))
                .orElseThrow(() -> RdsErrors.invalidArn(resourceName));
        if (!arn.resource().startsWith("db:")) {
            throw RdsErrors.invalidArn(resourceName);
        }
        String identifier = arn.resource().substring(3);
        if (!arn.account().equals(state.scope.account()) || !arn.region().equals(state.scope.region())
                || state.find(identifier).isEmpty()) {
            throw RdsErrors.dbInstanceNotFound(identifier);
        }
        return identifier;
    }
}
