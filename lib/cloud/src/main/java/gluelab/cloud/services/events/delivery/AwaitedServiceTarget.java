package gluelab.cloud.services.events.delivery;

import gluelab.cloud.provider.Arn;
import java.util.Set;

/**
 * Targets of services Lab Cloud does not have (SNS topics): PutTargets takes them, as AWS does, and every delivery
 * fails as "service not available", retried and recorded like any failure. When such a service arrives, its own
 * {@link TargetKind} (as {@link SqsTarget} did for SQS and {@link StateMachineTarget} for Step Functions) goes ahead
 * of this one in {@link TargetKinds}.
 */
public final class AwaitedServiceTarget implements TargetKind {

    private final Set<String> services;

    /** @param services the ARN services awaited ({@code sns}) */
    public AwaitedServiceTarget(Set<String> services) {
        this.services = Set.copyOf(services);
    }

    @Override
    public boolean delivers(Arn target) {
        return services.contains(target.service());
    }

    @Override
    public void deliver(TargetDelivery delivery) throws DeliveryFailure {
        throw ServiceCallFailures.notAvailable(delivery.targetArn().service());
    }
}
