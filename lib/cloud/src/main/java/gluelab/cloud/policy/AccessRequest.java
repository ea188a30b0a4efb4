package gluelab.cloud.policy;

/**
 * One request as policies judge it: who, which action ({@code glue:StartJobRun}), on which resource's ARN (or
 * {@code *} for actions that have none), with which condition keys.
 */
public record AccessRequest(Principal principal, String action, String resource, RequestContextKeys context) {
}
