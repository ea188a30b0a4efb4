package gluelab.cloud.services.dynamodb;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.dynamodb.model.DynamoDbErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.TagResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceResponse;

/** A table's tags: TagResource, UntagResource and ListTagsOfResource, by the table's ARN. */
public final class TagOperations {

    private static final int MAX_TAGS = 50;

    private final AccountRegionStore<DynamoDbState> states;

    TagOperations(AccountRegionStore<DynamoDbState> states) {
        this.states = states;
    }

    /** The tags after adding {@code added} to {@code existing}, within AWS's 50. */
    static Map<String, String> checked(List<Tag> added, Map<String, String> existing) {
        Map<String, String> tags = new LinkedHashMap<>(existing);
        for (Tag tag : added) {
            if (tag.key() == null || tag.key().isEmpty() || tag.key().length() > 128 || tag.value() == null
                    || tag.value().length() > 256) {
                throw DynamoDbErrors.validation("One or more parameter values were invalid: Invalid tag key or value");
            }
            tags.put(tag.key(), tag.value());
        }
        if (tags.size() > MAX_TAGS) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: The number of tags exceeds "
                    + "the limit of " + MAX_TAGS);
        }
        return tags;
    }

    private String tableOf(RequestContext context, String resourceArn) {
        Arn arn = Arn.parse(resourceArn == null ? "" : resourceArn)
                .orElseThrow(() -> DynamoDbErrors.validation("Invalid TableArn: Invalid ResourceArn provided as "
                        + "input " + resourceArn));
        if (!arn.resourceType().equals("table") || !arn.account().equals(context.accountId())
                || !arn.region().equals(context.region())) {
            throw DynamoDbErrors.resourceNotFound();
        }
        String name = arn.resourceId();
        states.get(context).find(name, context.now().toEpochMilli())
                .orElseThrow(() -> new gluelab.cloud.provider.AwsServiceException("ResourceNotFoundException",
                        "Requested resource not found: ResourcArn: " + resourceArn + " not found", 400));
        return name;
    }

    public TagResourceResponse tagResource(RequestContext context, TagResourceRequest request) {
        DynamoDbState state = states.get(context);
        String table = tableOf(context, request.resourceArn());
        synchronized (state.lock(table)) {
            state.putTags(table, checked(request.tags(), state.tags(table)));
        }
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(RequestContext context, UntagResourceRequest request) {
        DynamoDbState state = states.get(context);
        String table = tableOf(context, request.resourceArn());
        synchronized (state.lock(table)) {
            Map<String, String> tags = new LinkedHashMap<>(state.tags(table));
            request.tagKeys().forEach(tags::remove);
            state.putTags(table, tags);
        }
        return UntagResourceResponse.builder().build();
    }

    public ListTagsOfResourceResponse listTagsOfResource(RequestContext context, ListTagsOfResourceRequest request) {
        DynamoDbState state = states.get(context);
        String table = tableOf(context, request.resourceArn());
        List<Tag> tags = new TreeMap<>(state.tags(table)).entrySet().stream()
                .map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build()).toList();
        return ListTagsOfResourceResponse.builder().tags(tags).build();
    }
}
