package gluelab.cloud.provider;

import gluelab.cloud.auth.Credential;
import gluelab.cloud.auth.CredentialStore;
import gluelab.cloud.clock.LabClock;
import gluelab.cloud.policy.AccessRequest;
import gluelab.cloud.policy.Decision;
import gluelab.cloud.policy.PolicyDocument;
import gluelab.cloud.policy.PolicyEvaluation;
import gluelab.cloud.policy.Principal;
import gluelab.cloud.policy.RequestContextKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one way anything in Lab Cloud becomes a role: STS AssumeRole for a client, and a service acting with the
 * role it was given (a Glue job run's role as {@code glue.amazonaws.com}, a Lambda function's execution role as
 * {@code lambda.amazonaws.com}, a state machine's or schedule's role). As on AWS, the role must exist and its trust
 * policy must admit the caller (and, across accounts, the caller's own policies must allow {@code sts:AssumeRole});
 * every session of a role shows the role's id, and its credentials act in the role's account, so what the session
 * may do is what the role may do. With IAM enforcement off, any role ARN may be assumed.
 */
public final class RoleSessions {

    static final String ASSUME_ROLE = "sts:AssumeRole";

    private final CredentialStore credentials;
    private final LabClock clock;
    private final AccessControl access;

    public RoleSessions(CredentialStore credentials, LabClock clock, AccessControl access) {
        this.credentials = credentials;
        this.clock = clock;
        this.access = access;
    }

    /** A role's session: who it is ({@code arn:aws:sts::…:assumed-role/R/s}) and the credentials that sign as it. */
    public record RoleSession(Arn roleArn, String roleId, Arn assumedRoleArn, String sessionName, Credential credential) {

        /** {@code AROA…:session}, what GetCallerIdentity shows as the UserId. */
        public String userId() {
            return roleId + ":" + sessionName;
        }
    }

    /**
     * Temporary credentials for {@code roleArn} ({@code arn:aws:iam::<account>:role/[path/]name}) lasting
     * {@code duration} on the lab clock, for {@code caller}.
     *
     * @param keys the call's own condition keys, e.g. {@code sts:ExternalId}
     * @throws AwsServiceException STS's {@code AccessDenied} when the role does not exist or does not trust the
     *                             caller; {@code ValidationError} when the duration is over the role's maximum
     */
    public RoleSession assumeRole(Principal caller, Arn roleArn, String sessionName, Duration duration,
                                  RequestContextKeys keys) {
        return assume(caller, roleArn, sessionName, duration, keys, true);
    }

    /**
     * A service acting as the role it was given, e.g. Glue running a job. The service refreshes its session as long
     * as the work lasts, so the role's maximum session duration does not bound it.
     */
    public RoleSession assumeRoleAsService(String servicePrincipal, Arn roleArn, String sessionName, Duration duration) {
        return assume(Principal.service(servicePrincipal), roleArn, sessionName, duration, new RequestContextKeys(), false);
    }

    /**
     * Whether a service could act as the role now: it exists and trusts the service. Services that take a role when
     * a resource is defined (a Glue crawler, a Lambda function) check it then, as AWS does; always true with
     * enforcement off.
     */
    public boolean admitsService(String servicePrincipal, Arn roleArn) {
        try {
            checkTrust(Principal.service(servicePrincipal), roleArn, new RequestContextKeys());
            return true;
        } catch (AwsServiceException denied) {
            return false;
        }
    }

    private RoleSession assume(Principal caller, Arn roleArn, String sessionName, Duration duration,
                               RequestContextKeys keys, boolean boundedByRole) {
        Optional<RoleDirectory.Role> role = checkTrust(caller, roleArn, keys);
        if (boundedByRole && role.isPresent() && duration.compareTo(role.get().maxSessionDuration()) > 0) {
            throw new AwsServiceException("ValidationError",
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", 400);
        }
        Arn arn = role.map(RoleDirectory.Role::arn).orElse(roleArn);
        String roleId = role.map(RoleDirectory.Role::roleId).orElseGet(() -> roleId(roleArn));
        Arn assumed = Arn.global("sts", arn.account(), "assumed-role/" + arn.resourceName() + "/" + sessionName);
        Credential credential = credentials.issueTemporary(arn.account(), assumed.toString(),
                roleId + ":" + sessionName, clock.instant(), duration);
        return new RoleSession(arn, roleId, assumed, sessionName, credential);
    }

    /** The role, if IAM knows it; with enforcement on, only if its trust policy admits the caller. */
    private Optional<RoleDirectory.Role> checkTrust(Principal caller, Arn roleArn, RequestContextKeys keys) {
        Optional<RoleDirectory.Role> role = access.directory().role(roleArn);
        if (!access.enforcing()) {
            return role;
        }
        if (role.isEmpty()) {
            throw denied(caller, Access.of(ASSUME_ROLE, roleArn), new Decision(Decision.Outcome.IMPLICIT_DENY,
                    Decision.RESOURCE_BASED));
        }
        RequestContextKeys all = access.commonKeys(caller, null);
        keys.asMap().forEach(all::putAll);
        List<PolicyDocument> callerPolicies = caller.kind() == Principal.Kind.ROLE_SESSION
                ? access.directory().identityPolicies(Arn.parse(caller.roleArn()).orElseThrow()) : List.of();
        Decision decision = PolicyEvaluation.evaluateTrust(new AccessRequest(caller, ASSUME_ROLE,
                role.get().arn().toString(), all), callerPolicies, role.get().trustPolicy(), roleArn.account());
        if (!decision.allowed()) {
            throw denied(caller, Access.of(ASSUME_ROLE, role.get().arn()), decision);
        }
        return role;
    }

    private static AwsServiceException denied(Principal caller, Access assume, Decision decision) {
        return new AwsServiceException("AccessDenied", AccessControl.deniedMessage(caller, assume, decision), 403);
    }

    /**
     * A role id, {@code AROA} and 17 characters, for a role IAM does not know (with enforcement off): stable for one
     * role ARN. IAM gives each role it creates its own.
     */
    public static String roleId(Arn roleArn) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(roleArn.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder("AROA");
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            for (int i = 0; i < 17; i++) {
                id.append(alphabet.charAt((digest[i] & 0xff) % alphabet.length()));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
