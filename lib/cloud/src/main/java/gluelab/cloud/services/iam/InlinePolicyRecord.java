package gluelab.cloud.services.iam;

/** A policy embedded in a role (PutRolePolicy), its document exactly as it was given. */
record InlinePolicyRecord(String roleName, String policyName, String document) {
}
