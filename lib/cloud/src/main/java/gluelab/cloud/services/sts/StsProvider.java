package gluelab.cloud.services.sts;

import gluelab.cloud.auth.Credential;
import gluelab.cloud.protocol.AwsServiceException;
import gluelab.cloud.protocol.ServiceDescriptor;
import gluelab.cloud.service.Platform;
import gluelab.cloud.service.RequestContext;
import gluelab.cloud.service.ServiceProvider;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * STS: who am I, and temporary credentials for a role. The credentials AssumeRole returns sign later
 * requests in the role's account. Trust policies are not checked yet (a later lab adds IAM roles).
 */
public final class StsProvider implements ServiceProvider {

    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.query(
            "sts", "sts", "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/",
            "software.amazon.awssdk.services.sts.model");

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]{1,64})");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    private final Platform platform;

    public StsProvider(Platform platform) {
        this.platform = platform;
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    public GetCallerIdentityResponse getCallerIdentity(RequestContext context, GetCallerIdentityRequest request) {
        Credential caller = context.caller();
        return GetCallerIdentityResponse.builder()
                .account(caller.accountId())
                .arn(caller.principalArn())
                .userId(caller.userId())
                .build();
    }

    public AssumeRoleResponse assumeRole(RequestContext context, AssumeRoleRequest request) {
        if (request.roleArn() == null) {
            throw validation("1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        if (request.roleSessionName() == null || !SESSION_NAME.matcher(request.roleSessionName()).matches()) {
            throw validation("1 validation error detected: Value '" + request.roleSessionName()
                    + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression "
                    + "pattern: [\\w+=,.@-]* and have length between 2 and 64");
        }
        Matcher arn = ROLE_ARN.matcher(request.roleArn());
        if (!arn.matches()) {
            throw validation(request.roleArn() + " is invalid");
        }
        int seconds = request.durationSeconds() == null ? 3600 : request.durationSeconds();
        if (seconds < 900 || seconds > 43200) {
            throw validation("1 validation error detected: Value '" + seconds + "' at 'durationSeconds' failed to "
                    + "satisfy constraint: Member must have value between 900 and 43200");
        }
        String account = arn.group(1);
        String roleName = arn.group(2);
        String roleId = "AROA" + Integer.toHexString(request.roleArn().hashCode()).toUpperCase() + "LABROLE";
        String assumedArn = "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + request.roleSessionName();
        String userId = roleId + ":" + request.roleSessionName();
        Credential issued = platform.credentials().issueTemporary(account, assumedArn, userId,
                context.now(), Duration.ofSeconds(seconds));
        return AssumeRoleResponse.builder()
                .credentials(Credentials.builder()
                        .accessKeyId(issued.accessKeyId())
                        .secretAccessKey(issued.secretAccessKey())
                        .sessionToken(issued.sessionToken())
                        .expiration(issued.expiration())
                        .build())
                .assumedRoleUser(AssumedRoleUser.builder().arn(assumedArn).assumedRoleId(userId).build())
                .packedPolicySize(0)
                .build();
    }

    private static AwsServiceException validation(String message) {
        return new AwsServiceException("ValidationError", message, 400);
    }
}
