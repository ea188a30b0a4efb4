package gluelab.cloud.services.sts;

import gluelab.cloud.auth.Credential;
import gluelab.cloud.provider.RequestContext;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** GetCallerIdentity: the account, ARN and user id of whoever signed the request. */
public final class IdentityOperations {

    public GetCallerIdentityResponse getCallerIdentity(RequestContext context, GetCallerIdentityRequest request) {
        Credential caller = context.caller();
        return GetCallerIdentityResponse.builder()
                .account(caller.accountId())
                .arn(caller.principalArn())
                .userId(caller.userId())
                .build();
    }
}
