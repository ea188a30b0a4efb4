package gluelab.cloud.services.sts;

import gluelab.cloud.auth.Credential;
import gluelab.cloud.policy.RequestContextKeys;
import gluelab.cloud.provider.AccessControl;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.RoleSessions;
import gluelab.cloud.provider.Validation;
import java.time.Duration;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * AssumeRole: temporary credentials that act as a role, in the role's account, until they expire on the lab
 * clock, for a caller the role's trust policy admits (see {@link RoleSessions}).
 */
public final class RoleSessionOperations {

    /** STS answers the Query protocol, whose model-validation code is {@code ValidationError}. */
    static final String VALIDATION = "ValidationError";
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::\\d{12}:role/(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");

    private final RoleSessions roles;
    private final AccessControl access;

    RoleSessionOperations(RoleSessions roles, AccessControl access) {
        this.roles = roles;
        this.access = access;
    }

    public AssumeRoleResponse assumeRole(RequestContext context, AssumeRoleRequest request) {
        int seconds = request.durationSeconds() == null ? 3600 : request.durationSeconds();
        Validation.of(VALIDATION)
                .required("roleArn", request.roleArn())
                .length("roleArn", request.roleArn(), 20, 2048)
                .required("roleSessionName", request.roleSessionName())
                .length("roleSessionName", request.roleSessionName(), 2, 64)
                .pattern("roleSessionName", request.roleSessionName(), SESSION_NAME, "[\\w+=,.@-]*")
                .range("durationSeconds", seconds, 900, 43_200)
                .orThrow();
        if (!ROLE_ARN.matcher(request.roleArn()).matches()) {
            // AWS's own words for a role ARN that is well-formed as text but not a role's ARN.
            throw new AwsServiceException(VALIDATION, request.roleArn() + " is invalid", 400);
        }
        RequestContextKeys keys = new RequestContextKeys().put("sts:ExternalId", request.externalId())
                .put("sts:RoleSessionName", request.roleSessionName());
        RoleSessions.RoleSession session = roles.assumeRole(access.principalOf(context.caller()),
                Arn.parse(request.roleArn()).orElseThrow(), request.roleSessionName(), Duration.ofSeconds(seconds), keys);
        Credential issued = session.credential();
        return AssumeRoleResponse.builder()
                .credentials(Credentials.builder()
                        .accessKeyId(issued.accessKeyId())
                        .secretAccessKey(issued.secretAccessKey())
                        .sessionToken(issued.sessionToken())
                        .expiration(issued.expiration())
                        .build())
                .assumedRoleUser(AssumedRoleUser.builder()
                        .arn(session.assumedRoleArn().toString())
                        .assumedRoleId(session.userId())
                        .build())
                .packedPolicySize(0)
                .build();
    }
}
