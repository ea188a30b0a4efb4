package gluelab.cloud.services.cloudtrail;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.shape.JsonShapeCodec;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudtrail.model.CreateTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.CreateTrailResponse;
import software.amazon.awssdk.services.cloudtrail.model.DeleteTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.DeleteTrailResponse;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsRequest;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.ListTrailsRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListTrailsResponse;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.cloudtrail.model.TrailInfo;
import software.amazon.awssdk.services.cloudtrail.model.UpdateTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.UpdateTrailResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;

/**
 * Trails: CreateTrail, UpdateTrail, GetTrail, DescribeTrails, ListTrails and DeleteTrail. A trail delivers its log
 * files to an S3 bucket, which must exist when the trail is created or moved. A new trail does not log until
 * StartLogging. What Lab Cloud lacks a trail cannot use: SNS notifications, delivery to CloudWatch Logs, KMS
 * encryption and organization trails are refused, each saying so.
 */
public final class TrailOperations {

    private static final String CLOUDTRAIL = "cloudtrail.amazonaws.com";

    private final AccountRegionStore<CloudTrailState> states;
    private final Trails trails;
    private final LogFileDelivery deliveries;
    private final InternalCalls calls;

    TrailOperations(AccountRegionStore<CloudTrailState> states, Trails trails, LogFileDelivery deliveries,
                    InternalCalls calls) {
        this.states = states;
        this.trails = trails;
        this.deliveries = deliveries;
        this.calls = calls;
    }

    public CreateTrailResponse createTrail(RequestContext context, CreateTrailRequest request) {
        String name = TrailNames.require(request.name());
        refuseWhatLabCloudLacks(request.snsTopicName(), request.cloudWatchLogsLogGroupArn(), request.kmsKeyId(),
                request.isOrganizationTrail());
        boolean multiRegion = Boolean.TRUE.equals(request.isMultiRegionTrail());
        boolean globalEvents = !Boolean.FALSE.equals(request.includeGlobalServiceEvents());
        checkCombination(multiRegion, globalEvents);
        requireBucket(context.scope(), request.s3BucketName());
        Trail trail = Trail.builder()
                .name(name)
                .s3BucketName(request.s3BucketName())
                .s3KeyPrefix(request.s3KeyPrefix())
                .includeGlobalServiceEvents(globalEvents)
                .isMultiRegionTrail(multiRegion)
                .homeRegion(context.region())
                .trailARN(TrailNames.arn(context.scope(), name).toString())
                .logFileValidationEnabled(Boolean.TRUE.equals(request.enableLogFileValidation()))
                .hasCustomEventSelectors(false)
                .hasInsightSelectors(false)
                .isOrganizationTrail(false)
                .build();
        CloudTrailState state = states.get(context);
        synchronized (trails) {
            if (trails.nameTaken(context.scope(), name, multiRegion)) {
                throw CloudTrailErrors.trailExists(context.scope(), name);
            }
            state.trails.put(name, trail);
            state.statuses.put(name, GetTrailStatusResponse.builder().isLogging(false).build());
        }
        return JsonShapeCodec.convert(trail, CreateTrailResponse.class);
    }

    public UpdateTrailResponse updateTrail(RequestContext context, UpdateTrailRequest request) {
        Trails.Located located = trails.findToChange(context, request.name());
        refuseWhatLabCloudLacks(request.snsTopicName(), request.cloudWatchLogsLogGroupArn(), request.kmsKeyId(),
                request.isOrganizationTrail());
        Trail current = located.trail();
        Trail.Builder changed = current.toBuilder();
        if (request.s3BucketName() != null && !request.s3BucketName().equals(current.s3BucketName())) {
            requireBucket(context.scope(), request.s3BucketName());
            changed.s3BucketName(request.s3BucketName());
        }
        if (request.s3KeyPrefix() != null) {
            changed.s3KeyPrefix(request.s3KeyPrefix().isEmpty() ? null : request.s3KeyPrefix());
        }
        if (request.includeGlobalServiceEvents() != null) {
            changed.includeGlobalServiceEvents(request.includeGlobalServiceEvents());
        }
        if (request.isMultiRegionTrail() != null) {
            changed.isMultiRegionTrail(request.isMultiRegionTrail());
        }
        if (request.enableLogFileValidation() != null) {
            changed.logFileValidationEnabled(request.enableLogFileValidation());
        }
        Trail trail = changed.build();
        checkCombination(trail.isMultiRegionTrail(), trail.includeGlobalServiceEvents());
        located.home().trails.put(trail.name(), trail);
        return JsonShapeCodec.convert(trail, UpdateTrailResponse.class);
    }

