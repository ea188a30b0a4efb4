package gluelab.cloud.provider;

import gluelab.cloud.auth.Credential;
import gluelab.cloud.auth.CredentialStore;
import gluelab.cloud.clock.LabClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Locale;

/**
 * The one way anything in Lab Cloud becomes a role: STS AssumeRole for a client, and a service acting with the
 * role it was given (a Glue job run's role, a Lambda function's execution role, a state machine's or schedule's
 * role). Every session of a role shows the same role id, {@code AROA…}, as on AWS, and its credentials act in the
 * role's account, so what the session may do is what the role may do.
 */
public final class RoleSessions {

    private final CredentialStore credentials;
    private final LabClock clock;

    public RoleSessions(CredentialStore credentials, LabClock clock) {
        this.credentials = credentials;
        this.clock = clock;
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
     * {@code duration} on the lab clock. The caller has already decided that the session is allowed.
     */
    public RoleSession assumeRole(Arn roleArn, String sessionName, Duration duration) {
        String roleName = roleArn.resourceName();
        String roleId = roleId(roleArn);
        Arn assumed = Arn.global("sts", roleArn.account(), "assumed-role/" + roleName + "/" + sessionName);
        Credential credential = credentials.issueTemporary(roleArn.account(), assumed.toString(),
                roleId + ":" + sessionName, clock.instant(), duration);
        return new RoleSession(roleArn, roleId, assumed, sessionName, credential);
    }

    /**
     * The role's unique id, {@code AROA} and 17 characters, stable for one role ARN. (AWS makes a new one when a
     * role is deleted and created again; so will Lab Cloud once IAM keeps roles.)
     */
    public static String roleId(Arn roleArn) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(roleArn.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder("AROA");
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            for (int i = 0; i < 17; i++) {
                id.append(alphabet.charAt((digest[i] & 0xff) % alphabet.length()));
            }
            return id.toString().toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
