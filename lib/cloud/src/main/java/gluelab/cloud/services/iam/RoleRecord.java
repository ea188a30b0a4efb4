package gluelab.cloud.services.iam;

import gluelab.cloud.provider.Arn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A role as IAM keeps it in one account.
 *
 * @param trustPolicy      the AssumeRolePolicyDocument exactly as it was given
 * @param attachedPolicies the ARNs of the managed policies attached to the role, in the order they were attached
 */
record RoleRecord(String name, String path, String roleId, Instant createDate, String trustPolicy, String description,
                  int maxSessionDuration, List<IamTag> tags, List<String> attachedPolicies) {

    RoleRecord {
        tags = List.copyOf(tags);
        attachedPolicies = List.copyOf(attachedPolicies);
    }

    Arn arn(String account) {
        return IamArns.role(account, path, name);
    }

    RoleRecord withTrustPolicy(String document) {
        return new RoleRecord(name, path, roleId, createDate, document, description, maxSessionDuration, tags, attachedPolicies);
    }

    RoleRecord withDescription(String text) {
        return new RoleRecord(name, path, roleId, createDate, trustPolicy, text, maxSessionDuration, tags, attachedPolicies);
    }

    RoleRecord withMaxSessionDuration(int seconds) {
        return new RoleRecord(name, path, roleId, createDate, trustPolicy, description, seconds, tags, attachedPolicies);
    }

    RoleRecord withTags(List<IamTag> newTags) {
        return new RoleRecord(name, path, roleId, createDate, trustPolicy, description, maxSessionDuration, newTags,
                attachedPolicies);
    }

    RoleRecord withAttached(String policyArn) {
        if (attachedPolicies.contains(policyArn)) {
            return this;
        }
        List<String> more = new ArrayList<>(attachedPolicies);
        more.add(policyArn);
        return new RoleRecord(name, path, roleId, createDate, trustPolicy, description, maxSessionDuration, tags, more);
    }

    RoleRecord withDetached(String policyArn) {
        List<String> fewer = new ArrayList<>(attachedPolicies);
        fewer.remove(policyArn);
        return new RoleRecord(name, path, roleId, createDate, trustPolicy, description, maxSessionDuration, tags, fewer);
    }
}
