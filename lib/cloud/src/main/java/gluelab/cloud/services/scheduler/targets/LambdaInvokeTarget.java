package gluelab.cloud.services.scheduler.targets;

import gluelab.cloud.provider.Arn;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * The templated Lambda target: a function's ARN. Scheduler invokes it asynchronously ({@code Event}) with the
 * target's Input as the payload ({@code {}} when there is none), as the schedule's role, which needs
 * {@code lambda:InvokeFunction}.
 */
final class LambdaInvokeTarget implements ScheduleTarget {

    private static final String LAMBDA = "lambda";

    @Override
    public boolean accepts(String targetArn) {
        return Arn.parse(targetArn).filter(arn -> arn.service().equals(LAMBDA) && arn.resourceType().equals("function"))
                .isPresent();
    }

    @Override
    public void validate(Target target) {
        // Scheduler takes any function ARN; whether the function exists shows when the schedule fires.
    }

    @Override
    public void deliver(TargetDelivery delivery) {
        InvokeRequest invoke = InvokeRequest.builder()
                .functionName(delivery.target().arn())
                .invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(delivery.inputOr("{}")))
                .build();
        delivery.calls().call(LAMBDA, delivery.scope(), delivery.principalArn(), invoke);
    }
}
