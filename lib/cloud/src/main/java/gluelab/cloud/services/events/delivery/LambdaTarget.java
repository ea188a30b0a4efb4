package gluelab.cloud.services.events.delivery;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.InternalCalls;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/**
 * A Lambda function: invoked asynchronously ({@code InvocationType=Event}) as EventBridge's service principal on
 * behalf of the rule, so the function's resource policy decides, as on AWS.
 */
public final class LambdaTarget implements TargetKind {

    private final InternalCalls internal;

    public LambdaTarget(InternalCalls internal) {
        this.internal = internal;
    }

    @Override
    public boolean delivers(Arn target) {
        return target.service().equals("lambda");
    }

    @Override
    public void deliver(TargetDelivery delivery) throws DeliveryFailure {
        Arn function = delivery.targetArn();
        InvokeRequest invoke = InvokeRequest.builder()
                .functionName(function.toString())
                .invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(delivery.input()))
                .build();
        EventBridgePrincipal.call(internal, function, delivery.rule(), invoke);
    }
}
