package gluelab.cloud.services.scheduler.targets;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.AwsServiceException;
import java.util.Set;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * The templated targets of services Lab Cloud does not deliver to yet (SNS, ECS, Kinesis, ...):
 * Scheduler accepts them, so a notebook that uses one can create its schedule, and each delivery fails saying why,
 * which the schedule's retry policy and dead-letter queue then handle as any failure.
 */
final class NotYetInLabCloudTarget implements ScheduleTarget {

    /** The services of Scheduler's templated targets, beyond Lambda, EventBridge, SQS and Step Functions. */
    private static final Set<String> TEMPLATED = Set.of("sns", "ecs", "kinesis", "firehose",
            "sagemaker", "codebuild", "codepipeline", "inspector");

    @Override
    public boolean accepts(String targetArn) {
        return Arn.parse(targetArn).filter(arn -> TEMPLATED.contains(arn.service())).isPresent();
    }

    @Override
    public void validate(Target target) {
        // Accepted as AWS accepts it.
    }

    @Override
    public void deliver(TargetDelivery delivery) {
        String service = Arn.parse(delivery.target().arn()).orElseThrow().service();
        throw AwsServiceException.client("UnknownServiceException",
                "Lab Cloud does not deliver to " + service + " targets yet: " + delivery.target().arn());
    }
}
