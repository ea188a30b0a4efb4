package gluelab.cloud.services.iam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A managed policy: a customer's own, or one of AWS's (then its ARN's account is {@code aws}). Its versions are
 * kept oldest first; the default one is the policy's permissions.
 *
 * @param nextVersion the number of the next version CreatePolicyVersion makes: version ids are never reused
 */
record ManagedPolicyRecord(String arn, String name, String path, String policyId, String description,
                           Instant createDate, Instant updateDate, String defaultVersionId,
                           List<PolicyVersionRecord> versions, int nextVersion, List<IamTag> tags) {

    /** A policy version: its id ({@code v3}) and its document exactly as it was given. */
    record PolicyVersionRecord(String versionId, String document, Instant createDate) {
    }

    ManagedPolicyRecord {
        versions = List.copyOf(versions);
        tags = List.copyOf(tags);
    }

    boolean awsManaged() {
        return arn.startsWith(IamArns.AWS_POLICY_PREFIX);
    }

    Optional<PolicyVersionRecord> version(String versionId) {
        return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    PolicyVersionRecord defaultVersion() {
        return version(defaultVersionId).orElseThrow();
    }

    ManagedPolicyRecord withVersion(PolicyVersionRecord version, boolean asDefault, Instant now) {
        List<PolicyVersionRecord> more = new ArrayList<>(versions);
        more.add(version);
        return new ManagedPolicyRecord(arn, name, path, policyId, description, createDate, asDefault ? now : updateDate,
                asDefault ? version.versionId() : defaultVersionId, more, nextVersion + 1, tags);
    }

    ManagedPolicyRecord withoutVersion(String versionId) {
        List<PolicyVersionRecord> fewer = new ArrayList<>(versions);
        fewer.removeIf(v -> v.versionId().equals(versionId));
        return new ManagedPolicyRecord(arn, name, path, policyId, description, createDate, updateDate, defaultVersionId,
                fewer, nextVersion, tags);
    }

    ManagedPolicyRecord withDefaultVersion(String versionId, Instant now) {
        return new ManagedPolicyRecord(arn, name, path, policyId, description, createDate, now, versionId, versions,
                nextVersion, tags);
    }

    ManagedPolicyRecord withTags(List<IamTag> newTags) {
        return new ManagedPolicyRecord(arn, name, path, policyId, description, createDate, updateDate, defaultVersionId,
                versions, nextVersion, newTags);
    }
}
