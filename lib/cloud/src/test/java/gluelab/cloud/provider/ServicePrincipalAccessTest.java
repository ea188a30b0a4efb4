package gluelab.cloud.provider;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.auth.Authentication;
import gluelab.cloud.auth.Credential;
import gluelab.cloud.clock.LabClock;
import gluelab.cloud.policy.PolicyDocument;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An AWS service principal acting for one of its resources (EventBridge invoking a function for a rule) is judged by
 * the target resource's policy alone, which sees the rule as {@code aws:SourceArn} and its account as
 * {@code aws:SourceAccount}; on a resource without a policy of its own, a service acting for itself is not judged.
 */
class ServicePrincipalAccessTest {

    static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:handler";
    static final String FUNCTION_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"from-rule","Effect":"Allow",\
            "Principal":{"Service":"events.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"%s",\
            "Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:events:us-east-1:000000000000:rule/allowed-*"},\
            "StringEquals":{"aws:SourceAccount":"000000000000"}}}]}""".formatted(FUNCTION);
    static final ServiceDescriptor LAMBDA = ServiceDescriptor.restJson("lambda", "lambda", "2015-03-31",
            "software.amazon.awssdk.services.lambda.model");

    private final AccessControl access = new AccessControl(true, LabClock.system());

    private static ServiceProvider functionWithPolicy(String policy) {
        return new ServiceProvider() {
            @Override
            public ServiceDescriptor descriptor() {
                return LAMBDA;
            }

            @Override
            public List<Object> operationHandlers() {
                return List.of();
            }

            @Override
            public AccessRules accessRules() {
                return (context, operation, request) -> {
                    Access invoke = Access.of("lambda:InvokeFunction", FUNCTION);
                    try {
                        return List.of(policy == null ? invoke
                                : invoke.withResourcePolicy("000000000000", PolicyDocument.parse(policy, PolicyDocument.Kind.RESOURCE)));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                };
            }
        };
    }

    private static RequestContext asEventBridgeFor(String ruleArn) {
        Credential caller = new Credential("internal", "", "000000000000", null, null, "events.amazonaws.com",
                "events.amazonaws.com");
        RequestContext context = new RequestContext("r", LAMBDA, null, RequestBody.ofBytes(new byte[0]),
                new Authentication(caller, "us-east-1", "lambda", null, null, null, null), Instant.now(), null);
        context.sourceArn(ruleArn == null ? null : Arn.parse(ruleArn).orElseThrow());
        return context;
    }

    @Test
    void theFunctionPolicyAdmitsTheRuleItNames() {
        assertThatCode(() -> access.authorize(asEventBridgeFor("arn:aws:events:us-east-1:000000000000:rule/allowed-1"),
                functionWithPolicy(FUNCTION_POLICY), "Invoke", new Object())).doesNotThrowAnyException();
    }

    @Test
    void anotherRuleOrNoSourceIsRefusedSayingNoResourcePolicyAllowsIt() {
        assertThatThrownBy(() -> access.authorize(asEventBridgeFor("arn:aws:events:us-east-1:000000000000:rule/other"),
                functionWithPolicy(FUNCTION_POLICY), "Invoke", new Object()))
                .isInstanceOf(AwsServiceException.class)
                .hasMessage("User: events.amazonaws.com is not authorized to perform: lambda:InvokeFunction on resource: "
                        + FUNCTION + " because no resource-based policy allows the lambda:InvokeFunction action");
        assertThatThrownBy(() -> access.authorize(asEventBridgeFor(null), functionWithPolicy(FUNCTION_POLICY),
                "Invoke", new Object())).isInstanceOf(AwsServiceException.class);
    }

    @Test
    void aServiceActingForItselfOnAResourceWithoutAPolicyIsNotJudged() {
        assertThatCode(() -> access.authorize(asEventBridgeFor("arn:aws:events:us-east-1:000000000000:rule/other"),
                functionWithPolicy(null), "Invoke", new Object())).doesNotThrowAnyException();
    }
}
