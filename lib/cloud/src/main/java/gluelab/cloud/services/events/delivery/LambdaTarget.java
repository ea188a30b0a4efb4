package gluelab.cloud.services.events.delivery;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.Scope;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/**
 * A Lambda function: invoked asynchronously ({@code InvocationType=Event}) as the service principal
 * {@code events.amazonaws.com} on behalf of the rule, so the function's resource policy decides, seeing the rule
 * as {@code aws:SourceArn} and its account as {@code aws:SourceAccount}, as on AWS.
 */
public final class LambdaTarget implements TargetKind {

    public static final String SERVICE_PRINCIPAL = "events.amazonaws.com";

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
        if (!internal.serves("lambda")) {
            throw ServiceCallFailures.notAvailable("lambda");
        }
        Arn function = delivery.targetArn();
        InvokeRequest invoke = InvokeRequest.builder()
                .functionName(function.toString())
                .invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(delivery.input()))
                .build();
        try {
            internal.callAsService("lambda", new Scope(function.account(), function.region()), SERVICE_PRINCIPAL,
                    delivery.rule(), invoke);
        } catch (AwsServiceException refused) {
            throw ServiceCallFailures.of(refused);
        }
    }
}