    public GetTrailResponse getTrail(RequestContext context, GetTrailRequest request) {
        return GetTrailResponse.builder().trail(trails.find(context, request.name()).trail()).build();
    }

    public DescribeTrailsResponse describeTrails(RequestContext context, DescribeTrailsRequest request) {
        boolean shadows = !Boolean.FALSE.equals(request.includeShadowTrails());
        List<Trail> found = new ArrayList<>();
        if (request.hasTrailNameList() && !request.trailNameList().isEmpty()) {
            for (String nameOrArn : request.trailNameList()) {
                try {
                    Trails.Located located = trails.find(context, nameOrArn);
                    if (shadows || located.scope().equals(context.scope())) {
                        found.add(located.trail());
                    }
                } catch (AwsServiceException notThere) {
                    if (!notThere.code().equals("TrailNotFoundException")) {
                        throw notThere;
                    }
                }
            }
        } else {
            trails.visible(context.scope(), shadows).forEach(l -> found.add(l.trail()));
        }
        return DescribeTrailsResponse.builder().trailList(found).build();
    }

    public ListTrailsResponse listTrails(RequestContext context, ListTrailsRequest request) {
        return ListTrailsResponse.builder().trails(trails.visible(context.scope(), true).stream()
                .map(l -> TrailInfo.builder().trailARN(l.trail().trailARN()).name(l.name())
                        .homeRegion(l.trail().homeRegion()).build()).toList()).build();
    }

    public DeleteTrailResponse deleteTrail(RequestContext context, DeleteTrailRequest request) {
        Trails.Located located = trails.findToChange(context, request.name());
        synchronized (trails) {
            located.home().remove(located.name());
        }
        deliveries.forget(located.scope(), located.name());
        return DeleteTrailResponse.builder().build();
    }

    /** Removes the trails whose names start with {@code prefix}, all of them for null, in every scope. */
    int reset(String prefix) {
        int removed = 0;
        for (CloudTrailState state : states.all().values()) {
            for (String name : List.copyOf(state.trails.keys())) {
                if (prefix == null || name.startsWith(prefix)) {
                    synchronized (trails) {
                        state.remove(name);
                    }
                    deliveries.forget(state.scope, name);
                    removed++;
                }
            }
        }
        return removed;
    }

    /**
     * The bucket must exist and CloudTrail must be able to write to it, which it checks as
     * {@code cloudtrail.amazonaws.com}. On AWS that takes a bucket policy granting CloudTrail {@code s3:GetBucketAcl}
     * and {@code s3:PutObject}; Lab Cloud's S3 has no bucket policies yet, so only the bucket's existence in the
     * trail's own account is checked (another account's bucket is refused as a policy would refuse it).
     */
    private void requireBucket(Scope scope, String bucket) {
        if (bucket == null || bucket.isEmpty()) {
            throw CloudTrailErrors.invalidParameter("InvalidS3BucketNameException", "S3 bucket name is required.");
        }
        try {
            calls.call("s3", scope, CLOUDTRAIL, HeadBucketRequest.builder().bucket(bucket).build());
        } catch (AwsServiceException refused) {
            if (refused.code().equals("NoSuchBucket") || refused.status() == 404) {
                throw CloudTrailErrors.bucketDoesNotExist(bucket);
            }
            throw CloudTrailErrors.insufficientBucketPolicy(bucket);
        }
    }

    private static void checkCombination(Boolean multiRegion, Boolean globalEvents) {
        if (Boolean.TRUE.equals(multiRegion) && Boolean.FALSE.equals(globalEvents)) {
            throw CloudTrailErrors.invalidParameter("InvalidParameterCombinationException",
                    "Multi-Region trail must include global service events.");
        }
    }

    private static void refuseWhatLabCloudLacks(String snsTopic, String logGroup, String kmsKey, Boolean organization) {
        if (snsTopic != null) {
            throw CloudTrailErrors.invalidParameter("InvalidSnsTopicNameException",
                    "Lab Cloud has no SNS yet, so a trail cannot notify topic " + snsTopic + ".");
        }
        if (logGroup != null) {
            throw CloudTrailErrors.invalidParameter("CloudWatchLogsDeliveryUnavailableException",
                    "Lab Cloud's trails do not deliver to CloudWatch Logs yet; read the log files in S3 instead.");
        }
        if (kmsKey != null) {
            throw CloudTrailErrors.invalidParameter("KmsKeyNotFoundException",
                    "Lab Cloud has no KMS, so key " + kmsKey + " cannot encrypt log files.");
        }
        if (Boolean.TRUE.equals(organization)) {
            throw CloudTrailErrors.invalidParameter("OrganizationsNotInUseException",
                    "This account is not part of an organization in Lab Cloud.");
        }
    }
}
