package gluelab.cloud.provider;

import gluelab.cloud.policy.PolicyDocument;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The roles Lab Cloud knows and their policies: what IAM keeps, as the access control and role sessions need it.
 * IAM installs itself as the directory when it starts ({@link AccessControl#useDirectory}); services never read
 * IAM's state otherwise.
 */
public interface RoleDirectory {

    /** A role as the access control sees it. */
    record Role(Arn arn, String roleId, PolicyDocument trustPolicy, Duration maxSessionDuration) {
    }

    /** The role named by {@code arn} (path included or not: role names are unique in an account). */
    Optional<Role> role(Arn arn);

    /** The role's identity policies: its inline policies and the default versions of its attached ones. */
    List<PolicyDocument> identityPolicies(Arn roleArn);

    /** A directory with no roles at all: before IAM starts, and in tests of other services. */
    RoleDirectory EMPTY = new RoleDirectory() {
        @Override
        public Optional<Role> role(Arn arn) {
            return Optional.empty();
        }

        @Override
        public List<PolicyDocument> identityPolicies(Arn roleArn) {
            return List.of();
        }
    };
}
