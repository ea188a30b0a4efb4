package gluelab.cloud.services.secretsmanager;

import gluelab.cloud.policy.MalformedPolicyException;
import gluelab.cloud.policy.PolicyDocument;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import software.amazon.awssdk.services.secretsmanager.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.ValidateResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.ValidateResourcePolicyResponse;

/**
 * A secret's resource policy: PutResourcePolicy (checked as IAM checks a resource policy), GetResourcePolicy,
 * DeleteResourcePolicy and ValidateResourcePolicy. Lab Cloud keeps the policy; it does not yet grant other accounts
 * access to the secret.
 */
public final class ResourcePolicyOperations {

    private final AccountRegionStore<SecretsManagerState> states;

    ResourcePolicyOperations(AccountRegionStore<SecretsManagerState> states) {
        this.states = states;
    }

    public PutResourcePolicyResponse putResourcePolicy(RequestContext context, PutResourcePolicyRequest request) {
        Validation.of("InvalidParameterException").required("secretId", request.secretId())
                .required("resourcePolicy", request.resourcePolicy())
                .length("resourcePolicy", request.resourcePolicy(), 1, 20_480).orThrow();
        checked(request.resourcePolicy());
        long now = context.now().toEpochMilli();
        SecretsManagerState state = states.get(context);
        synchronized (state) {
            SecretRecord secret = state.requireLive(request.secretId(), now);
            state.put(secret.withPolicy(request.resourcePolicy(), now));
            return PutResourcePolicyResponse.builder().arn(secret.arn()).name(secret.name()).build();
        }
    }

    public GetResourcePolicyResponse getResourcePolicy(RequestContext context, GetResourcePolicyRequest request) {
        Validation.of("InvalidParameterException").required("secretId", request.secretId()).orThrow();
        SecretRecord secret = states.get(context).requireLive(request.secretId(), context.now().toEpochMilli());
        return GetResourcePolicyResponse.builder().arn(secret.arn()).name(secret.name())
                .resourcePolicy(secret.policy()).build();
    }

    public DeleteResourcePolicyResponse deleteResourcePolicy(RequestContext context,
                                                             DeleteResourcePolicyRequest request) {
        Validation.of("InvalidParameterException").required("secretId", request.secretId()).orThrow();
        long now = context.now().toEpochMilli();
        SecretsManagerState state = states.get(context);
        synchronized (state) {
            SecretRecord secret = state.requireLive(request.secretId(), now);
            state.put(secret.withPolicy(null, now));
            return DeleteResourcePolicyResponse.builder().arn(secret.arn()).name(secret.name()).build();
        }
    }

    public ValidateResourcePolicyResponse validateResourcePolicy(RequestContext context,
                                                                 ValidateResourcePolicyRequest request) {
        Validation.of("InvalidParameterException").required("resourcePolicy", request.resourcePolicy()).orThrow();
        if (request.secretId() != null) {
            states.get(context).requireLive(request.secretId(), context.now().toEpochMilli());
        }
        checked(request.resourcePolicy());
        return ValidateResourcePolicyResponse.builder().policyValidationPassed(true).build();
    }

    private static void checked(String policy) {
        try {
            PolicyDocument.parse(policy, PolicyDocument.Kind.RESOURCE);
        } catch (MalformedPolicyException malformed) {
            throw SecretsManagerErrors.malformedPolicy("This resource policy contains a syntax error. "
                    + malformed.getMessage());
        }
    }
}
